import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../src/platform/db/dialect.js';

/**
 * The full-text index of published articles (see src/features/search/README.md). Both databases index
 * the words our own analyzer produced; neither tokenizes or stems on its own.
 * - SQLite: an FTS5 table, one column per field and form (exact words, stems), so bm25() weighs them.
 * - PostgreSQL: a tsvector per article, written as a literal with weights and positions, GIN-indexed.
 * search_index_state records which analyzer version built the index; the app rebuilds it when they differ.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await db.schema
      .createTable('article_search')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX article_search_document_idx ON article_search USING gin (document)`.execute(db);
  } else {
    // unicode61 only splits on the spaces between our words; remove_diacritics 0 because the analyzer
    // already folded what should be folded. prefix: instant search matches the word being typed.
    await sql`CREATE VIRTUAL TABLE article_search USING fts5(
      article_id UNINDEXED,
      headline_exact, headline_stems, standfirst_exact, standfirst_stems,
      body_exact, body_stems, meta_exact, meta_stems,
      tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4'
    )`.execute(db);
  }
  await db.schema
    .createTable('search_index_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('analyzer_version', 'integer', (c) => c.notNull())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_index_state').execute();
  await db.schema.dropTable('article_search').execute();
}

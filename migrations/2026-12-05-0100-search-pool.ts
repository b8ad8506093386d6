import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../src/platform/db/dialect.js';

/**
 * The search index laid out for a large archive (see src/features/search/README.md, "Speed"): a query
 * ranks the newest 1,000 matches, so each database must find the newest matches without visiting all.
 * - SQLite: the FTS5 row's rowid is the article's "row key", publication time in milliseconds × 1024
 *   (plus a counter for the same millisecond), so FTS5 walks matches newest first and a date range is a
 *   rowid range. article_search_rows maps the key to the article with the filters search needs.
 * - PostgreSQL: the filters and publication time sit beside the document; `ranking` is a small vector
 *   (headline, standfirst, names, opening words) so ranking a pool never reads the large documents;
 *   the document carries time-bucket lexemes (week, month) so the GIN index finds recent matches alone.
 * - Both: search_terms counts, per stem, the articles whose headline, standfirst or body has it, for
 *   the related-articles TF-IDF (counting on the fly read every document of a common word).
 * The index is emptied and its state forgotten, so the app rebuilds it in the background at start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE article_search`.execute(db);
  if (dialectOf(db) === 'postgres') {
    await sql`CREATE TABLE article_search (
      article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      language text NOT NULL,
      section_id text NOT NULL,
      published_at text NOT NULL,
      document tsvector NOT NULL,
      ranking tsvector NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX article_search_document_idx ON article_search USING gin (document)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE article_search USING fts5(
      headline_exact, headline_stems, standfirst_exact, standfirst_stems,
      body_exact, body_stems, meta_exact, meta_stems,
      tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4'
    )`.execute(db);
    await sql`CREATE TABLE article_search_rows (
      row_key INTEGER PRIMARY KEY,
      article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
      language TEXT NOT NULL,
      section_id TEXT NOT NULL
    )`.execute(db);
  }
  await sql`CREATE TABLE search_terms (term text PRIMARY KEY, documents integer NOT NULL)`.execute(db);
  await sql`DELETE FROM search_index_state`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE search_terms`.execute(db);
  await sql`DROP TABLE article_search`.execute(db);
  if (dialectOf(db) === 'postgres') {
    await sql`CREATE TABLE article_search (article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, document tsvector NOT NULL)`.execute(db);
    await sql`CREATE INDEX article_search_document_idx ON article_search USING gin (document)`.execute(db);
  } else {
    await sql`DROP TABLE article_search_rows`.execute(db);
    await sql`CREATE VIRTUAL TABLE article_search USING fts5(
      article_id UNINDEXED,
      headline_exact, headline_stems, standfirst_exact, standfirst_stems,
      body_exact, body_stems, meta_exact, meta_stems,
      tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4'
    )`.execute(db);
  }
  await sql`DELETE FROM search_index_state`.execute(db);
}

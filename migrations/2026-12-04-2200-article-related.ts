import type { Kysely } from 'kysely';

/**
 * Related articles, computed when an article is published or edited (src/features/search/related.ts)
 * and stored, so an article page reads a short ordered list instead of ranking the archive.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_related')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('related_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('score', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_related_pk', ['article_id', 'position'])
    .execute();
  await db.schema.createIndex('article_related_related_idx').on('article_related').column('related_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_related').execute();
}

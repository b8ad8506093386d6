import type { Kysely } from 'kysely';

// What the newsroom needs on top of the content model: who created an article, when it is
// scheduled, every saved revision, and the editing lock that warns two people off the same article.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('created_by_user_id', 'text').execute();
  await db.schema.alterTable('articles').addColumn('scheduled_at', 'text').execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'autosave' | 'save' | 'status' | 'restore'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull()) // JSON of the article input
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('article_revisions_number_unique', ['article_id', 'number'])
    .execute();

  await db.schema
    .createTable('article_locks')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_label', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_locks').execute();
  await db.schema.dropTable('article_revisions').execute();
  await db.schema.alterTable('articles').dropColumn('scheduled_at').execute();
  await db.schema.alterTable('articles').dropColumn('created_by_user_id').execute();
}

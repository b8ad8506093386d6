import type { Kysely } from 'kysely';

/**
 * One row per article that has, or is getting, audio (src/features/audio/README.md): its state, where
 * the file is, how long it plays, and the hash of the text it was made from (an unchanged text is not
 * synthesized again). A recorded narration replaces synthetic audio; 'off' means the editor switched it off.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_audio')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull()) // pending | ready | failed | off
    .addColumn('source', 'text', (c) => c.notNull()) // synthetic | narration
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('bytes', 'integer')
    .addColumn('duration_ms', 'integer')
    .addColumn('text_hash', 'text')
    .addColumn('provider', 'text')
    .addColumn('error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_audio').execute();
}

import type { Kysely } from 'kysely';

/**
 * Integrations (src/features/integrations/README.md): a partner, a front end or a tool that reads the
 * Content API with its content key, or writes through the Admin API with its admin key (id:secret,
 * Ghost's formats). The secret signs the integration's tokens, so it is kept as it must be used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_key', 'text', (c) => c.notNull().unique())
    .addColumn('admin_key_id', 'text', (c) => c.notNull().unique())
    .addColumn('admin_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('integrations').execute();
}

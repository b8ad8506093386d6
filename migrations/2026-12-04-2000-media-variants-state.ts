import type { Kysely } from 'kysely';

// Responsive variants and focal crops are made by a background job after the upload answers.
// variants_state says where that stands: 'pending' (the job has not finished; pages show the
// re-encoded original only), 'ready', or 'failed' (the job gave up; the original still serves).
// Every image stored before this migration had its variants made during the upload: 'ready'.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('media').addColumn('variants_state', 'text', (c) => c.notNull().defaultTo('ready')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('media').dropColumn('variants_state').execute();
}

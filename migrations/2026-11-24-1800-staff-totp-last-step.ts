import type { Kysely } from 'kysely';

// The last 30-second step whose two-step code was accepted, so a code cannot be used twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_users').addColumn('totp_last_step', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_users').dropColumn('totp_last_step').execute();
}

import { sql, type Kysely } from 'kysely';

// The job queue (src/platform/jobs). Portable types only; times are ISO-8601 UTC text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // 'pending' | 'running' | 'done' | 'failed'
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Claiming: due pending jobs and running jobs whose lease may have expired, oldest first.
  await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['status', 'run_at']).execute();
  // One pending job per dedupe key; enqueueJob's ON CONFLICT targets exactly this partial index.
  await db.schema
    .createIndex('jobs_dedupe_pending_idx')
    .unique()
    .on('jobs')
    .column('dedupe_key')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  // Claiming holds back a pending job while another job with its key is still running.
  await db.schema.createIndex('jobs_dedupe_running_idx').on('jobs').column('dedupe_key').where(sql.ref('status'), '=', 'running').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}

import type { Kysely } from 'kysely';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/** One unit of background work. Times are ISO-8601 UTC text (platform/db/time.ts). */
export interface JobsTable {
  id: string;
  name: string;
  payload: string; // JSON; only ids and small values (principle 7)
  dedupe_key: string | null; // at most one pending job per key
  status: JobStatus;
  run_at: string; // due time; for a retry, when the next attempt may start
  attempts: number; // runs started so far (counted when claimed, so a crash counts too)
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null; // worker id holding the lease while running
  locked_until: string | null; // lease end; after it another worker may take the job over
  created_at: string;
  updated_at: string;
}

/** The tables the job queue reads and writes; the app's DB type includes them. */
export type JobsTables = {
  jobs: JobsTable;
};

/**
 * The queue's functions take any Kysely or Transaction whose database has the jobs table (the app's
 * `Db`, a feature's transaction). Kysely<DB> is invariant in DB, so they narrow it here; they touch
 * only the jobs table, which makes the narrowing safe.
 */
export function jobsDb<DB extends JobsTables>(db: Kysely<DB>): Kysely<JobsTables> {
  return db as unknown as Kysely<JobsTables>;
}

import type { Kysely, Transaction } from 'kysely';

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
  locked_by: string | null; // the worker that claimed it last (holds the lease while running)
  locked_until: string | null; // lease end; after it another worker may take the job over
  created_at: string;
  updated_at: string;
}

/** The tables the job queue reads and writes; the app's DB type includes them. */
export type JobsTables = {
  jobs: JobsTable;
};

/**
 * What the queue's functions take: a Kysely or a Transaction over any database that has the jobs
 * table (the app's Db, a feature's transaction). Transaction is named so TypeScript infers DB from it.
 */
export type JobsDb<DB extends JobsTables> = Kysely<DB> | Transaction<DB>;

/** Kysely<DB> is invariant in DB; the queue touches only the jobs table, so narrowing to it is safe. */
export function jobsDb<DB extends JobsTables>(db: JobsDb<DB>): Kysely<JobsTables> {
  return db as unknown as Kysely<JobsTables>;
}

import { sql } from 'kysely';
import { toDbTime } from '../db/time.js';
import { newId } from '../db/ids.js';
import { jobsDb, type JobsDb, type JobsTables } from './jobs.table.js';

export const DEFAULT_MAX_ATTEMPTS = 5;

export interface NewJob {
  /** The handler's name in worker.ts, e.g. 'publish-article'. */
  name: string;
  /** JSON-serialisable; carry ids, not copies of rows (the handler reads the current state). */
  payload: unknown;
  /** When it may run; default: now. */
  runAt?: Date;
  /** At most one pending job per key: enqueueing again replaces its payload and run_at. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job. Pass the caller's transaction so the job exists if and only if the change that
 * caused it commits. With a dedupe key that already has a pending job, that job is rescheduled
 * (new payload, run_at and max_attempts, attempts reset) instead of a second one being added.
 * Returns the job's id.
 */
export async function enqueueJob<DB extends JobsTables>(db: JobsDb<DB>, job: NewJob, now: Date): Promise<string> {
  const payload = JSON.stringify(job.payload);
  if (payload === undefined) throw new TypeError(`job ${job.name}: payload is not JSON-serialisable`);
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`job ${job.name}: maxAttempts must be a positive integer`);
  const at = toDbTime(now);
  const runAt = toDbTime(job.runAt ?? now);
  const row = await jobsDb(db)
    .insertInto('jobs')
    .values({
      id: newId(),
      name: job.name,
      payload,
      dedupe_key: job.dedupeKey ?? null,
      status: 'pending',
      run_at: runAt,
      attempts: 0,
      max_attempts: maxAttempts,
      last_error: null,
      locked_by: null,
      locked_until: null,
      created_at: at,
      updated_at: at,
    })
    // Targets the partial unique index jobs_dedupe_pending_idx; its predicate must be a literal,
    // not a parameter, for PostgreSQL to match it. Rows without a key never conflict (NULLs differ).
    .onConflict((oc) =>
      oc
        .column('dedupe_key')
        .where(sql.ref('status'), '=', sql.lit('pending'))
        .doUpdateSet({ payload, run_at: runAt, attempts: 0, max_attempts: maxAttempts, updated_at: at }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Deletes the pending jobs with this dedupe key (e.g. an article taken off the schedule) and
 * returns how many. A job already running is not stopped: its handler must re-check the state.
 */
export async function cancelJobs<DB extends JobsTables>(db: JobsDb<DB>, dedupeKey: string): Promise<number> {
  const result = await jobsDb(db).deleteFrom('jobs').where('dedupe_key', '=', dedupeKey).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes done jobs last touched before `before` (failed ones are kept for inspection). */
export async function deleteDoneJobs<DB extends JobsTables>(db: JobsDb<DB>, before: Date): Promise<number> {
  const result = await jobsDb(db).deleteFrom('jobs').where('status', '=', 'done').where('updated_at', '<', toDbTime(before)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

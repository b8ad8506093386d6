import type { Selectable } from 'kysely';
import type { DatabaseKind } from '../db/database.js';
import { toDbTime } from '../db/time.js';
import { claimDueJobsPostgres } from './claim.postgres.js';
import { claimDueJobsSqlite } from './claim.sqlite.js';
import type { ClaimParams } from './due.js';
import { jobsDb, type JobsDb, type JobsTable, type JobsTables } from './jobs.table.js';

export type ClaimedJob = Selectable<JobsTable>;

export interface ClaimOptions {
  workerId: string;
  /** Claim at most this many jobs. */
  limit: number;
  now: Date;
  /** How long the claim holds; after it, another worker may take the job over. */
  leaseMs: number;
  /** Only jobs with these names (the ones this worker has handlers for). Default: any. */
  names?: readonly string[];
}

/**
 * Marks up to `limit` due jobs as running under `workerId` with a lease, and returns them oldest
 * first. Due: pending with run_at <= now (held back while another job with the same dedupe key is
 * still running under a live lease), or running with an expired lease (its worker crashed or
 * overran). Each claim counts one attempt.
 */
export async function claimDueJobs<DB extends JobsTables>(db: JobsDb<DB>, kind: DatabaseKind, opts: ClaimOptions): Promise<ClaimedJob[]> {
  if (opts.limit < 1 || opts.names?.length === 0) return [];
  const params: ClaimParams = {
    workerId: opts.workerId,
    limit: opts.limit,
    now: toDbTime(opts.now),
    lockedUntil: toDbTime(new Date(opts.now.getTime() + opts.leaseMs)),
    names: opts.names,
  };
  const jobs = kind === 'postgres' ? await claimDueJobsPostgres(jobsDb(db), params) : await claimDueJobsSqlite(jobsDb(db), params);
  // RETURNING keeps no order; hand them back oldest first.
  return jobs.sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

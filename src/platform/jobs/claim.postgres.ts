import type { Kysely } from 'kysely';
import { claimUpdate, selectDueJobIds, type ClaimParams } from './due.js';
import type { JobsTables } from './jobs.table.js';

/**
 * Several workers claim at once on PostgreSQL: FOR UPDATE SKIP LOCKED makes each one lock and take
 * rows no other claim holds, without waiting. A row another claim committed meanwhile is re-checked
 * against the WHERE clause (READ COMMITTED), so a job just taken as running is skipped.
 */
export async function claimDueJobsPostgres(db: Kysely<JobsTables>, p: ClaimParams) {
  return db
    .updateTable('jobs')
    .set((eb) => ({ ...claimUpdate(p), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', selectDueJobIds(db, p).forUpdate().skipLocked())
    .returningAll()
    .execute();
}

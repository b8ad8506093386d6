import type { Kysely } from 'kysely';
import { claimUpdate, selectDueJobIds, type ClaimParams } from './due.js';
import type { JobsTables } from './jobs.table.js';

/**
 * SQLite serialises writers, and one UPDATE statement is one write transaction that holds the write
 * lock from its first read: selecting the due ids and marking them running happen atomically, so
 * processes sharing the file never claim the same job. (A deferred BEGIN; SELECT; UPDATE would take
 * the lock only at the UPDATE and fail with SQLITE_BUSY_SNAPSHOT when another process got there first.)
 */
export async function claimDueJobsSqlite(db: Kysely<JobsTables>, p: ClaimParams) {
  return db
    .updateTable('jobs')
    .set((eb) => ({ ...claimUpdate(p), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', selectDueJobIds(db, p))
    .returningAll()
    .execute();
}

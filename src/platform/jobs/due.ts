import { sql, type Kysely } from 'kysely';
import type { JobsTables } from './jobs.table.js';

/** What a claim needs, already encoded for the database. */
export interface ClaimParams {
  workerId: string;
  limit: number;
  now: string;
  lockedUntil: string;
  names: readonly string[] | undefined;
}

/**
 * The ids of the jobs a claim may take, oldest first: pending and due (unless another job with the
 * same dedupe key is running under a live lease, so two runs of one key do not overlap), or running
 * with an expired lease. Portable; each dialect's claim file adds its own locking around it.
 */
export function selectDueJobIds(db: Kysely<JobsTables>, p: ClaimParams) {
  return db
    .selectFrom('jobs as j')
    .select('j.id')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('j.status', '=', sql.lit('pending')),
          eb('j.run_at', '<=', p.now),
          eb.or([
            eb('j.dedupe_key', 'is', null),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('jobs as r')
                  .select(sql.lit(1).as('one'))
                  .whereRef('r.dedupe_key', '=', 'j.dedupe_key')
                  .where('r.status', '=', sql.lit('running'))
                  .where('r.locked_until', '>', p.now),
              ),
            ),
          ]),
        ]),
        eb.and([eb('j.status', '=', sql.lit('running')), eb('j.locked_until', '<=', p.now)]),
      ]),
    )
    .$if(p.names !== undefined, (qb) => qb.where('j.name', 'in', p.names ?? []))
    .orderBy('j.run_at')
    .orderBy('j.id')
    .limit(p.limit);
}

/** The update that turns the selected jobs into this worker's running jobs. */
export function claimUpdate(p: ClaimParams) {
  return {
    status: 'running' as const,
    locked_by: p.workerId,
    locked_until: p.lockedUntil,
    updated_at: p.now,
  };
}

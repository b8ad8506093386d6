import type { Db } from '../../../db-schema.js';
import { toDbTime } from '../../../platform/db/time.js';

export interface ClaimedDelivery {
  id: string;
  issue_id: string;
  subscriber_id: string;
  email: string;
  attempts: number;
  possible_repeat: number;
}

/**
 * Takes up to `limit` due rows for this worker, in one statement: queued rows whose time has come,
 * and rows another worker was sending when its lease ran out (it died or stalled). Such a row is
 * marked `possible_repeat`: the server may have accepted it before the worker could record it.
 * PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent workers take disjoint rows without waiting.
 * SQLite: one UPDATE is one write transaction holding the lock from its first read (see platform/jobs).
 */
export async function claimDeliveries(db: Db, kind: 'sqlite' | 'postgres', p: { workerId: string; limit: number; leaseMs: number; now: Date }): Promise<ClaimedDelivery[]> {
  const now = toDbTime(p.now);
  let due = db
    .selectFrom('newsletter_deliveries')
    .select('id')
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', now)])]))
    .orderBy('run_at')
    .orderBy('id')
    .limit(p.limit);
  if (kind === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('newsletter_deliveries')
    .set((eb) => ({
      status: 'sending',
      locked_by: p.workerId,
      locked_until: toDbTime(new Date(p.now.getTime() + p.leaseMs)),
      attempts: eb('attempts', '+', 1),
      possible_repeat: eb.case().when('status', '=', 'sending').then(1).else(eb.ref('possible_repeat')).end(),
    }))
    .where('id', 'in', due)
    .returning(['id', 'issue_id', 'subscriber_id', 'email', 'attempts', 'possible_repeat'])
    .execute();
}

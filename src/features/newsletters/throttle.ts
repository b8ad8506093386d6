import type { Db } from '../../db-schema.js';
import { fromDbTime, toDbTime } from '../../platform/db/time.js';

/**
 * A fixed-window counter in the database, so every instance counts together. Returns false once
 * `limit` hits were counted for `key` within `windowMs`.
 */
export async function allowHit(db: Db, key: string, limit: number, windowMs: number, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('newsletter_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row || now.getTime() - fromDbTime(row.window_started_at).getTime() >= windowMs) {
      await trx
        .insertInto('newsletter_throttle')
        .values({ key, window_started_at: toDbTime(now), hits: 1 })
        .onConflict((oc) => oc.column('key').doUpdateSet({ window_started_at: toDbTime(now), hits: 1 }))
        .execute();
      return true;
    }
    if (row.hits >= limit) return false;
    await trx.updateTable('newsletter_throttle').set((eb) => ({ hits: eb('hits', '+', 1) })).where('key', '=', key).execute();
    return true;
  });
}

/** Old windows are useless; the daily digest planner sweeps them. */
export async function deleteOldThrottleRows(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('newsletter_throttle').where('window_started_at', '<', toDbTime(before)).execute();
}

import type { Db } from '../../db-schema.js';

const KEY = 'site';

export async function findSiteSettingsJson(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('site_settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row?.value;
}

export async function upsertSiteSettingsJson(db: Db, value: string, now: string): Promise<void> {
  await db
    .insertInto('site_settings')
    .values({ key: KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

import { randomBytes } from 'node:crypto';
import type { Db } from '../../db-schema.js';
import { toDbTime } from '../../platform/db/time.js';

export type SecretName = 'link-signing' | 'bounce-webhook';

/**
 * A secret made on first use and kept in the database, so every instance signs and checks links with
 * the same key and a restart does not break the links in mail already sent.
 */
export async function newsletterSecret(db: Db, name: SecretName, now: Date): Promise<string> {
  const found = await db.selectFrom('newsletter_secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (found) return found.value;
  // Two instances may race here; the first insert wins and both read it back.
  await db
    .insertInto('newsletter_secrets')
    .values({ name, value: randomBytes(32).toString('base64url'), created_at: toDbTime(now) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('newsletter_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

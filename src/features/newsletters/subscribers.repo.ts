import type { Db } from '../../db-schema.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import type { NewsletterConsentsTable, NewsletterSubscribersTable } from './newsletters.table.js';

export type SubscriberRow = NewsletterSubscribersTable;

export function findSubscriberByEmail(db: Db, email: string) {
  return db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findSubscriberById(db: Db, id: string) {
  return db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listsOf(db: Db, subscriberId: string): Promise<string[]> {
  const rows = await db.selectFrom('newsletter_subscriptions').select('list').where('subscriber_id', '=', subscriberId).execute();
  return rows.map((r) => r.list);
}

/** Inserts the address as pending unless it exists; returns the row either way. */
export async function ensureSubscriber(db: Db, email: string, language: Language, source: string, now: Date): Promise<SubscriberRow> {
  const at = toDbTime(now);
  await db
    .insertInto('newsletter_subscribers')
    .values({ id: newId(), email, language, status: 'pending', source, created_at: at, updated_at: at, confirmed_at: null, unsubscribed_at: null, confirmation_sent_at: null })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const row = await findSubscriberByEmail(db, email);
  if (!row) throw new Error(`subscriber ${email} vanished after insert`);
  return row;
}

export async function replaceLists(db: Db, subscriberId: string, lists: readonly string[]): Promise<void> {
  await db.deleteFrom('newsletter_subscriptions').where('subscriber_id', '=', subscriberId).execute();
  if (lists.length) await db.insertInto('newsletter_subscriptions').values(lists.map((list) => ({ subscriber_id: subscriberId, list }))).execute();
}

export async function recordConsent(db: Db, row: Omit<NewsletterConsentsTable, 'id' | 'lists' | 'created_at'> & { lists: readonly string[] }, now: Date): Promise<void> {
  await db
    .insertInto('newsletter_consents')
    .values({ ...row, id: newId(), lists: JSON.stringify(row.lists), created_at: toDbTime(now) })
    .execute();
}

export function consentsOf(db: Db, subscriberId: string) {
  return db.selectFrom('newsletter_consents').selectAll().where('subscriber_id', '=', subscriberId).orderBy('created_at').orderBy('id').execute();
}

/** Deliveries not yet sent to this address are dropped: an unsubscribe takes effect mid-send too. */
export async function dropQueuedDeliveries(db: Db, subscriberId: string, reason: string): Promise<void> {
  await db.updateTable('newsletter_deliveries').set({ status: 'suppressed', error: reason }).where('subscriber_id', '=', subscriberId).where('status', '=', 'queued').execute();
}

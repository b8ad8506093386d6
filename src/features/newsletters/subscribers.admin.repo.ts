import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db-schema.js';
import type { Language } from '../../platform/i18n/i18n.js';
import type { NewsletterConsentsTable, NewsletterSubscribersTable, NewsletterSuppressionsTable } from './newsletters.table.js';

/** The newsroom's queries about subscribers and suppressions (counts, search, import, export). */

export type SubscriberStatusFilter = NewsletterSubscribersTable['status'] | 'suppressed';

export interface SubscriberFilters {
  /** Part of the address, any case. */
  q: string;
  status: SubscriberStatusFilter | '';
  language: Language | '';
  list: string;
}

/** `%`, `_` and the escape character itself match literally in a LIKE pattern. */
function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
// Written the same on both databases: SQLite and PostgreSQL both take ESCAPE '\'.
const likeEscaped = (column: string, q: string) => sql<SqlBool>`lower(${sql.ref(column)}) like ${containsPattern(q)} escape '\\'`;

function filtered(db: Db, f: SubscriberFilters) {
  let query = db.selectFrom('newsletter_subscribers as s');
  if (f.q) query = query.where(likeEscaped('s.email', f.q));
  if (f.status === 'suppressed') query = query.where((eb) => eb.exists(eb.selectFrom('newsletter_suppressions as x').select('x.email').whereRef('x.email', '=', 's.email')));
  else if (f.status) query = query.where('s.status', '=', f.status);
  if (f.language) query = query.where('s.language', '=', f.language);
  if (f.list) {
    const list = f.list;
    query = query.where((eb) => eb.exists(eb.selectFrom('newsletter_subscriptions as l').select('l.list').whereRef('l.subscriber_id', '=', 's.id').where('l.list', '=', list)));
  }
  return query;
}

export async function countSubscribers(db: Db, f: SubscriberFilters): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type SubscriberListRow = Pick<NewsletterSubscribersTable, 'id' | 'email' | 'status' | 'language' | 'created_at' | 'confirmed_at'> & { suppressed: string | null };

/** One page of matching subscribers, newest first. */
export function findSubscribers(db: Db, f: SubscriberFilters, limit: number, offset: number): Promise<SubscriberListRow[]> {
  return filtered(db, f)
    .leftJoin('newsletter_suppressions as xs', 'xs.email', 's.email')
    .select(['s.id', 's.email', 's.status', 's.language', 's.created_at', 's.confirmed_at', 'xs.reason as suppressed'])
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * Matching subscribers in id order (signup order: ids are time-sortable), after a given id: an
 * export walks the primary key in batches instead of sorting the whole table once per batch.
 */
export function findSubscribersAfter(db: Db, f: SubscriberFilters, afterId: string, limit: number): Promise<SubscriberListRow[]> {
  return filtered(db, f)
    .leftJoin('newsletter_suppressions as xs', 'xs.email', 's.email')
    .select(['s.id', 's.email', 's.status', 's.language', 's.created_at', 's.confirmed_at', 'xs.reason as suppressed'])
    .where('s.id', '>', afterId)
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

/** Each subscriber's lists, for the given ids (in chunks: a list page, an export batch). */
export async function listsOfSubscribers(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('newsletter_subscriptions')
      .select(['subscriber_id', 'list'])
      .where('subscriber_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.get(r.subscriber_id)?.push(r.list);
  }
  return out;
}

/** Confirmed subscribers who would be mailed (not suppressed), per list and language. */
export async function countActiveByListAndLanguage(db: Db): Promise<{ list: string; language: Language; n: number }[]> {
  const rows = await db
    .selectFrom('newsletter_subscriptions as l')
    .innerJoin('newsletter_subscribers as s', 's.id', 'l.subscriber_id')
    .leftJoin('newsletter_suppressions as x', 'x.email', 's.email')
    .where('s.status', '=', 'active')
    .where('x.email', 'is', null)
    .select(['l.list', 's.language', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['l.list', 's.language'])
    .execute();
  return rows.map((r) => ({ list: r.list, language: r.language, n: Number(r.n) }));
}

export async function countByStatus(db: Db): Promise<Record<NewsletterSubscribersTable['status'], number>> {
  const rows = await db
    .selectFrom('newsletter_subscribers')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const out = { active: 0, pending: 0, unsubscribed: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** Confirmed subscribers whose address is suppressed: on the lists, but never mailed. */
export async function countActiveSuppressed(db: Db): Promise<number> {
  const row = await db
    .selectFrom('newsletter_subscribers as s')
    .innerJoin('newsletter_suppressions as x', 'x.email', 's.email')
    .where('s.status', '=', 'active')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type SuppressionRow = NewsletterSuppressionsTable;

function suppressionsMatching(db: Db, q: string) {
  const query = db.selectFrom('newsletter_suppressions');
  return q ? query.where(likeEscaped('email', q)) : query;
}

export async function countSuppressions(db: Db, q: string): Promise<number> {
  const row = await suppressionsMatching(db, q)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findSuppressions(db: Db, q: string, limit: number, offset: number): Promise<SuppressionRow[]> {
  return suppressionsMatching(db, q).selectAll().orderBy('created_at', 'desc').orderBy('email').limit(limit).offset(offset).execute();
}

export function findSuppression(db: Db, email: string): Promise<SuppressionRow | undefined> {
  return db.selectFrom('newsletter_suppressions').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Which of these addresses are suppressed. */
export async function suppressedAmong(db: Db, emails: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db.selectFrom('newsletter_suppressions').select('email').where('email', 'in', emails.slice(i, i + 500)).execute();
    for (const r of rows) out.add(r.email);
  }
  return out;
}

export type ExistingSubscriber = Pick<NewsletterSubscribersTable, 'id' | 'email' | 'status' | 'language'> & { lists: string[] };

/** The subscribers among these addresses, with their lists. */
export async function subscribersByEmail(db: Db, emails: readonly string[]): Promise<Map<string, ExistingSubscriber>> {
  const out = new Map<string, ExistingSubscriber>();
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db.selectFrom('newsletter_subscribers').select(['id', 'email', 'status', 'language']).where('email', 'in', emails.slice(i, i + 500)).execute();
    const lists = await listsOfSubscribers(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows) out.set(r.email, { ...r, lists: lists.get(r.id) ?? [] });
  }
  return out;
}

export async function insertActiveSubscribers(db: Db, rows: readonly Pick<NewsletterSubscribersTable, 'id' | 'email' | 'language'>[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('newsletter_subscribers')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          ...r,
          status: 'active' as const,
          source: 'import',
          created_at: at,
          updated_at: at,
          confirmed_at: at,
          unsubscribed_at: null,
          confirmation_sent_at: null,
        })),
      )
      // An address that signed up meanwhile keeps its own row; the caller reads ids back by address.
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
  }
}

/**
 * Makes pending subscribers active in the given language. Never touches an unsubscribed row, even
 * one that unsubscribed a moment ago.
 */
export async function activatePending(db: Db, ids: readonly string[], language: Language, at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('newsletter_subscribers')
      .set({ status: 'active', language, confirmed_at: at, unsubscribed_at: null, updated_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('status', '=', 'pending')
      .execute();
  }
}

export async function touchSubscribers(db: Db, ids: readonly string[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db.updateTable('newsletter_subscribers').set({ updated_at: at }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}

export async function addSubscriptions(db: Db, rows: readonly { subscriber_id: string; list: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('newsletter_subscriptions')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['subscriber_id', 'list']).doNothing())
      .execute();
  }
}

export async function insertConsents(db: Db, rows: readonly NewsletterConsentsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('newsletter_consents').values(rows.slice(i, i + 500)).execute();
}

/** Ids of the active subscribers among these addresses (after an import's inserts). */
export async function activeIdsByEmail(db: Db, emails: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < emails.length; i += 500) {
    // Status is checked here, not in SQL: with it there, SQLite prefers the status index and scans.
    const rows = await db.selectFrom('newsletter_subscribers').select(['id', 'email', 'status']).where('email', 'in', emails.slice(i, i + 500)).execute();
    for (const r of rows) if (r.status === 'active') out.set(r.email, r.id);
  }
  return out;
}

/**
 * Suppresses many addresses at once (a suppression list import), as suppressAddress does one by one:
 * the first reason is kept, and whatever is queued for the addresses is dropped. Returns how many
 * addresses were newly suppressed.
 */
export async function insertSuppressions(db: Db, rows: readonly Omit<NewsletterSuppressionsTable, 'created_at'>[], at: string): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const res = await db
      .insertInto('newsletter_suppressions')
      .values(chunk.map((r) => ({ ...r, detail: r.detail.slice(0, 500), created_at: at })))
      .onConflict((oc) => oc.column('email').doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0n);
    for (const reason of ['bounce', 'complaint', 'manual'] as const) {
      const emails = chunk.filter((r) => r.reason === reason).map((r) => r.email);
      if (emails.length) await db.updateTable('newsletter_deliveries').set({ status: 'suppressed', error: reason }).where('email', 'in', emails).where('status', '=', 'queued').execute();
    }
  }
  return added;
}

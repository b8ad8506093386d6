import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import type { Clock } from '../../platform/clock.js';
import { fromDbTime, toDbTime } from '../../platform/db/time.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import { emailSchema } from '../../platform/mail/email-address.js';
import { listSections } from '../sections/index.js';
import { readConfirmToken, readPreferencesToken } from './link-tokens.js';
import { validLists, type ListKey } from './lists.js';
import { dropQueuedDeliveries, ensureSubscriber, findSubscriberById, listsOf, recordConsent, replaceLists, type SubscriberRow } from './subscribers.repo.js';
import { allowHit } from './throttle.js';

export const SEND_CONFIRMATION = 'send-newsletter-confirmation';

/** One confirmation email per address per window, however often the form is posted for it. */
const ADDRESS_WINDOW_MS = 10 * 60_000;
/** Signups one client (IP address) may post per window. */
export const CLIENT_LIMIT = 10;
const CLIENT_WINDOW_MS = 10 * 60_000;

export { emailSchema };

export const signupSchema = z.object({
  email: emailSchema,
  language: z.enum(['en', 'ar']),
  /** Chosen lists; when the form offers none (the short box on articles), the daily digest. */
  lists: z.array(z.string().max(100)).max(100).default([]),
  /** The page the form was on, kept for the consent record. */
  // Only a path on this site: "//host" or "/\\host" would send the reader's "Back" link elsewhere.
  from: z.string().max(500).regex(/^\/(?![/\\])[^\s]*$/).catch('/'),
});

export type SignupInput = z.output<typeof signupSchema>;
export type SubscribeDeps = { db: Db; clock: Clock };

/**
 * Asks for a subscription. Whether the address is new, pending, subscribed or unsubscribed, the reader
 * gets the same answer and the same work is done (a consent record and a queued confirmation email),
 * so the form cannot be used to learn who reads us. Nothing changes until the link in the email is
 * followed. Returns 'throttled' only for a client posting too often; a repeated address is throttled
 * silently (its confirmation email is not sent again within ten minutes).
 */
export async function requestSubscription(deps: SubscribeDeps, input: SignupInput, client: string): Promise<'ok' | 'throttled'> {
  const now = deps.clock.now();
  if (!(await allowHit(deps.db, `client:${client}`, CLIENT_LIMIT, CLIENT_WINDOW_MS, now))) return 'throttled';
  const sections = await listSections(deps.db);
  const chosen = validLists(input.lists, sections);
  const lists: ListKey[] = chosen.length ? chosen : ['daily'];
  await deps.db.transaction().execute(async (trx) => {
    const sub = await ensureSubscriber(trx, input.email, input.language, input.from, now);
    await recordConsent(trx, { subscriber_id: sub.id, action: 'signup', source: input.from, language: input.language, lists }, now);
    const last = sub.confirmation_sent_at ? fromDbTime(sub.confirmation_sent_at).getTime() : -Infinity;
    if (now.getTime() - last < ADDRESS_WINDOW_MS) return;
    await trx.updateTable('newsletter_subscribers').set({ confirmation_sent_at: toDbTime(now) }).where('id', '=', sub.id).execute();
    await enqueueJob(trx, { name: SEND_CONFIRMATION, payload: { subscriberId: sub.id, language: input.language, lists, source: input.from } }, now);
  });
  return 'ok';
}

/** Follows a confirmation link: the subscription starts (or changes) as chosen on the form. */
export async function confirmSubscription(deps: SubscribeDeps, token: string): Promise<{ subscriber: SubscriberRow; lists: string[] } | undefined> {
  const now = deps.clock.now();
  const claims = await readConfirmToken(deps.db, token, now);
  if (!claims) return undefined;
  const sections = await listSections(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const sub = await findSubscriberById(trx, claims.sub);
    if (!sub) return undefined;
    const lists = validLists(claims.lists, sections);
    const at = toDbTime(now);
    await trx
      .updateTable('newsletter_subscribers')
      .set({ status: 'active', language: claims.lang, confirmed_at: sub.status === 'active' && sub.confirmed_at ? sub.confirmed_at : at, unsubscribed_at: null, updated_at: at })
      .where('id', '=', sub.id)
      .execute();
    await replaceLists(trx, sub.id, lists);
    await recordConsent(trx, { subscriber_id: sub.id, action: 'confirm', source: claims.src, language: claims.lang, lists }, now);
    const updated = await findSubscriberById(trx, sub.id);
    return updated && { subscriber: updated, lists };
  });
}

/** The subscriber a preferences link names, with their lists; undefined for a bad link. */
export async function subscriberForLink(deps: SubscribeDeps, token: string): Promise<{ subscriber: SubscriberRow; lists: string[] } | undefined> {
  const id = await readPreferencesToken(deps.db, token, deps.clock.now());
  const sub = id ? await findSubscriberById(deps.db, id) : undefined;
  return sub && { subscriber: sub, lists: await listsOf(deps.db, sub.id) };
}

export const preferencesSchema = z.object({
  language: z.enum(['en', 'ar']),
  lists: z.array(z.string().max(100)).max(100).default([]),
});

/**
 * Saves the preferences page. Choosing no list at all is an unsubscribe. A pending address is not
 * activated here: only the confirmation link does that.
 */
export async function savePreferences(deps: SubscribeDeps, token: string, input: z.output<typeof preferencesSchema>): Promise<{ subscriber: SubscriberRow; lists: string[] } | undefined> {
  const now = deps.clock.now();
  const id = await readPreferencesToken(deps.db, token, now);
  if (!id) return undefined;
  const lists = validLists(input.lists, await listSections(deps.db));
  if (!lists.length) return unsubscribe(deps, id, 'preferences');
  return deps.db.transaction().execute(async (trx) => {
    const sub = await findSubscriberById(trx, id);
    if (!sub) return undefined;
    const at = toDbTime(now);
    const status = sub.status === 'pending' ? 'pending' : 'active';
    await trx
      .updateTable('newsletter_subscribers')
      .set({ language: input.language, status, unsubscribed_at: null, updated_at: at })
      .where('id', '=', id)
      .execute();
    await replaceLists(trx, id, lists);
    await recordConsent(trx, { subscriber_id: id, action: 'change', source: 'preferences', language: input.language, lists }, now);
    const updated = await findSubscriberById(trx, id);
    return updated && { subscriber: updated, lists };
  });
}

/** Ends a subscription: no list, no mail, and nothing still queued for the address goes out. */
export async function unsubscribe(deps: SubscribeDeps, subscriberId: string, source: 'one-click' | 'preferences' | 'admin'): Promise<{ subscriber: SubscriberRow; lists: string[] } | undefined> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const sub = await findSubscriberById(trx, subscriberId);
    if (!sub) return undefined;
    if (sub.status !== 'unsubscribed') {
      const at = toDbTime(now);
      await trx.updateTable('newsletter_subscribers').set({ status: 'unsubscribed', unsubscribed_at: at, updated_at: at }).where('id', '=', sub.id).execute();
      await replaceLists(trx, sub.id, []);
      await recordConsent(trx, { subscriber_id: sub.id, action: 'unsubscribe', source, language: sub.language, lists: [] }, now);
      await dropQueuedDeliveries(trx, sub.id, 'unsubscribed');
    }
    const updated = await findSubscriberById(trx, sub.id);
    return updated && { subscriber: updated, lists: [] };
  });
}

/** One-click unsubscribe (RFC 8058) and the unsubscribe button: by preferences link. */
export async function unsubscribeByLink(deps: SubscribeDeps, token: string, source: 'one-click' | 'preferences'): Promise<{ subscriber: SubscriberRow; lists: string[] } | undefined> {
  const id = await readPreferencesToken(deps.db, token, deps.clock.now());
  return id ? unsubscribe(deps, id, source) : undefined;
}

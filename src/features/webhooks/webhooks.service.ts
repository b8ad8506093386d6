import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { newId } from '../../platform/db/ids.js';
import { fromDbTime, toDbTime } from '../../platform/db/time.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import type { WebhookDeliveriesTable } from './webhooks.table.js';

/**
 * Outbound webhooks, in Ghost's manner so receivers written for Ghost work: a JSON POST per event,
 * signed `X-Ghost-Signature: sha256=<HMAC-SHA256 of body + t>, t=<ms>` with the webhook's secret.
 */
export const WEBHOOK_EVENTS = ['post.published', 'post.published.edited', 'post.unpublished', 'newsletter.sent'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVER_WEBHOOK = 'deliver-webhook';
/** Attempts before a delivery is given up as failed: with the queue's backoff, about ten minutes of trying. */
export const WEBHOOK_MAX_ATTEMPTS = 7;

export interface Webhook {
  id: string;
  integrationId: string;
  event: WebhookEvent;
  targetUrl: string;
  secret: string;
  name: string;
  createdAt: Date;
}

export interface Delivery {
  id: string;
  webhookId: string;
  event: string;
  state: WebhookDeliveriesTable['state'];
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
}

export const newWebhookSchema = z.object({
  event: z.enum(WEBHOOK_EVENTS),
  targetUrl: z.url({ protocol: /^https?$/ }).max(2048),
  name: z.string().trim().max(100).default(''),
  /** Given by the receiver (Ghost lets one be chosen) or made here. */
  secret: z.string().trim().min(8).max(200).optional(),
});

type Row = { id: string; integration_id: string; event: string; target_url: string; secret: string; name: string; created_at: string };
const toWebhook = (r: Row): Webhook => ({ id: r.id, integrationId: r.integration_id, event: r.event as WebhookEvent, targetUrl: r.target_url, secret: r.secret, name: r.name, createdAt: fromDbTime(r.created_at) });

export async function createWebhook(db: Db, integrationId: string, input: z.input<typeof newWebhookSchema>, now: Date): Promise<Webhook> {
  const v = newWebhookSchema.parse(input);
  const row: Row = { id: newId(), integration_id: integrationId, event: v.event, target_url: v.targetUrl, secret: v.secret ?? randomBytes(24).toString('hex'), name: v.name, created_at: toDbTime(now) };
  await db.insertInto('webhooks').values(row).execute();
  return toWebhook(row);
}

export async function updateWebhook(db: Db, integrationId: string, id: string, input: Partial<z.input<typeof newWebhookSchema>>): Promise<Webhook | undefined> {
  const v = newWebhookSchema.partial().parse(input);
  const patch = { ...(v.event ? { event: v.event } : {}), ...(v.targetUrl ? { target_url: v.targetUrl } : {}), ...(v.name !== undefined ? { name: v.name } : {}), ...(v.secret ? { secret: v.secret } : {}) };
  if (Object.keys(patch).length) await db.updateTable('webhooks').set(patch).where('id', '=', id).where('integration_id', '=', integrationId).execute();
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).where('integration_id', '=', integrationId).executeTakeFirst();
  return row && toWebhook(row);
}

export async function listWebhooks(db: Db, integrationId: string): Promise<Webhook[]> {
  return (await db.selectFrom('webhooks').selectAll().where('integration_id', '=', integrationId).orderBy('created_at').execute()).map(toWebhook);
}

/** Deletes a webhook of this integration (and its delivery log); false when there was none. */
export async function deleteWebhook(db: Db, integrationId: string, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('webhooks').select('id').where('id', '=', id).where('integration_id', '=', integrationId).executeTakeFirst();
    if (!found) return false;
    await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
    await trx.deleteFrom('webhooks').where('id', '=', id).execute();
    return true;
  });
}

/** The newest deliveries of an integration's webhooks, for the admin's log. */
export async function listDeliveries(db: Db, integrationId: string, limit = 50): Promise<(Delivery & { targetUrl: string })[]> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select('w.target_url')
    .where('w.integration_id', '=', integrationId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    webhookId: r.webhook_id,
    event: r.event,
    state: r.state,
    attempts: r.attempts,
    responseStatus: r.response_status,
    error: r.error,
    createdAt: fromDbTime(r.created_at),
    lastAttemptAt: r.last_attempt_at ? fromDbTime(r.last_attempt_at) : null,
    targetUrl: r.target_url,
  }));
}

/**
 * Records an event for every webhook subscribed to it and queues each delivery, on the caller's
 * transaction: the deliveries exist if and only if the change that caused them commits. The body is
 * fixed now, so every retry sends the same bytes under a fresh signature.
 */
export async function queueWebhookEvent(trx: Db, event: WebhookEvent, body: () => Promise<unknown>, now: Date): Promise<number> {
  const hooks = await trx.selectFrom('webhooks').select('id').where('event', '=', event).execute();
  if (!hooks.length) return 0;
  const payload = JSON.stringify(await body());
  for (const hook of hooks) {
    const id = newId();
    await trx.insertInto('webhook_deliveries').values({ id, webhook_id: hook.id, event, payload, state: 'pending', attempts: 0, response_status: null, error: null, created_at: toDbTime(now), last_attempt_at: null }).execute();
    await enqueueJob(trx, { name: DELIVER_WEBHOOK, payload: { deliveryId: id }, maxAttempts: WEBHOOK_MAX_ATTEMPTS }, now);
  }
  return hooks.length;
}

/** Ghost's signature header for a body sent at `timestampMs`. */
export function signatureHeader(secret: string, body: string, timestampMs: number): string {
  return `sha256=${createHmac('sha256', secret).update(`${body}${timestampMs}`).digest('hex')}, t=${timestampMs}`;
}

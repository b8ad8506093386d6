import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { toDbTime } from '../../platform/db/time.js';
import { defineJob } from '../../platform/jobs/runner.js';
import { signatureHeader } from './webhooks.service.js';

const TIMEOUT_MS = 10_000;

/**
 * Sends one delivery: the body fixed when the event happened, signed afresh with the time of this
 * attempt. A 2xx answer delivers it; anything else (another status, a redirect, no answer within ten
 * seconds) is written to the log and thrown, so the queue retries with backoff; after the last attempt
 * the delivery is marked failed. Safe to run twice: a delivery no longer pending is left alone.
 */
export const deliverWebhookJob = (deps: { db: Db; clock: { now(): Date } }) =>
  defineJob({
    schema: z.object({ deliveryId: z.string() }),
    async run({ deliveryId }, ctx) {
      const row = await deps.db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
        .select(['d.id', 'd.event', 'd.payload', 'd.state', 'w.target_url', 'w.secret'])
        .where('d.id', '=', deliveryId)
        .executeTakeFirst();
      // Delivered already (a run that crashed before finishing its job), or the webhook was deleted.
      if (!row || row.state !== 'pending') return;
      const now = deps.clock.now();
      let status: number | null = null;
      let error: string;
      try {
        const res = await fetch(row.target_url, {
          method: 'POST',
          body: row.payload,
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'ArabPress-Webhooks/1.0',
            'X-Ghost-Signature': signatureHeader(row.secret, row.payload, now.getTime()),
            'X-ArabPress-Event': row.event,
            'X-ArabPress-Delivery': row.id,
          },
        });
        status = res.status;
        await res.body?.cancel();
        if (res.ok) {
          await deps.db.updateTable('webhook_deliveries').set({ state: 'delivered', attempts: ctx.attempt, response_status: status, error: null, last_attempt_at: toDbTime(now) }).where('id', '=', row.id).execute();
          return;
        }
        error = `The receiver answered ${status}.`;
      } catch (err) {
        error = err instanceof Error && err.name === 'TimeoutError' ? `No answer within ${TIMEOUT_MS / 1000} seconds.` : `Could not reach the receiver: ${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`;
      }
      const last = ctx.attempt >= ctx.maxAttempts;
      await deps.db.updateTable('webhook_deliveries').set({ state: last ? 'failed' : 'pending', attempts: ctx.attempt, response_status: status, error, last_attempt_at: toDbTime(now) }).where('id', '=', row.id).execute();
      throw new Error(`Webhook delivery ${row.id} failed: ${error}`);
    },
  });

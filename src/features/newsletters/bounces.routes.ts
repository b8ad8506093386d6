import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { publicRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Clock } from '../../platform/clock.js';
import { newsletterSecret } from './newsletter-secrets.js';
import { bounceWebhookSchema, reasonOfEvent, suppressAddress } from './suppressions.service.js';

/** 1,000 events (the schema's limit) of a few hundred bytes each fit well within this. */
export const BOUNCE_BODY_MAX_BYTES = 1024 * 1024;
export const BOUNCE_WEBHOOK_PATH = '/newsletter/bounces';

/** Same length and constant time whatever the inputs: both sides are hashed first. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const problem = (c: AppContext, status: 400 | 401 | 413 | 415, code: string, message: string) => {
  if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="newsletter-bounces"');
  c.header('Cache-Control', 'no-store');
  return c.json({ errors: [{ code, message }] }, status);
};

/** The body as text, read no further than the limit (a missing or lying Content-Length changes nothing). */
async function boundedBody(c: AppContext, max: number): Promise<string | undefined> {
  const declared = Number(c.req.header('Content-Length') ?? '0');
  if (declared > max) return undefined;
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * POST /newsletter/bounces: the mail service reports hard bounces and complaints, and those
 * addresses are never mailed again (soft bounces are counted and ignored). Machine to machine: no
 * session, no CSRF token, the shared secret from the newsroom's Suppressions page as a bearer token.
 * Answers JSON: 200 `{suppressed, ignored}`, or 400/401/413/415 with `errors: [{code, message}]`.
 */
export function newsletterBounceRoutes(deps: { db: Db; clock: Clock }): RouteDef[] {
  return [
    publicRoute('POST', BOUNCE_WEBHOOK_PATH, async (c) => {
      const auth = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
      const secret = await newsletterSecret(deps.db, 'bounce-webhook', deps.clock.now());
      if (!auth || !sameSecret(auth, secret)) {
        return problem(c, 401, 'UNAUTHORIZED', 'Send the shared secret from the newsroom (Newsletters → Suppressions) as "Authorization: Bearer <secret>".');
      }
      const type = c.req.header('Content-Type') ?? '';
      if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) return problem(c, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the events as JSON (Content-Type: application/json).');
      const text = await boundedBody(c, BOUNCE_BODY_MAX_BYTES);
      if (text === undefined) return problem(c, 413, 'BODY_TOO_LARGE', `The body is larger than ${BOUNCE_BODY_MAX_BYTES} bytes; send at most 1000 events per request.`);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return problem(c, 400, 'INVALID_JSON', 'The body is not valid JSON.');
      }
      const parsed = bounceWebhookSchema.safeParse(json);
      if (!parsed.success) {
        return problem(c, 400, 'INVALID_EVENTS', `Expected {"type":"bounce","email":"…"} or {"events":[…]} (1 to 1000 events, each with a type and an email address): ${z.prettifyError(parsed.error).replace(/\s*\n\s*/g, ' ')}`);
      }
      const now = deps.clock.now();
      let suppressed = 0;
      let ignored = 0;
      await deps.db.transaction().execute(async (trx) => {
        for (const e of parsed.data.events) {
          const reason = reasonOfEvent(e.type);
          if (!reason) {
            ignored++;
            continue;
          }
          await suppressAddress(trx, { email: e.email, reason, source: 'webhook', detail: e.detail ?? e.type }, now);
          suppressed++;
        }
      });
      c.header('Cache-Control', 'no-store');
      return c.json({ suppressed, ignored });
    }),
  ];
}

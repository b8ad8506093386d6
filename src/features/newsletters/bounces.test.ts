import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { addSubscribers } from '../../../tests/newsletter-kit.js';
import { signInAs } from '../../../tests/staff-kit.js';
import { registerRoutes, type AppEnv } from '../../http/access.js';
import { createStaffGuard } from '../staff/index.js';
import { BOUNCE_BODY_MAX_BYTES, newsletterBounceRoutes } from './bounces.routes.js';
import { createIssue, sendReport, startSend } from './issues.service.js';

// The bounce/complaint webhook: machine to machine, the shared secret as a bearer token.
let site: TestSite;
let app: Hono<AppEnv>;
let secret = '';
let storyId = '';
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  storyId = (await publishedArticle(site, { headline: 'Water talks resume' })).id;
  // Registered as server.ts registers routes, with the real staff guard: only a public route gets
  // through it without a session and a CSRF token.
  app = new Hono<AppEnv>();
  registerRoutes(app, newsletterBounceRoutes(site.deps), createStaffGuard(site.deps));
  // The secret as an admin finds it on the Suppressions page.
  const admin = await signInAs(site, 'admin');
  secret = /class="webhook-secret">([^<]+)</.exec(await (await admin.browser.get('/admin/newsletters/suppressions')).text())![1]!;
});

function report(body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${secret}` }): Promise<Response> {
  return Promise.resolve(app.request('/newsletter/bounces', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } }));
}
const suppression = (email: string) => site.deps.db.selectFrom('newsletter_suppressions').selectAll().where('email', '=', email).executeTakeFirst();

describe('POST /newsletter/bounces', () => {
  it('refuses a missing or wrong secret with 401 JSON, and suppresses nothing', async () => {
    for (const headers of [{} as Record<string, string>, { Authorization: 'Bearer wrong' }, { Authorization: `Bearer ${secret}x` }, { Authorization: secret }, { Authorization: `Basic ${secret}` }]) {
      const res = await report({ type: 'bounce', email: 'victim@example.com' }, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
      const body = (await res.json()) as { errors: { code: string; message: string }[] };
      expect(body.errors[0]!.code).toBe('UNAUTHORIZED');
      expect(body.errors[0]!.message).toContain('Authorization: Bearer');
    }
    expect(await suppression('victim@example.com')).toBeUndefined();
  });

  it('suppresses a hard bounce and a complaint, ignores a soft bounce, and says how many', async () => {
    const one = await report({ type: 'bounce', email: 'Gone@Example.com', detail: '550 5.1.1 user unknown' });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ suppressed: 1, ignored: 0 });
    expect(await suppression('gone@example.com')).toMatchObject({ reason: 'bounce', source: 'webhook', detail: '550 5.1.1 user unknown' });

    const many = await report({ events: [{ type: 'soft_bounce', email: 'full@example.com' }, { type: 'Spam-Complaint', email: 'angry@example.com' }, { type: 'hard bounce', email: 'old@example.com' }] });
    expect(many.status).toBe(200);
    expect(await many.json()).toEqual({ suppressed: 2, ignored: 1 });
    expect(await suppression('full@example.com')).toBeUndefined();
    expect(await suppression('angry@example.com')).toMatchObject({ reason: 'complaint', source: 'webhook' });
    expect(await suppression('old@example.com')).toMatchObject({ reason: 'bounce' });
  });

  it('answers 400 with a clear message for a body that is not JSON or not events', async () => {
    const notJson = await report('{"type": "bounce", ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ errors: [{ code: 'INVALID_JSON', message: 'The body is not valid JSON.' }] });
    for (const body of [{ type: 'bounce' }, { type: 'bounce', email: 'not-an-address' }, { events: [] }, [1, 2]]) {
      const res = await report(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const json = (await res.json()) as { errors: { code: string; message: string }[] };
      expect(json.errors[0]!.code).toBe('INVALID_EVENTS');
      expect(json.errors[0]!.message).toMatch(/^Expected \{"type":"bounce","email":"…"\} or \{"events":\[…\]\}/);
    }
    expect((await report('<xml/>', { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/xml' })).status).toBe(415);
  });

  it('refuses a body over the limit without reading it all', async () => {
    const big = JSON.stringify({ events: [{ type: 'bounce', email: 'a@example.com', detail: 'x'.repeat(BOUNCE_BODY_MAX_BYTES) }] });
    const res = await report(big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('BODY_TOO_LARGE');
    expect(await suppression('a@example.com')).toBeUndefined();
  });
});

describe('a suppressed address and sending', () => {
  it('is left out of a send that starts after the report, and counted as suppressed', async () => {
    const emails = await addSubscribers(site, 4, { prefix: 'send', lists: ['daily'], language: 'en' });
    expect((await report({ type: 'bounce', email: emails[1] })).status).toBe(200);
    const issue = (await createIssue(site.deps.db, { kind: 'manual', list: 'daily', language: 'en', subject: 'Morning', content: { intro: 'Hello.', leadIds: [storyId], sections: [] }, createdBy: null }, site.clock.now()))!;
    expect(await startSend(site.deps, issue.id)).toBe(true);
    const { counts } = await sendReport(site.deps.db, issue.id);
    expect(counts).toMatchObject({ total: 4, queued: 3, suppressed: 1 });
    const rows = await site.deps.db.selectFrom('newsletter_deliveries').select(['email', 'status']).where('issue_id', '=', issue.id).where('status', '=', 'suppressed').execute();
    expect(rows.map((r) => r.email)).toEqual([emails[1]]);
  });

  it('drops what is still queued for an address reported in the middle of a send', async () => {
    const emails = await addSubscribers(site, 3, { prefix: 'midsend', lists: ['breaking'], language: 'ar' });
    const issue = (await createIssue(site.deps.db, { kind: 'manual', list: 'breaking', language: 'ar', subject: 'عاجل', content: { intro: 'مرحباً.', leadIds: [storyId], sections: [] }, createdBy: null }, site.clock.now()))!;
    expect(await startSend(site.deps, issue.id)).toBe(true);
    expect((await sendReport(site.deps.db, issue.id)).counts).toMatchObject({ queued: 3, suppressed: 0 });
    expect(await (await report({ events: [{ type: 'complaint', email: emails[2] }] })).json()).toEqual({ suppressed: 1, ignored: 0 });
    expect((await sendReport(site.deps.db, issue.id)).counts).toMatchObject({ queued: 2, suppressed: 1 });
  });
});

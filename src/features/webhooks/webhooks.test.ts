import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, runDueJobs, type TestSite } from '../../../tests/kit.js';
import { alertIn, noticeIn, postForm, signInAs, type SignedIn } from '../../../tests/staff-kit.js';
import { createArticle, publishArticle, unpublishArticle, updateArticle } from '../articles/index.js';
import { documentFromBlocks } from '../../editor/index.js';
import { createIntegration, type Integration } from '../integrations/index.js';
import { createWebhook, deleteWebhook } from './webhooks.service.js';

// Outbound webhooks end to end: an admin adds one in the newsroom, stories change, the worker sends
// signed JSON to a receiver on loopback, which checks the signature as a Ghost receiver would; a
// failing receiver is retried with backoff and the delivery log shows what happened.
type Received = { headers: IncomingHttpHeaders; body: string; path: string };
let site: TestSite;
let admin: SignedIn;
let integration: Integration;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Statuses the receiver answers with, in turn; 200 when none are left. */
const answers: number[] = [];

beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  await publishedArticle(site, { headline: 'Published before any webhook' });
  integration = await createIntegration(site.deps.db, 'Partner app', site.clock.now());
  admin = await signInAs(site, 'admin', { language: 'ar' });
  receiver = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body, path: req.url ?? '' });
      res.writeHead(answers.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => receiver?.close());

const runJobs = () => runDueJobs(site);
const post = postForm;

/** The receiver's check, as Ghost's documentation describes it: HMAC-SHA256 of the body and t, with the secret. */
function verifies(r: Received, secret: string): boolean {
  const header = String(r.headers['x-ghost-signature'] ?? '');
  const m = /^sha256=([0-9a-f]{64}), t=(\d+)$/.exec(header);
  return !!m && createHmac('sha256', secret).update(`${r.body}${m[2]}`).digest('hex') === m[1];
}
const bodyOf = (r: Received) => JSON.parse(r.body) as { post: { current: Record<string, unknown> } };
const story = (headline: string) => ({ language: 'en' as const, headline, standfirst: '', sectionSlug: 'economy', bylines: [], tagSlugs: [], body: documentFromBlocks([{ type: 'p', text: `${headline}: the text.` }]) });

describe('outbound webhooks', () => {
  let secret = '';

  it('an admin adds one in the newsroom; publishing a story sends it signed, and the log shows it delivered', async () => {
    const page = `/admin/integrations/${integration.id}/webhooks`;
    const bad = await post(admin, page, { event: 'post.published', targetUrl: 'not a url' });
    expect(bad.status).toBe(422);
    expect(alertIn(await bad.text())).toContain('عنواناً كاملاً');
    const res = await post(admin, page, { event: 'post.published', targetUrl: `${receiverUrl}/published`, name: 'تطبيق الشريك' });
    const html = await res.text();
    expect(noticeIn(html)).toContain('أُضيف الخطاف');
    secret = /<dt>مفتاح التوقيع السري<\/dt>\s*<dd>\s*<code dir="ltr">([^<]+)<\/code>/.exec(html)![1]!;

    const { id } = await publishedArticle(site, { headline: 'Central bank holds rates', sectionSlug: 'economy' });
    await runJobs();
    expect(received).toHaveLength(1);
    const [hit] = received.splice(0);
    expect(hit!.path).toBe('/published');
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(verifies(hit!, secret)).toBe(true);
    expect(verifies(hit!, 'another secret')).toBe(false);
    expect(bodyOf(hit!).post.current).toMatchObject({ id, title: 'Central bank holds rates', status: 'published', language: 'en' });
    expect(String(bodyOf(hit!).post.current['url'])).toMatch(/^https?:\/\/[^/]+\/economy\//);

    const log = await (await admin.browser.request(page)).text();
    expect(log).toContain('نُشر خبر');
    expect(log).toMatch(/<td>وصل<\/td>\s*<td>1<\/td>\s*<td dir="ltr">200<\/td>/);
  });

  it('sends edits and unpublishing as their own events, and nothing for drafts or stories no webhook asks about', async () => {
    await createWebhook(site.deps.db, integration.id, { event: 'post.published.edited', targetUrl: `${receiverUrl}/edited`, secret: 'edited-secret' }, site.clock.now());
    await createWebhook(site.deps.db, integration.id, { event: 'post.unpublished', targetUrl: `${receiverUrl}/unpublished`, secret: 'unpublished-secret' }, site.clock.now());
    const draft = await createArticle(site.deps, story('Draft only'));
    await updateArticle(site.deps, draft.id, story('Draft only, edited'));
    await runJobs();
    expect(received).toEqual([]);

    await publishArticle(site.deps, draft.id);
    await updateArticle(site.deps, draft.id, story('Now edited after publishing'));
    await unpublishArticle(site.deps, draft.id);
    await runJobs();
    const byPath = Object.fromEntries(received.splice(0).map((r) => [r.path, r]));
    expect(Object.keys(byPath).sort()).toEqual(['/edited', '/published', '/unpublished']);
    expect(bodyOf(byPath['/edited']!).post.current['title']).toBe('Now edited after publishing');
    expect(verifies(byPath['/edited']!, 'edited-secret')).toBe(true);
    expect(bodyOf(byPath['/unpublished']!).post.current).toMatchObject({ status: 'draft', workflow_status: 'unpublished' });
    expect(verifies(byPath['/unpublished']!, 'unpublished-secret')).toBe(true);
  });

  it('retries a failing receiver with backoff until it answers, and marks one that never does as failed', async () => {
    answers.push(503, 500);
    await publishedArticle(site, { headline: 'Oil output rises', sectionSlug: 'economy' });
    await runJobs();
    expect(received).toHaveLength(1);
    const page = `/admin/integrations/${integration.id}/webhooks`;
    expect(await (await admin.browser.request(page)).text()).toMatch(/<td>قيد المحاولة<\/td>\s*<td>1<\/td>\s*<td dir="ltr">The receiver answered 503.<\/td>/);
    // Not yet due: the retry waits.
    expect(await runJobs()).toBe(0);
    for (let i = 0; i < 2; i++) {
      site.clock.advance(60 * 60_000);
      await runJobs();
    }
    const tries = received.splice(0);
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.body)).size).toBe(1);
    expect(tries.every((t) => verifies(t, secret))).toBe(true);
    expect(await (await admin.browser.request(page)).text()).toMatch(/<td>وصل<\/td>\s*<td>3<\/td>\s*<td dir="ltr">200<\/td>/);

    // A receiver that is not there at all: seven attempts, then failed, with the reason in the log.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    const dead = await createWebhook(site.deps.db, integration.id, { event: 'post.published', targetUrl: deadUrl }, site.clock.now());
    await publishedArticle(site, { headline: 'Gas exports grow', sectionSlug: 'economy' });
    for (let i = 0; i < 9; i++) {
      await runJobs();
      site.clock.advance(60 * 60_000);
    }
    const html = await (await admin.browser.request(page)).text();
    expect(html).toMatch(/<td>فشل<\/td>\s*<td>7<\/td>\s*<td dir="ltr">Could not reach the receiver/);
    received.splice(0);
    expect(await deleteWebhook(site.deps.db, integration.id, dead.id)).toBe(true);
  });

  it('shows the page in English too, and only to admins', async () => {
    const en = await signInAs(site, 'admin', { language: 'en' });
    const html = await (await en.browser.request(`/admin/integrations/${integration.id}/webhooks`)).text();
    expect(html).toContain('Recent deliveries');
    expect(html).toContain('Published story changed');
    const editor = await signInAs(site, 'editor');
    expect((await editor.browser.request(`/admin/integrations/${integration.id}/webhooks`)).status).toBe(403);
  });
});

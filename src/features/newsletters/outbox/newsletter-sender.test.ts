import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../../tests/factories.js';
import { createTestSite, runDueJobs, type TestSite } from '../../../../tests/kit.js';
import { addSubscribers } from '../../../../tests/newsletter-kit.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../../platform/mail/test-smtp-receiver.js';
import { createIntegration } from '../../integrations/index.js';
import { createWebhook } from '../../webhooks/index.js';
import { createIssue, findIssue, sendReport, startSend } from '../issues.service.js';
import { suppressAddress } from '../suppressions.service.js';
import { claimDeliveries } from './claim-deliveries.js';
import { createNewsletterSender } from './newsletter-sender.js';

let site: TestSite;
let smtp: SmtpReceiver;
let storyId: string;
const settings = { batchSize: 7, ratePerSecond: 0, leaseMs: 60_000, maxAttempts: 3 };

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  site = await createTestSite({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://news.example', MAIL_FROM: 'Arab Press <newsletter@news.example>' } });
  await seedNewsroom(site);
  storyId = (await publishedArticle(site, { headline: 'Ministers agree on the water treaty' })).id;
});
afterAll(async () => {
  await site.deps.mailer.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
  smtp.refuse(undefined);
});

const sender = (workerId?: string) => createNewsletterSender(site.deps, settings, workerId);
let issueNo = 0;
async function startIssue(list: string, language: 'en' | 'ar' = 'en'): Promise<string> {
  const issue = await createIssue(site.deps.db, { kind: 'manual', list, language, subject: `Issue ${++issueNo}`, content: { intro: 'Good morning.', leadIds: [storyId], sections: [] }, createdBy: null }, site.clock.now());
  expect(await startSend(site.deps, issue!.id)).toBe(true);
  return issue!.id;
}
const rowsOf = (issueId: string) => site.deps.db.selectFrom('newsletter_deliveries').selectAll().where('issue_id', '=', issueId).orderBy('id').execute();

describe('sending an issue', () => {
  it('sends one message to each confirmed subscriber of the list and language, and none to anyone else', async () => {
    const readers = await addSubscribers(site, 12, { prefix: 'daily-en', lists: ['daily'] });
    await addSubscribers(site, 3, { prefix: 'daily-ar', lists: ['daily'], language: 'ar' });
    await addSubscribers(site, 2, { prefix: 'breaking-only', lists: ['breaking'] });
    await addSubscribers(site, 2, { prefix: 'pending', lists: ['daily'], status: 'pending' });
    await addSubscribers(site, 2, { prefix: 'gone', lists: ['daily'], status: 'unsubscribed' });
    await suppressAddress(site.deps.db, { email: readers[0]!, reason: 'complaint', source: 'webhook', detail: 'marked as spam' }, site.clock.now());

    const issueId = await startIssue('daily');
    expect(await sender().runUntilIdle()).toBe(11);
    const to = smtp.received.map((m) => m.envelope.to[0]).sort();
    expect(to).toEqual(readers.slice(1).sort());
    const issue = await findIssue(site.deps.db, issueId);
    expect(issue?.status).toBe('sent');
    const report = await sendReport(site.deps.db, issueId);
    expect(report.counts).toMatchObject({ total: 12, sent: 11, suppressed: 1, queued: 0, failed: 0 });
    expect(report.possibleRepeats).toEqual([]);
  });

  it('gives every message one-click unsubscribe headers, its reader’s own links, a stable Message-ID and both parts', async () => {
    const [reader] = await addSubscribers(site, 1, { prefix: 'headers', lists: ['breaking'] });
    const issueId = await startIssue('breaking');
    await sender().runUntilIdle();
    const mail = smtp.received.find((m) => m.envelope.to[0] === reader)!;
    expect(mail).toBeDefined();
    // The header fields as sent (mailparser turns List-* fields into objects), unfolded.
    const raw = mail.raw.toString('utf8').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
    const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(raw)?.[1] ?? '';
    const listUnsubscribe = field('List-Unsubscribe');
    expect(listUnsubscribe).toMatch(/^<https:\/\/news\.example\/newsletter\/unsubscribe\?token=[\w.-]+>$/);
    expect(field('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const row = (await rowsOf(issueId)).find((r) => r.email === reader)!;
    expect(mail.parsed.messageId).toBe(`<nl.${issueId}.${row.subscriber_id}@news.example>`);
    expect(mail.parsed.subject).toBe(`Issue ${issueNo}`);
    expect(mail.parsed.text).toContain('Ministers agree on the water treaty');
    expect(mail.parsed.html).toContain('Ministers agree on the water treaty');
    // The placeholders are gone, replaced by this reader's links in both parts.
    const unsubscribe = listUnsubscribe.slice(1, -1);
    expect(mail.parsed.text).toContain(unsubscribe);
    expect(String(mail.parsed.html)).toContain(unsubscribe);
    expect(String(mail.parsed.html)).not.toContain('%%');

    // The link works as a mail client's one-click POST does: no cookie, no token but the link's own.
    const res = await site.app.request(unsubscribe.replace('https://news.example', ''), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    const sub = await site.deps.db.selectFrom('newsletter_subscribers').select('status').where('email', '=', reader!).executeTakeFirstOrThrow();
    expect(sub.status).toBe('unsubscribed');
  });

  it('retries a temporary refusal later and marks a permanent one failed, suppressing the address', async () => {
    const [soft, hard] = await addSubscribers(site, 2, { prefix: 'refusals', lists: ['weekly:none'] });
    const issueId = await startIssue('weekly:none');
    smtp.refuse({ at: 'RCPT', code: 451, message: 'Try again later' });
    await sender().runUntilIdle();
    let rows = await rowsOf(issueId);
    expect(rows.map((r) => r.status)).toEqual(['queued', 'queued']);
    expect(rows[0]!.error).toContain('Try again later');
    expect(new Date(rows[0]!.run_at).getTime()).toBeGreaterThan(site.clock.now().getTime());
    expect((await findIssue(site.deps.db, issueId))?.status).toBe('sending');

    // Later: the server now refuses one address for good and accepts the other.
    site.clock.advance(5 * 60_000);
    smtp.refuse(undefined);
    const s = sender();
    smtp.refuse({ at: 'RCPT', code: 550, message: 'No such user' });
    await s.runBatch().then(() => undefined);
    rows = await rowsOf(issueId);
    expect(rows.every((r) => r.status === 'failed')).toBe(true);
    expect(rows[0]!.smtp_response).toBe('550');
    const suppressed = await site.deps.db.selectFrom('newsletter_suppressions').select(['email', 'reason', 'source']).where('email', 'in', [soft!, hard!]).execute();
    expect(suppressed).toHaveLength(2);
    expect(suppressed[0]).toMatchObject({ reason: 'bounce', source: 'smtp' });
    expect((await findIssue(site.deps.db, issueId))?.status).toBe('sent');
    const report = await sendReport(site.deps.db, issueId);
    expect(report.failures.map((f) => f.email).sort()).toEqual([soft, hard].sort());
  });

  it('gives up an address after the last temporary failure', async () => {
    const [reader] = await addSubscribers(site, 1, { prefix: 'always-busy', lists: ['weekly:busy'] });
    const issueId = await startIssue('weekly:busy');
    smtp.refuse({ at: 'DATA', code: 452, message: 'Mailbox full' });
    for (let i = 0; i < settings.maxAttempts; i++) {
      await sender().runUntilIdle();
      site.clock.advance(3 * 3600_000);
    }
    const [row] = await rowsOf(issueId);
    expect(row).toMatchObject({ email: reader, status: 'failed', attempts: settings.maxAttempts });
    expect(row!.error).toContain('Mailbox full');
  });

  it('resends what a dead worker held once its lease runs out, and names those readers as possible repeats', async () => {
    const readers = await addSubscribers(site, 10, { prefix: 'crash', lists: ['weekly:crash'] });
    const issueId = await startIssue('weekly:crash');
    // A worker claims four rows and dies before recording anything.
    const held = await claimDeliveries(site.deps.db, site.deps.database.kind, { workerId: 'dead-worker', limit: 4, leaseMs: 60_000, now: site.clock.now() });
    expect(held).toHaveLength(4);
    // Until the lease runs out, the rows it held are left alone.
    expect(await sender().runUntilIdle()).toBe(6);
    expect(smtp.received).toHaveLength(6);
    site.clock.advance(61_000);
    expect(await sender().runUntilIdle()).toBe(4);
    expect(smtp.received.map((m) => m.envelope.to[0]).sort()).toEqual([...readers].sort());
    const report = await sendReport(site.deps.db, issueId);
    expect(report.counts.sent).toBe(10);
    expect(report.possibleRepeats.map((r) => r.email).sort()).toEqual(held.map((h) => h.email).sort());
  });

  it('lets two workers share one send without sending anything twice', async () => {
    await addSubscribers(site, 60, { prefix: 'shared', lists: ['weekly:shared'] });
    const issueId = await startIssue('weekly:shared');
    const [a, b] = [sender('worker-a'), sender('worker-b')];
    const [na, nb] = await Promise.all([a.runUntilIdle(), b.runUntilIdle()]);
    expect(na + nb).toBe(60);
    const ids = smtp.received.map((m) => m.parsed.messageId);
    expect(new Set(ids).size).toBe(60);
    expect(ids).toHaveLength(60);
    expect((await sendReport(site.deps.db, issueId)).possibleRepeats).toEqual([]);
  });

  it('drops what is still queued for an address that unsubscribes or is suppressed mid-send', async () => {
    const [stays, leaves, bounces] = await addSubscribers(site, 3, { prefix: 'midsend', lists: ['weekly:mid'] });
    const issueId = await startIssue('weekly:mid');
    const leaver = await site.deps.db.selectFrom('newsletter_subscribers').select('id').where('email', '=', leaves!).executeTakeFirstOrThrow();
    const { unsubscribe } = await import('../subscribe.service.js');
    await unsubscribe(site.deps, leaver.id, 'admin');
    await suppressAddress(site.deps.db, { email: bounces!, reason: 'bounce', source: 'webhook', detail: '' }, site.clock.now());
    await sender().runUntilIdle();
    expect(smtp.received.map((m) => m.envelope.to[0])).toEqual([stays]);
    expect((await sendReport(site.deps.db, issueId)).counts).toMatchObject({ sent: 1, suppressed: 2 });
  });
});

describe('when an issue has gone out', () => {
  let hook: Server;
  const hits: { body: string; signature: string }[] = [];
  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        hits.push({ body, signature: String(req.headers['x-ghost-signature'] ?? '') });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => hook.close());

  it('tells the newsletter.sent webhook, signed, with the counts', async () => {
    const integration = await createIntegration(site.deps.db, 'Newsletter watcher', site.clock.now());
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/sent`;
    await createWebhook(site.deps.db, integration.id, { event: 'newsletter.sent', targetUrl: url, secret: 'nl-secret' }, site.clock.now());
    await addSubscribers(site, 4, { prefix: 'hooked', lists: ['weekly:hooked'] });
    const issueId = await startIssue('weekly:hooked');
    await sender().runUntilIdle();
    await runDueJobs(site);
    expect(hits).toHaveLength(1);
    const m = /^sha256=([0-9a-f]{64}), t=(\d+)$/.exec(hits[0]!.signature);
    expect(m && createHmac('sha256', 'nl-secret').update(`${hits[0]!.body}${m[2]}`).digest('hex')).toBe(m?.[1]);
    const body = JSON.parse(hits[0]!.body) as { newsletter: { id: string; subject: string; counts: { sent: number } } };
    expect(body.newsletter).toMatchObject({ id: issueId, subject: `Issue ${issueNo}`, counts: { sent: 4 } });
    // Finishing again (another worker, a restart) announces nothing more.
    await sender().runUntilIdle();
    await runDueJobs(site);
    expect(hits).toHaveLength(1);
  });
});

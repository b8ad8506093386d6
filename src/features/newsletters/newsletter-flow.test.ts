import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, runDueJobs, type TestSite } from '../../../tests/kit.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../platform/mail/test-smtp-receiver.js';
import { findSectionBySlug } from '../sections/index.js';
import { planDigests } from './digests.js';
import { createNewsletterSender } from './outbox/newsletter-sender.js';

/**
 * The issue's whole path for a reader, against a real SMTP server on loopback: subscribe → confirm →
 * the daily digest → one-click unsubscribe → no more mail. Then the digests' schedule rules.
 */
let site: TestSite;
let smtp: SmtpReceiver;
// Friday 2024-04-26, 09:00 UTC = 12:00 in Riyadh (the site's zone): the daily digest (07:00) is due.
const NOON_FRIDAY = new Date('2024-04-26T09:00:00.000Z');

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  site = await createTestSite({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://news.example' }, now: new Date('2024-04-25T09:00:00.000Z') });
  await seedNewsroom(site);
});
afterAll(async () => {
  await site.deps.mailer.close();
  await smtp.close();
});

const send = () => createNewsletterSender(site.deps, site.deps.config.newsletters).runUntilIdle();
const plan = () => planDigests({ ...site.deps, log: site.deps.log });
const mailsTo = (to: string): ParsedMail[] => smtp.received.filter((m) => m.envelope.to.includes(to)).map((m) => m.parsed);
const sitePath = (url: string) => url.replace('https://news.example', '');
function linkIn(mail: ParsedMail, kind: 'confirm' | 'unsubscribe' | 'preferences'): string {
  const m = new RegExp(`https://news\\.example(?:/ar)?/newsletter/${kind}\\?token=[\\w.%-]+`).exec(mail.text ?? '');
  if (!m) throw new Error(`no ${kind} link in: ${mail.text}`);
  return m[0];
}
async function subscribe(path: string, fields: [string, string][]): Promise<Response> {
  return site.app.request(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}
const status = async (email: string) => (await site.deps.db.selectFrom('newsletter_subscribers').select('status').where('email', '=', email).executeTakeFirst())?.status;

describe('a reader’s newsletter, start to end', () => {
  it('subscribes, confirms, gets the daily digest with what was published, and leaves in one click', async () => {
    const reader = 'layla@example.com';
    const res = await subscribe('/newsletter', [['email', reader], ['language', 'en'], ['lists', 'daily'], ['from', '/newsletter']]);
    expect(res.status).toBe(200);
    expect(await status(reader)).toBe('pending');
    await runDueJobs(site);
    const [confirmation] = mailsTo(reader);
    expect(confirmation?.subject).toMatch(/confirm/i);
    // A digest before confirming reaches no one: the subscription counts only once confirmed.
    await publishedArticle(site, { headline: 'Early story nobody is told about', publishedAt: new Date('2024-04-25T08:00:00.000Z') });
    site.clock.set(new Date('2024-04-25T09:30:00.000Z'));
    await plan();
    await send();
    expect(mailsTo(reader)).toHaveLength(1);

    expect((await site.get(sitePath(linkIn(confirmation!, 'confirm')))).status).toBe(200);
    expect(await status(reader)).toBe('active');

    // The next day's stories, then the digest's time.
    site.clock.set(new Date('2024-04-26T03:00:00.000Z'));
    await publishedArticle(site, { headline: 'Central bank holds rates', sectionSlug: 'economy', publishedAt: new Date('2024-04-26T02:00:00.000Z') });
    await publishedArticle(site, { headline: 'Parliament passes the budget', publishedAt: new Date('2024-04-26T01:00:00.000Z') });
    site.clock.set(new Date('2024-04-26T03:59:00.000Z')); // 06:59 in Riyadh: not yet
    expect(await plan()).toEqual([]);
    site.clock.set(NOON_FRIDAY);
    expect(await plan()).toHaveLength(1);
    await send();
    const digests = mailsTo(reader).slice(1);
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest.text).toContain('Central bank holds rates');
    expect(digest.text).toContain('Parliament passes the budget');
    // Older than the digest's 24 hours (the first digest of a list starts there).
    expect(digest.text).not.toContain('Early story nobody is told about');
    expect(digest.html).toContain('lang="en"');
    // Planning again the same day makes nothing more, however many workers ask.
    expect(await plan()).toEqual([]);

    // One click from the mail client: a POST with no cookie to the List-Unsubscribe address.
    const listUnsubscribe = /^List-Unsubscribe: <([^>]+)>/m.exec(smtp.received.at(-1)!.raw.toString('latin1'))![1]!;
    expect(listUnsubscribe).toBe(linkIn(digest, 'unsubscribe'));
    const out = await site.app.request(sitePath(listUnsubscribe), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(out.status).toBe(200);
    expect(await status(reader)).toBe('unsubscribed');

    site.clock.set(new Date('2024-04-27T09:00:00.000Z'));
    await publishedArticle(site, { headline: 'Saturday story', publishedAt: new Date('2024-04-27T05:00:00.000Z') });
    await plan();
    await send();
    expect(mailsTo(reader)).toHaveLength(2);
  });

  it('sends an Arabic reader the Arabic digest, right to left, and nothing on a day with no Arabic story', async () => {
    const reader = 'qari@example.com';
    site.clock.set(new Date('2024-04-28T03:00:00.000Z'));
    await subscribe('/ar/newsletter', [['email', reader], ['language', 'ar'], ['lists', 'daily'], ['from', '/ar/']]);
    await runDueJobs(site);
    expect((await site.get(sitePath(linkIn(mailsTo(reader)[0]!, 'confirm')))).status).toBe(200);
    // Only English stories since the last Arabic digest: no Arabic digest goes out.
    site.clock.set(new Date('2024-04-28T09:00:00.000Z'));
    expect(await plan()).toEqual([]);
    await send();
    expect(mailsTo(reader)).toHaveLength(1);
    const skipped = await site.deps.db.selectFrom('newsletter_issues').select(['status']).where('dedupe_key', '=', 'daily:ar:2024-04-28').executeTakeFirst();
    expect(skipped?.status).toBe('skipped');

    await publishedArticle(site, { language: 'ar', headline: 'البرلمان يقر الموازنة', bylines: [], publishedAt: new Date('2024-04-28T12:00:00.000Z') });
    site.clock.set(new Date('2024-04-29T09:00:00.000Z'));
    expect(await plan()).toHaveLength(1);
    await send();
    const digest = mailsTo(reader)[1]!;
    expect(digest.html).toContain('dir="rtl"');
    expect(digest.text).toContain('البرلمان يقر الموازنة');
    expect(digest.subject).toContain('الموجز اليومي');
  });

  it('sends each section’s weekly digest on the weekly day, with only that section’s stories', async () => {
    const economy = (await findSectionBySlug(site.deps.db, 'economy'))!;
    const reader = 'weekly@example.com';
    site.clock.set(new Date('2024-04-29T10:00:00.000Z'));
    await subscribe('/newsletter', [['email', reader], ['language', 'en'], ['lists', `weekly:${economy.id}`], ['from', '/economy/']]);
    await runDueJobs(site);
    expect((await site.get(sitePath(linkIn(mailsTo(reader)[0]!, 'confirm')))).status).toBe(200);
    await publishedArticle(site, { headline: 'Oil output rises', sectionSlug: 'economy', publishedAt: new Date('2024-04-30T10:00:00.000Z') });
    await publishedArticle(site, { headline: 'Election date set', sectionSlug: 'politics', publishedAt: new Date('2024-04-30T11:00:00.000Z') });
    // Thursday is not the weekly day (Friday by default).
    site.clock.set(new Date('2024-05-02T09:00:00.000Z'));
    await plan();
    await send();
    expect(mailsTo(reader)).toHaveLength(1);
    // Friday 08:00 in Riyadh has passed.
    site.clock.set(new Date('2024-05-03T06:00:00.000Z'));
    await plan();
    await send();
    const weekly = mailsTo(reader)[1]!;
    expect(weekly.subject).toContain('Economy this week');
    expect(weekly.text).toContain('Oil output rises');
    expect(weekly.text).not.toContain('Election date set');
  });
});

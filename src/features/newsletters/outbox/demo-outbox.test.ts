import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../../tests/kit.js';
import { addSubscribers } from '../../../../tests/newsletter-kit.js';
import { createIssue, sendReport, startSend } from '../issues.service.js';
import { createNewsletterSender } from './newsletter-sender.js';
import { createRateLimiter } from './rate-limiter.js';

let site: TestSite;
beforeAll(async () => {
  // No SMTP_URL: the demo's mail goes to DATA_DIR/outbox as .eml files.
  site = await createTestSite();
  await seedNewsroom(site);
});

describe('a newsletter with no SMTP server configured', () => {
  it('is written to the outbox folder, one whole .eml per reader, with its unsubscribe headers', async () => {
    const story = await publishedArticle(site, { headline: 'Demo story for the outbox' });
    const readers = await addSubscribers(site, 3, { prefix: 'demo', lists: ['daily'] });
    const issue = await createIssue(site.deps.db, { kind: 'manual', list: 'daily', language: 'en', subject: 'Demo issue', content: { intro: '', leadIds: [story.id], sections: [] }, createdBy: null }, site.clock.now());
    await startSend(site.deps, issue!.id);
    await createNewsletterSender(site.deps, site.deps.config.newsletters).runUntilIdle();
    const dir = path.join(site.dataDir, 'outbox');
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml') && f.includes(issue!.id));
    expect(files).toHaveLength(3);
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(path.join(dir, f)))));
    expect(mails.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual([...readers].sort());
    expect(mails[0]!.subject).toBe('Demo issue');
    expect(mails[0]!.text).toContain('Demo story for the outbox');
    expect(readFileSync(path.join(dir, files[0]!), 'latin1')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect((await sendReport(site.deps.db, issue!.id)).counts.sent).toBe(3);
  });
});

describe('the rate limiter', () => {
  it('spaces takes to the rate, and lets everything through at rate 0', async () => {
    let now = 0;
    const waits: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    // Record the waits instead of sleeping them.
    globalThis.setTimeout = ((fn: () => void, ms: number) => (waits.push(ms), (now += ms), realSetTimeout(fn, 0))) as typeof setTimeout;
    try {
      const limited = createRateLimiter(100, () => now);
      for (let i = 0; i < 5; i++) await limited.take();
      expect(waits).toEqual([10, 10, 10, 10]);
      waits.length = 0;
      const free = createRateLimiter(0, () => now);
      for (let i = 0; i < 5; i++) await free.take();
      expect(waits).toEqual([]);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
  });
});

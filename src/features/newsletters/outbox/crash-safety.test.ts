import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../../tests/kit.js';
import { addSubscribers } from '../../../../tests/newsletter-kit.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../../platform/mail/test-smtp-receiver.js';
import { createIssue, findIssue, sendReport, startSend } from '../issues.service.js';

/**
 * The issue's proof of crash safety: a send of 2,000 recipients whose worker process is killed with
 * SIGKILL twice, at random points, and restarted. The SMTP server must receive every recipient; a
 * recipient may get two copies only if its message was in flight (claimed, not yet recorded) at a
 * kill, and every such recipient must be named in the send report.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const RECIPIENTS = 2000;
const BATCH = 20;

let site: TestSite;
let smtp: SmtpReceiver;
let child: ChildProcess | undefined;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  site = await createTestSite();
  await seedNewsroom(site);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await smtp.close();
});

/** `arabpress worker` from source on the test's database, sending to the loopback SMTP server. */
function startWorker(): ChildProcess {
  const db = site.deps.config.database;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    TMPDIR: os.tmpdir(),
    DATA_DIR: site.dataDir,
    DATABASE_URL: db.kind === 'postgres' ? db.url : `sqlite:${db.file}`,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Arab Press <newsletter@news.example>',
    PUBLIC_URL: 'https://news.example',
    NEWSLETTER_BATCH_SIZE: String(BATCH),
    // A killed worker's rows are taken over once its lease runs out: short, so the test is quick.
    NEWSLETTER_LEASE_SECONDS: '2',
    AUDIO_PROVIDER: 'off',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  };
  const p = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  p.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
  return p;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const inFlight = () =>
  site.deps.db.selectFrom('newsletter_deliveries').select('email').where('status', '=', 'sending').execute().then((rows) => rows.map((r) => r.email));

describe('a send survives its worker being killed', () => {
  it(`delivers to all ${RECIPIENTS} recipients through two SIGKILLs, repeating only what was in flight, and names every repeat`, { timeout: 240_000 }, async () => {
    const story = await publishedArticle(site, { headline: 'Water treaty signed after all-night talks' });
    const emails = await addSubscribers(site, RECIPIENTS, { prefix: 'crash', lists: ['breaking'] });
    const issue = await createIssue(site.deps.db, { kind: 'breaking', list: 'breaking', language: 'en', subject: 'Water treaty signed', content: { intro: '', leadIds: [story.id], sections: [] }, createdBy: null }, site.clock.now());
    expect(await startSend(site.deps, issue!.id)).toBe(true);

    // Two kill points, at random, both well inside the send.
    const kills = [200 + Math.floor(Math.random() * 500), 900 + Math.floor(Math.random() * 700)];
    const heldAtKills: string[][] = [];
    for (const at of kills) {
      child = startWorker();
      await until(() => smtp.received.length >= at, 120_000, `${at} messages`);
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      // The dead worker's claimed, unrecorded rows: all a restart can possibly send twice.
      heldAtKills.push(await inFlight());
    }
    child = startWorker();
    await until(async () => (await findIssue(site.deps.db, issue!.id))?.status === 'sent', 180_000, 'the issue to be sent');
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    child = undefined;

    const copies = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.envelope.to) copies.set(to, (copies.get(to) ?? 0) + 1);
    // Every recipient got the issue.
    expect([...copies.keys()].sort()).toEqual([...emails].sort());
    const repeated = [...copies].filter(([, n]) => n > 1).map(([e]) => e);
    const held = new Set(heldAtKills.flat());
    // Only messages in flight at a kill can be repeated: at most one batch per kill…
    expect(held.size).toBeLessThanOrEqual(2 * BATCH);
    for (const e of repeated) expect(held.has(e)).toBe(true);
    expect(Math.max(...copies.values())).toBeLessThanOrEqual(2);
    // …and the report names every one of them (it names all that were in flight, sent twice or not).
    const report = await sendReport(site.deps.db, issue!.id);
    const named = new Set(report.possibleRepeats.map((r) => r.email));
    for (const e of repeated) expect(named.has(e)).toBe(true);
    expect([...named].sort()).toEqual([...held].sort());
    expect(report.counts).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS, failed: 0, queued: 0, sending: 0 });
    // Each copy of a message carries the same Message-ID, so receivers can drop the repeat.
    const ids = new Map<string, Set<string>>();
    for (const m of smtp.received) ids.set(m.envelope.to[0]!, (ids.get(m.envelope.to[0]!) ?? new Set()).add(String(m.parsed.messageId)));
    expect([...ids.values()].every((s) => s.size === 1)).toBe(true);
    console.log(`crash test: kills after ${kills.join(' and ')} messages; in flight ${heldAtKills.map((h) => h.length).join(' and ')}; repeated ${repeated.length}`);
  });
});

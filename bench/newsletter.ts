/**
 * `npm run bench:newsletter` (and part of `npm run bench`): a newsletter send to a local SMTP sink, by
 * the real worker process (`node dist/main.js worker`), as an operator runs it.
 * - Fills a fresh database with N confirmed subscribers of the Breaking list and starts one issue.
 * - Starts the sink (bench/smtp-sink.ts) and the worker as child processes, and measures messages/s
 *   from the first message accepted to the issue marked sent; target ≥ 300 messages/s.
 * - Peak memory: the worker's VmHWM (/proc). Run for 5,000 and then 20,000 subscribers: flat means
 *   the ratio of the two peaks stays near 1, whatever the length of the list.
 * - Baseline in the same run: nodemailer alone, pooled the same way, sending the same message (composed
 *   once) to the same sink from this process, no database: the ceiling the transport allows. Our rate ÷
 *   that rate is printed.
 * SQLite always; PostgreSQL too when it is running. Figures only; a miss is printed, never failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { migrations } from '../migrations/index.js';
import { loadConfig } from '../src/config.js';
import { closeDeps, createDeps, type Deps } from '../src/deps.js';
import { createArticle, publishArticle } from '../src/features/articles/index.js';
import { createIssue, findIssue, renderIssue, startSend } from '../src/features/newsletters/index.js';
import { createSection } from '../src/features/sections/index.js';
import { documentFromBlocks } from '../src/editor/index.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/log.js';
import { POSTGRES_ADMIN_URL, postgresAvailable, postgresUrlFor } from '../tests/databases.js';
import { memoryOf, signalAllChildren, stopChild } from './processes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_RATE = 300;
const SIZES = (process.env['BENCH_NEWSLETTER_SIZES'] ?? '5000,20000').split(',').map(Number);

interface Sink {
  child: ChildProcess;
  port: number;
  count(): Promise<number>;
}

async function startSink(): Promise<Sink> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/smtp-sink.ts'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((n: number) => void)[] = [];
  let resolvePort: (p: number) => void = () => {};
  const port = new Promise<number>((r) => (resolvePort = r));
  lines.on('line', (line) => {
    const [word, n] = line.split(' ');
    if (word === 'port') resolvePort(Number(n));
    if (word === 'count') waiting.shift()?.(Number(n));
  });
  return {
    child,
    port: await port,
    count: () =>
      new Promise<number>((resolve) => {
        waiting.push(resolve);
        child.stdin!.write('count\n');
      }),
  };
}

async function fill(deps: Deps, subscribers: number): Promise<string> {
  await migrateToLatest(deps.db as never, migrations, deps.log);
  const now = new Date();
  await createSection(deps.db, { slug: 'politics', name: { en: 'Politics', ar: 'سياسة' }, position: 0, color: '#b3261e' }, now);
  const story = await createArticle(deps, {
    language: 'en',
    headline: 'Ministers agree on a regional water treaty after all-night talks',
    standfirst: 'The agreement shares the river’s flow between three countries for the next twenty years.',
    sectionSlug: 'politics',
    bylines: [],
    body: documentFromBlocks([{ type: 'p', text: 'The text of the story.' }]),
  });
  await publishArticle(deps, story.id, now);
  const at = now.toISOString();
  for (let start = 0; start < subscribers; start += 500) {
    const rows = Array.from({ length: Math.min(500, subscribers - start) }, (_, i) => ({
      id: `bench-${String(start + i).padStart(8, '0')}`,
      email: `reader-${start + i}@bench.example`,
      language: 'en' as const,
      status: 'active' as const,
      source: 'bench',
      created_at: at,
      updated_at: at,
      confirmed_at: at,
      unsubscribed_at: null,
      confirmation_sent_at: null,
    }));
    await deps.db.insertInto('newsletter_subscribers').values(rows).execute();
    await deps.db.insertInto('newsletter_subscriptions').values(rows.map((r) => ({ subscriber_id: r.id, list: 'breaking' }))).execute();
  }
  const issue = await createIssue(deps.db, { kind: 'breaking', list: 'breaking', language: 'en', subject: 'Water treaty signed', content: { intro: '', leadIds: [story.id], sections: [] }, createdBy: null }, now);
  await startSend(deps, issue!.id);
  return issue!.id;
}

async function sendWithWorker(label: string, subscribers: number, databaseUrl: string | undefined, dataDir: string): Promise<{ rate: number; peakMb: number; html: string; text: string }> {
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', AUDIO_PROVIDER: 'off', NODE_ENV: 'production', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const config = loadConfig(env, dataDir);
  const deps = await createDeps(config, createLogger(config.log));
  const sink = await startSink();
  let worker: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    const issueId = await fill(deps, subscribers);
    const issue = (await findIssue(deps.db, issueId))!;
    const email = await renderIssue(deps, issue);
    console.log(`  ${label}: ${subscribers.toLocaleString('en')} subscribers written and the send started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    worker = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js', 'worker'], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], TMPDIR: os.tmpdir(), ...env, ...(process.env['NEWSLETTER_BATCH_SIZE'] ? { NEWSLETTER_BATCH_SIZE: process.env['NEWSLETTER_BATCH_SIZE'] } : {}), SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Arab Press <newsletter@bench.example>', PUBLIC_URL: 'https://bench.example' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    let first = 0;
    while (!first) {
      if ((await sink.count()) > 0) first = performance.now();
      else await new Promise((r) => setTimeout(r, 5));
    }
    let peakMb = 0;
    for (;;) {
      peakMb = Math.max(peakMb, memoryOf(worker.pid!).peakMb);
      const row = await deps.db.selectFrom('newsletter_issues').select('status').where('id', '=', issueId).executeTakeFirstOrThrow();
      if (row.status === 'sent') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - first) / 1000;
    peakMb = Math.max(peakMb, memoryOf(worker.pid!).peakMb);
    const received = await sink.count();
    const rate = received / seconds;
    const verdict = rate >= TARGET_RATE ? `PASS (≥ ${TARGET_RATE}/s)` : `MISS (< ${TARGET_RATE}/s)`;
    console.log(`  ${label}: ${received.toLocaleString('en')} messages in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} messages/s  ${verdict};  worker peak memory ${peakMb.toFixed(0)} MB`);
    return { rate, peakMb, html: email.html, text: email.text };
  } finally {
    if (worker) await stopChild(worker);
    await stopChild(sink.child);
    await closeDeps(deps);
  }
}

/**
 * nodemailer alone: the same pool (5 connections), the same message composed once, the same sink, 20
 * messages at a time, no database: the rate the transport itself allows on this machine.
 */
async function transportCeiling(messages: number, html: string, text: string): Promise<number> {
  const sink = await startSink();
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const raw = (await composer.sendMail({ from: 'Arab Press <newsletter@bench.example>', to: 'reader@bench.example', subject: 'Water treaty signed', html, text })).message as Buffer;
  const transport = nodemailer.createTransport({ url: `smtp://127.0.0.1:${sink.port}`, pool: true, maxConnections: 5 });
  try {
    const t = performance.now();
    for (let i = 0; i < messages; i += 20) {
      await Promise.all(Array.from({ length: Math.min(20, messages - i) }, (_, k) => transport.sendMail({ envelope: { from: 'newsletter@bench.example', to: [`reader-${i + k}@bench.example`] }, raw })));
    }
    return messages / ((performance.now() - t) / 1000);
  } finally {
    transport.close();
    await stopChild(sink.child);
  }
}

async function main(): Promise<void> {
  const dirs: string[] = [];
  const drops: (() => Promise<void>)[] = [];
  process.on('SIGINT', () => {
    signalAllChildren('SIGKILL');
    process.exit(130);
  });
  try {
    console.log('\n== Newsletter sending (worker process → local SMTP sink)');
    const results: { label: string; size: number; rate: number; peakMb: number }[] = [];
    let sample = { html: '', text: '' };
    for (const size of SIZES) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'arabpress-bench-nl-'));
      dirs.push(dir);
      const r = await sendWithWorker('SQLite', size, undefined, dir);
      sample = r;
      results.push({ label: 'SQLite', size, ...r });
    }
    const pgProblem = await postgresAvailable();
    if (pgProblem) console.log(`  PostgreSQL skipped: ${pgProblem}`);
    else {
      const size = SIZES[SIZES.length - 1]!;
      const name = `arabpress_bench_nl_${process.pid}`;
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`create database "${name}"`);
      await admin.end();
      drops.push(async () => {
        const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      });
      const dir = mkdtempSync(path.join(os.tmpdir(), 'arabpress-bench-nl-'));
      dirs.push(dir);
      const r = await sendWithWorker('PostgreSQL', size, postgresUrlFor(name), dir);
      results.push({ label: 'PostgreSQL', size, ...r });
    }
    const ceiling = await transportCeiling(5000, sample.html, sample.text);
    console.log(`  baseline: nodemailer alone to the same sink ${ceiling.toFixed(0)} messages/s`);
    for (const r of results) console.log(`  ${r.label} ${r.size.toLocaleString('en')}: ${(r.rate / ceiling).toFixed(2)}× the transport's own rate`);
    const sqlite = results.filter((r) => r.label === 'SQLite');
    if (sqlite.length >= 2) {
      const [small, large] = [sqlite[0]!, sqlite[sqlite.length - 1]!];
      const ratio = large.peakMb / small.peakMb;
      console.log(`  memory: peak ${small.peakMb.toFixed(0)} MB for ${small.size.toLocaleString('en')} vs ${large.peakMb.toFixed(0)} MB for ${large.size.toLocaleString('en')} = ${ratio.toFixed(2)}× for ${(large.size / small.size).toFixed(0)}× the list  ${ratio <= 1.2 ? 'FLAT' : 'GROWS'}`);
    }
  } finally {
    for (const drop of drops) await drop().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

await main();

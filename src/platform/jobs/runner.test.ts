import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestSite } from '../../../tests/kit.js';
import { openDatabase, type Database } from '../db/database.js';
import { fromDbTime } from '../db/time.js';
import { claimDueJobs } from './claim.js';
import type { JobsTables } from './jobs.table.js';
import { enqueueJob } from './queue.js';
import { createJobRunner, defineJob, retryDelayMs, type JobContext, type JobRunnerOptions } from './runner.js';

const site = await createTestSite({ now: new Date('2026-11-24T12:00:00.000Z') });
const db = site.deps.db.withTables<JobsTables>();
const kind = site.deps.database.kind;
const log = site.deps.log;
const clock = site.clock;
const HOUR = 3_600_000;

const opened: Database<JobsTables>[] = [];
/** Another connection (pool) to the same database, as a second process would have. */
async function openAgain(): Promise<Database<JobsTables>> {
  const database = await openDatabase<JobsTables>(site.deps.config.database, log);
  opened.push(database);
  return database;
}
afterAll(async () => {
  for (const d of opened) await d.destroy().catch(() => {});
});

const runner = (handlers: JobRunnerOptions['handlers'], more: Pick<JobRunnerOptions, 'workerId' | 'leaseMs' | 'concurrency'> = {}) => createJobRunner({ db, kind, clock, log, handlers, ...more });
const job = (id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const idPayload = z.object({ articleId: z.string() });

beforeEach(async () => {
  await db.deleteFrom('jobs').execute();
  clock.set(new Date('2026-11-24T12:00:00.000Z'));
});

describe('runDue', () => {
  it('runs due jobs with their validated payload, leaves future ones, and marks them done', async () => {
    const seen: { payload: unknown; ctx: Omit<JobContext, 'log'> }[] = [];
    const r = runner({
      'publish-article': defineJob({
        schema: idPayload,
        async run(payload, { log: _log, ...ctx }) {
          seen.push({ payload: payload.articleId, ctx });
        },
      }),
    });
    const now = clock.now();
    const due = await enqueueJob(db, { name: 'publish-article', payload: { articleId: 'a1' } }, now);
    const future = await enqueueJob(db, { name: 'publish-article', payload: { articleId: 'a2' }, runAt: new Date(now.getTime() + HOUR) }, now);

    expect(await r.runDue()).toBe(1);
    expect(seen).toEqual([{ payload: 'a1', ctx: { jobId: due, name: 'publish-article', attempt: 1, maxAttempts: 5 } }]);
    expect(await job(due)).toMatchObject({ status: 'done', attempts: 1, locked_until: null, last_error: null });
    expect(await job(future)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await r.runDue()).toBe(0);

    clock.advance(HOUR);
    expect(await r.runDue()).toBe(1);
    expect(seen.map((s) => s.payload)).toEqual(['a1', 'a2']);
    expect((await job(future)).status).toBe('done');
  });

  it('leaves jobs it has no handler for to a worker that has one', async () => {
    const id = await enqueueJob(db, { name: 'render-audio', payload: {} }, clock.now());
    expect(await runner({ other: defineJob({ schema: z.object({}), run: async () => {} }) }).runDue()).toBe(0);
    expect((await job(id)).status).toBe('pending');
  });

  it('retries a failing handler with growing delays, then fails it with the error', async () => {
    let runs = 0;
    const r = runner({
      flaky: defineJob({
        schema: z.object({}),
        async run() {
          runs++;
          throw new Error(`mail server down (${runs})`);
        },
      }),
    });
    const id = await enqueueJob(db, { name: 'flaky', payload: {}, maxAttempts: 4 }, clock.now());
    const delays: number[] = [];
    for (let attempt = 1; attempt < 4; attempt++) {
      expect(await r.runDue()).toBe(1);
      const row = await job(id);
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, last_error: `Error: mail server down (${attempt})`, locked_until: null });
      const delay = fromDbTime(row.run_at).getTime() - clock.now().getTime();
      delays.push(delay);
      clock.advance(delay - 1);
      expect(await r.runDue()).toBe(0); // not before its time
      clock.advance(1);
    }
    expect(delays[0]).toBeGreaterThanOrEqual(8_000);
    expect(delays[0]).toBeLessThanOrEqual(12_000);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[2]!).toBeGreaterThan(delays[1]!);

    expect(await r.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 4, last_error: 'Error: mail server down (4)' });
    clock.advance(24 * HOUR);
    expect(await r.runDue()).toBe(0);
    expect(runs).toBe(4);
  });

  it('fails a job with an invalid payload at once, without running or retrying it', async () => {
    let runs = 0;
    const r = runner({ 'publish-article': defineJob({ schema: idPayload, run: async () => void runs++ }) });
    const id = await enqueueJob(db, { name: 'publish-article', payload: { articleId: 42 } }, clock.now());
    expect(await r.runDue()).toBe(1);
    const row = await job(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/^invalid payload: .*articleId/s);
    clock.advance(24 * HOUR);
    expect(await r.runDue()).toBe(0);
    expect(runs).toBe(0);
  });

  it('runs a job again on another runner when its worker crashed (lease expired, never finished)', async () => {
    const ranBy: string[] = [];
    const handlers = { 'publish-article': defineJob({ schema: idPayload, run: async (_p, ctx) => void ranBy.push(`attempt ${ctx.attempt}`) }) };
    const id = await enqueueJob(db, { name: 'publish-article', payload: { articleId: 'a1' } }, clock.now());
    // The crashed worker claimed it and then died.
    await claimDueJobs(db, kind, { workerId: 'crashed-worker', limit: 10, now: clock.now(), leaseMs: 60_000 });

    const other = runner(handlers, { workerId: 'survivor' });
    expect(await other.runDue()).toBe(0); // still leased
    clock.advance(60_000);
    expect(await other.runDue()).toBe(1);
    expect(ranBy).toEqual(['attempt 2']);
    expect(await job(id)).toMatchObject({ status: 'done', locked_by: 'survivor', attempts: 2 });
  });

  it('gives up on a job whose last attempt never finished', async () => {
    const id = await enqueueJob(db, { name: 'poison', payload: {}, maxAttempts: 1 }, clock.now());
    await claimDueJobs(db, kind, { workerId: 'crashed-worker', limit: 10, now: clock.now(), leaseMs: 60_000 });
    clock.advance(60_000);
    let runs = 0;
    expect(await runner({ poison: defineJob({ schema: z.object({}), run: async () => void runs++ }) }).runDue()).toBe(1);
    expect(runs).toBe(0);
    expect(await job(id)).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/lease expired/) });
  });

  it('drops the outcome of a worker that overran its lease after another took the job over', async () => {
    const id = await enqueueJob(db, { name: 'publish-article', payload: { articleId: 'a1' } }, clock.now());
    let release!: () => void;
    let startedSlow!: () => void;
    const started = new Promise<void>((r) => (startedSlow = r));
    const slow = runner(
      {
        'publish-article': defineJob({
          schema: idPayload,
          run: () =>
            new Promise<void>((_resolve, reject) => {
              release = () => reject(new Error('too late'));
              startedSlow();
            }),
        }),
      },
      { workerId: 'slow', leaseMs: 60_000 },
    );
    const fast = runner({ 'publish-article': defineJob({ schema: idPayload, run: async () => {} }) }, { workerId: 'fast' });

    const slowRun = slow.runDue();
    await started;
    clock.advance(60_000);
    expect(await fast.runDue()).toBe(1);
    release();
    expect(await slowRun).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'done', locked_by: 'fast', last_error: null });
  });
});

describe('several runners', () => {
  it('run every one of 50 jobs exactly once when claiming concurrently', async () => {
    const now = clock.now();
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await enqueueJob(db, { name: 'count', payload: { i } }, now));
    const runs = new Map<number, number>();
    const handlers = {
      count: defineJob({
        schema: z.object({ i: z.number().int() }),
        async run({ i }) {
          runs.set(i, (runs.get(i) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, Math.random() * 5));
        },
      }),
    };
    // Two processes: each runner has its own connection pool to the same database.
    const [a, b] = [await openAgain(), await openAgain()];
    const runners = [
      createJobRunner({ db: a.db, kind, clock, log, handlers, workerId: 'a', concurrency: 3 }),
      createJobRunner({ db: b.db, kind, clock, log, handlers, workerId: 'b', concurrency: 3 }),
    ];
    let total = 0;
    for (let round = 0; round < 20 && total < 50; round++) {
      const counts = await Promise.all(runners.flatMap((r) => Array.from({ length: 6 }, () => r.runDue())));
      total += counts.reduce((x, y) => x + y, 0);
    }
    expect(total).toBe(50);
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const rows = await db.selectFrom('jobs').select(['status', 'attempts', 'locked_by']).execute();
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.locked_by))).toEqual(new Set(['a', 'b']));
  });
});

describe('durability', () => {
  it('runs a job scheduled before the database was closed and reopened', async () => {
    const first = await openAgain();
    const scheduled = await first.db
      .transaction()
      .execute((trx) => enqueueJob(trx, { name: 'publish-article', payload: { articleId: 'a1' }, runAt: new Date(clock.now().getTime() + HOUR) }, clock.now()));
    await first.destroy();

    const ran: string[] = [];
    const reopened = await openAgain();
    const r = createJobRunner({ db: reopened.db, kind, clock, log, handlers: { 'publish-article': defineJob({ schema: idPayload, run: async (p) => void ran.push(p.articleId) }) } });
    expect(await r.runDue()).toBe(0);
    clock.advance(HOUR);
    expect(await r.runDue()).toBe(1);
    expect(ran).toEqual(['a1']);
    expect((await job(scheduled)).status).toBe('done');
  });
});

describe('start and stop', () => {
  it('polls in the background and stop() waits for the job in flight', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let finished = false;
    const r = runner({
      slow: defineJob({
        schema: z.object({}),
        async run() {
          started();
          await new Promise((res) => setTimeout(res, 100));
          finished = true;
        },
      }),
    });
    r.start({ pollMs: 10 });
    expect(() => r.start()).toThrow();
    const id = await enqueueJob(db, { name: 'slow', payload: {} }, clock.now());
    await running;
    await r.stop();
    expect(finished).toBe(true);
    expect((await job(id)).status).toBe('done');
  });
});

describe('retryDelayMs', () => {
  it('doubles from 10 s with ±20 % jitter, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0.5))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(1, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, () => 0.999_999)).toBe(12_000);
    expect(retryDelayMs(30, () => 0.5)).toBe(HOUR);
  });
});

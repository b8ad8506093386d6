import { beforeEach, describe, expect, it } from 'vitest';
import { createTestSite } from '../../../tests/kit.js';
import { fromDbTime } from '../db/time.js';
import { claimDueJobs } from './claim.js';
import type { JobsTables } from './jobs.table.js';
import { cancelJobs, deleteDoneJobs, enqueueJob } from './queue.js';

const site = await createTestSite({ now: new Date('2026-11-24T12:00:00.000Z') });
const db = site.deps.db.withTables<JobsTables>();
const kind = site.deps.database.kind;
const claim = (workerId: string, limit = 10) => claimDueJobs(db, kind, { workerId, limit, now: site.clock.now(), leaseMs: 60_000 });
const allJobs = () => db.selectFrom('jobs').selectAll().orderBy('created_at').orderBy('id').execute();
const HOUR = 3_600_000;

beforeEach(async () => {
  await db.deleteFrom('jobs').execute();
  site.clock.set(new Date('2026-11-24T12:00:00.000Z'));
});

describe('enqueueJob', () => {
  it('adds a job only if the transaction it was enqueued in commits', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { name: 'publish-article', payload: { articleId: 'a1' } }, site.clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await allJobs()).toEqual([]);

    await db.transaction().execute((trx) => enqueueJob(trx, { name: 'publish-article', payload: { articleId: 'a2' } }, site.clock.now()));
    const jobs = await allJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      name: 'publish-article',
      payload: '{"articleId":"a2"}',
      status: 'pending',
      run_at: '2026-11-24T12:00:00.000Z',
      attempts: 0,
      max_attempts: 5,
      dedupe_key: null,
      locked_by: null,
    });
  });

  it('refuses a payload that is not JSON', async () => {
    await expect(enqueueJob(db, { name: 'x', payload: undefined }, site.clock.now())).rejects.toThrow(TypeError);
    await expect(enqueueJob(db, { name: 'x', payload: {}, maxAttempts: 0 }, site.clock.now())).rejects.toThrow(RangeError);
  });

  it('reschedules the pending job of a dedupe key instead of adding a second', async () => {
    const now = site.clock.now();
    const first = await enqueueJob(db, { name: 'publish-article', payload: { articleId: 'a1', v: 1 }, runAt: new Date(now.getTime() + HOUR), dedupeKey: 'publish-article:a1' }, now);
    await enqueueJob(db, { name: 'publish-article', payload: { articleId: 'a2' }, runAt: new Date(now.getTime() + HOUR), dedupeKey: 'publish-article:a2' }, now);
    const again = await enqueueJob(db, { name: 'publish-article', payload: { articleId: 'a1', v: 2 }, runAt: new Date(now.getTime() + 2 * HOUR), dedupeKey: 'publish-article:a1', maxAttempts: 3 }, now);
    expect(again).toBe(first);
    const jobs = await allJobs();
    expect(jobs).toHaveLength(2);
    expect(jobs.find((j) => j.id === first)).toMatchObject({ payload: '{"articleId":"a1","v":2}', run_at: '2026-11-24T14:00:00.000Z', max_attempts: 3, status: 'pending' });
  });

  it('keeps a new pending job beside a running one with the same key, and holds it back until that run ends', async () => {
    const key = 'render-audio:a1';
    await enqueueJob(db, { name: 'render-audio', payload: { v: 1 }, dedupeKey: key }, site.clock.now());
    const [running] = await claim('w1');
    expect(running?.payload).toBe('{"v":1}');
    // The article changed while its audio was rendering: the new version must still be rendered.
    const second = await enqueueJob(db, { name: 'render-audio', payload: { v: 2 }, dedupeKey: key }, site.clock.now());
    expect(second).not.toBe(running?.id);
    expect(await claim('w2')).toEqual([]);
    await db.updateTable('jobs').set({ status: 'done', locked_until: null }).where('id', '=', running!.id).execute();
    const next = await claim('w2');
    expect(next.map((j) => j.id)).toEqual([second]);
  });
});

describe('cancelJobs', () => {
  it('deletes the pending jobs of a key and nothing else', async () => {
    const now = site.clock.now();
    await enqueueJob(db, { name: 'publish-article', payload: { articleId: 'a1' }, runAt: new Date(now.getTime() + HOUR), dedupeKey: 'publish-article:a1' }, now);
    await enqueueJob(db, { name: 'publish-article', payload: { articleId: 'a2' }, runAt: new Date(now.getTime() + HOUR), dedupeKey: 'publish-article:a2' }, now);
    await enqueueJob(db, { name: 'notify', payload: {} }, now);
    expect(await cancelJobs(db, 'publish-article:a1')).toBe(1);
    expect(await cancelJobs(db, 'publish-article:a1')).toBe(0);
    expect((await allJobs()).map((j) => j.dedupe_key)).toEqual(['publish-article:a2', null]);
  });

  it('leaves a running job alone (its handler re-checks the state)', async () => {
    await enqueueJob(db, { name: 'publish-article', payload: {}, dedupeKey: 'k' }, site.clock.now());
    await claim('w1');
    expect(await cancelJobs(db, 'k')).toBe(0);
    expect((await allJobs())[0]?.status).toBe('running');
  });
});

describe('claimDueJobs', () => {
  it('takes due jobs oldest first, leaves future ones, and takes each job once', async () => {
    const now = site.clock.now();
    const later = await enqueueJob(db, { name: 'j', payload: { n: 'later' }, runAt: new Date(now.getTime() + HOUR) }, now);
    const second = await enqueueJob(db, { name: 'j', payload: { n: 'second' }, runAt: new Date(now.getTime() - 1000) }, now);
    const first = await enqueueJob(db, { name: 'j', payload: { n: 'first' }, runAt: new Date(now.getTime() - 2000) }, now);
    const third = await enqueueJob(db, { name: 'j', payload: { n: 'third' } }, now);

    const claimed = await claim('w1', 2);
    expect(claimed.map((j) => j.id)).toEqual([first, second]);
    expect(claimed[0]).toMatchObject({ status: 'running', locked_by: 'w1', locked_until: '2026-11-24T12:01:00.000Z', attempts: 1 });
    expect((await claim('w2')).map((j) => j.id)).toEqual([third]);
    expect(await claim('w3')).toEqual([]);

    site.clock.advance(HOUR);
    // The first three are running under expired leases now, so they are due again, before `later`.
    expect((await claim('w4')).map((j) => j.id)).toEqual([first, second, third, later]);
  });

  it('takes only the names asked for', async () => {
    const now = site.clock.now();
    await enqueueJob(db, { name: 'known', payload: {} }, now);
    await enqueueJob(db, { name: 'unknown', payload: {} }, now);
    const claimed = await claimDueJobs(db, kind, { workerId: 'w', limit: 10, now, leaseMs: 1000, names: ['known'] });
    expect(claimed.map((j) => j.name)).toEqual(['known']);
    expect(await claimDueJobs(db, kind, { workerId: 'w', limit: 10, now, leaseMs: 1000, names: [] })).toEqual([]);
  });

  it('takes over a running job only once its lease has expired', async () => {
    await enqueueJob(db, { name: 'j', payload: {} }, site.clock.now());
    const [job] = await claim('crashed');
    site.clock.advance(59_999);
    expect(await claim('w2')).toEqual([]);
    site.clock.advance(1);
    const [again] = await claim('w2');
    expect(again).toMatchObject({ id: job!.id, locked_by: 'w2', attempts: 2 });
    expect(fromDbTime(again!.locked_until!).getTime()).toBe(site.clock.now().getTime() + 60_000);
  });
});

describe('deleteDoneJobs', () => {
  it('deletes done jobs older than the cut-off and keeps the rest', async () => {
    const now = site.clock.now();
    for (const name of ['a', 'b', 'c']) await enqueueJob(db, { name, payload: {} }, now);
    await db.updateTable('jobs').set({ status: 'done' }).where('name', '=', 'a').execute();
    await db.updateTable('jobs').set({ status: 'failed' }).where('name', '=', 'b').execute();
    expect(await deleteDoneJobs(db, now)).toBe(0);
    expect(await deleteDoneJobs(db, new Date(now.getTime() + 1))).toBe(1);
    expect((await allJobs()).map((j) => j.name)).toEqual(['b', 'c']);
  });
});

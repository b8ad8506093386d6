import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditLock, type LockState } from './lock.js';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setup(answers: (Response | Error)[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const states: LockState[] = [];
  const lock = new EditLock({
    lockUrl: '/admin/articles/a1/lock',
    unlockUrl: '/admin/articles/a1/unlock',
    csrf: 'tok',
    fetch: async (url, init) => {
      requests.push({ url: String(url), init: init ?? {} });
      const answer = answers.shift() ?? json({ held: true });
      if (answer instanceof Error) throw answer;
      return answer;
    },
    onChange: (state) => states.push(state),
  });
  return { lock, requests, states };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('EditLock', () => {
  it('asks at start and every 30 s, with the CSRF header', async () => {
    const t = setup([]);
    await t.lock.start();
    expect(t.states).toEqual([{ held: true }]);
    expect(t.requests[0]).toMatchObject({ url: '/admin/articles/a1/lock', init: { method: 'POST', body: '{}', headers: { 'X-CSRF-Token': 'tok' } } });
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.requests).toHaveLength(3);
  });

  it('reports the holder when the lock is someone else’s, and takes over on request', async () => {
    const t = setup([json({ held: false, holder: 'Hala Mansour', since: '2026-11-24T12:00:00.000Z' }), json({ held: true })]);
    await t.lock.start();
    expect(t.states).toEqual([{ held: false, holder: 'Hala Mansour', since: '2026-11-24T12:00:00.000Z' }]);
    expect(await t.lock.takeOver()).toEqual({ held: true });
    expect(t.requests[1]?.init.body).toBe('{"takeOver":true}');
    // Taking over does not add a second heartbeat.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.requests).toHaveLength(3);
  });

  it('accepts a holder sent as an object with a name', async () => {
    const t = setup([json({ held: false, holder: { name: 'سارة' } })]);
    await t.lock.start();
    expect(t.states).toEqual([{ held: false, holder: 'سارة' }]);
  });

  it('says "unknown" when the server cannot be asked or answers something else', async () => {
    const t = setup([new TypeError('Failed to fetch'), json({ error: 'oops' }, 500), json({ nonsense: true })]);
    await t.lock.start();
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.states).toEqual([{ held: 'unknown' }, { held: 'unknown' }, { held: 'unknown' }]);
  });

  it('lets go on leaving with keepalive and stops the heartbeat', async () => {
    const t = setup([]);
    await t.lock.start();
    t.lock.release();
    expect(t.requests[1]).toMatchObject({ url: '/admin/articles/a1/unlock', init: { method: 'POST', keepalive: true } });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.requests).toHaveLength(2);
  });
});

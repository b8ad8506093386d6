import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, KEEPALIVE_LIMIT, type FormSnapshot, type SaveStatus } from './autosave.js';
import { DraftStore, type DraftStorage } from './drafts.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setup({ paused = false, snapshot }: { paused?: boolean; snapshot?: () => FormSnapshot } = {}) {
  const data = new Map<string, string>();
  const storage: DraftStorage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
  const answers: (Response | Error | Promise<Response>)[] = [];
  const requests: { url: string; init: RequestInit; body: Record<string, unknown> }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), init: init ?? {}, body: JSON.parse(String(init?.body)) as Record<string, unknown> });
    const answer = await (answers.shift() ?? json(200, { revision: 99, savedAt: '2026-11-24T12:00:00.000Z' }));
    if (answer instanceof Error) throw answer;
    return answer;
  });
  const statuses: SaveStatus[] = [];
  const locked: string[] = [];
  let headline = 'First';
  const autosave = new Autosave(
    {
      url: '/admin/articles/a1/autosave',
      csrf: 'tok',
      revision: 4,
      fetch,
      drafts: new DraftStore(storage, 'arabpress:draft:a1'),
      collect:
        snapshot ??
        (() => ({
          fields: { headline, tags: 'oil, gold' },
          editorJson: { type: 'doc', content: [{ type: 'paragraph' }] },
          body: { ok: true, doc: { type: 'doc', content: [{ type: 'paragraph' }] } },
        })),
      onStatus: (s) => statuses.push(s),
      onLocked: (holder) => locked.push(holder),
    },
    { paused },
  );
  const draft = () => (data.has('arabpress:draft:a1') ? (JSON.parse(data.get('arabpress:draft:a1') ?? '') as Record<string, unknown>) : null);
  return { autosave, answers, requests, statuses, locked, draft, setHeadline: (h: string) => (headline = h) };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-24T12:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Autosave', () => {
  it('saves once, two seconds after the last change, with the contract’s body and header', async () => {
    const t = setup();
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(1_500);
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(t.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.requests).toHaveLength(1);
    const [request] = t.requests;
    expect(request?.url).toBe('/admin/articles/a1/autosave');
    expect(request?.init.method).toBe('POST');
    expect(request?.init.headers).toMatchObject({ 'X-CSRF-Token': 'tok', 'Content-Type': 'application/json' });
    expect(request?.body).toEqual({ headline: 'First', tags: 'oil, gold', body: { type: 'doc', content: [{ type: 'paragraph' }] }, baseRevision: 4 });
    expect(t.statuses.map((s) => s.kind)).toEqual(['saving', 'saved']);
    expect(t.autosave.dirty).toBe(false);
    // The next save builds on the revision the server returned.
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests[1]?.body['baseRevision']).toBe(99);
  });

  it('does nothing when nothing changed', async () => {
    const t = setup();
    await t.autosave.save();
    t.autosave.leave();
    expect(t.requests).toHaveLength(0);
  });

  it('keeps the form on this device when offline, retries with growing delays, at once when back online', async () => {
    const t = setup();
    t.answers.push(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.statuses.at(-1)).toEqual({ kind: 'offline' });
    expect(t.draft()).toMatchObject({ v: 1, storedAt: '2026-11-24T12:00:02.000Z', baseRevision: 4, fields: { headline: 'First' }, body: { type: 'doc' } });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(t.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.requests).toHaveLength(3);
    // Typing on while offline: the kept draft follows.
    t.setHeadline('Second');
    t.autosave.changed();
    t.autosave.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.requests).toHaveLength(4);
    expect(t.requests[3]?.body['headline']).toBe('Second');
    expect(t.statuses.at(-1)?.kind).toBe('saved');
    expect(t.draft()).toBeNull();
    // No retry left behind.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.requests).toHaveLength(4);
  });

  it('treats a 5xx like a lost connection and caps the back-off', async () => {
    const t = setup();
    for (let i = 0; i < 10; i++) t.answers.push(json(503, { error: 'unavailable' }));
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.statuses).toEqual([{ kind: 'saving' }, { kind: 'failed', status: 503 }]);
    expect(t.draft()).not.toBeNull();
    const times: number[] = [];
    let last = t.requests.length;
    for (let s = 0; s < 400; s++) {
      await vi.advanceTimersByTimeAsync(1_000);
      if (t.requests.length > last) {
        times.push(s + 1);
        last = t.requests.length;
      }
    }
    // Waits of 2, 4, 8, 16, 32, then 60, 60 … seconds between tries.
    const waits = times.map((time, i) => time - (times[i - 1] ?? 0));
    expect(waits.slice(0, 7)).toEqual([2, 4, 8, 16, 32, 60, 60]);
  });

  it('takes a redirect (the sign-in page) or a non-JSON answer as "not saved", never as saved', async () => {
    const t = setup();
    const redirect = { status: 0, type: 'opaqueredirect', ok: false, headers: new Headers() } as Response;
    t.answers.push(redirect, new Response('<html>sign in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.statuses.at(-1)).toEqual({ kind: 'signedOut' });
    expect(t.requests[0]?.init.redirect).toBe('manual');
    expect(t.autosave.dirty).toBe(true);
    expect(t.draft()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests).toHaveLength(2);
    expect(t.statuses.at(-1)).toEqual({ kind: 'signedOut' });
  });

  it('stops while someone else holds the lock, keeps the draft, and saves once the lock is back', async () => {
    const t = setup();
    t.answers.push(json(409, { error: 'locked', holder: 'Hala Mansour' }));
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.locked).toEqual(['Hala Mansour']);
    expect(t.statuses.at(-1)).toEqual({ kind: 'locked', holder: 'Hala Mansour' });
    expect(t.draft()).not.toBeNull();
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.requests).toHaveLength(1);
    t.autosave.setPaused(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.requests).toHaveLength(2);
    expect(t.statuses.at(-1)?.kind).toBe('saved');
  });

  it('waits for the lock before its first save when started paused', async () => {
    const t = setup({ paused: true });
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.requests).toHaveLength(0);
    expect(t.draft()).not.toBeNull();
    t.autosave.setPaused(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.requests).toHaveLength(1);
  });

  it('names the refused field on 422 and waits for the next change', async () => {
    const t = setup();
    t.answers.push(json(422, { error: 'invalid', field: 'slug' }));
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.statuses.at(-1)).toEqual({ kind: 'invalidField', field: 'slug' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.requests).toHaveLength(1);
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests).toHaveLength(2);
  });

  it('stops for good on 403', async () => {
    const t = setup();
    t.answers.push(json(403, { error: 'forbidden' }));
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.statuses.at(-1)).toEqual({ kind: 'forbidden' });
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.requests).toHaveLength(1);
  });

  it('does not send a body the schema refuses; keeps it on this device instead', async () => {
    const t = setup({
      snapshot: () => ({ fields: { headline: 'h' }, editorJson: { type: 'doc', content: [] }, body: { ok: false, error: 'Text longer than 200000 characters' } }),
    });
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests).toHaveLength(0);
    expect(t.statuses).toEqual([{ kind: 'invalidBody', error: 'Text longer than 200000 characters' }]);
    expect(t.draft()).toMatchObject({ fields: { headline: 'h' } });
  });

  it('saves a change made during a request right after it', async () => {
    const t = setup();
    let release: (r: Response) => void = () => undefined;
    t.answers.push(new Promise<Response>((resolve) => (release = resolve)));
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests).toHaveLength(1);
    t.setHeadline('Later');
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    // One request at a time.
    expect(t.requests).toHaveLength(1);
    release(json(200, { revision: 5, savedAt: '2026-11-24T12:00:03.000Z' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.autosave.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests).toHaveLength(2);
    expect(t.requests[1]?.body).toMatchObject({ headline: 'Later', baseRevision: 5 });
    expect(t.autosave.dirty).toBe(false);
  });

  it('on leaving keeps the draft first, then sends with keepalive (unless too large for it)', async () => {
    const t = setup();
    t.autosave.changed();
    t.autosave.leave();
    expect(t.draft()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.requests[0]?.init.keepalive).toBe(true);
    const big = setup({
      snapshot: () => ({ fields: { headline: 'x'.repeat(KEEPALIVE_LIMIT) }, editorJson: {}, body: { ok: true, doc: { type: 'doc', content: [] } } }),
    });
    big.autosave.changed();
    big.autosave.leave();
    expect(big.draft()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(big.requests[0]?.init.keepalive).toBe(false);
  });

  it('flush saves at once and says whether everything reached the server', async () => {
    const t = setup();
    expect(await t.autosave.flush()).toBe(true);
    expect(t.requests).toHaveLength(0);
    t.autosave.changed();
    expect(await t.autosave.flush()).toBe(true);
    expect(t.requests).toHaveLength(1);
    t.answers.push(new TypeError('Failed to fetch'));
    t.autosave.changed();
    expect(await t.autosave.flush()).toBe(false);
    expect(t.draft()).not.toBeNull();
  });

  it('flush waits for a request already on its way, then saves what came after', async () => {
    const t = setup();
    let release: (r: Response) => void = () => undefined;
    t.answers.push(new Promise<Response>((resolve) => (release = resolve)));
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    t.setHeadline('After');
    t.autosave.changed();
    const flushed = t.autosave.flush();
    release(json(200, { revision: 5, savedAt: '2026-11-24T12:00:03.000Z' }));
    expect(await flushed).toBe(true);
    expect(t.requests.map((r) => r.body['headline'])).toEqual(['First', 'After']);
  });

  it('on a conflict stops sending, keeps the draft, and saves with overwrite only when told to keep this version', async () => {
    const t = setup();
    t.autosave.setBaseRevision(2); // a draft typed offline on revision 2
    t.answers.push(json(409, { error: 'conflict', revision: 5, by: { name: 'Hala Mansour' }, savedAt: '2026-11-24T11:58:00.000Z' }));
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests[0]?.body).toMatchObject({ baseRevision: 2 });
    expect(t.requests[0]?.body['overwrite']).toBeUndefined();
    expect(t.statuses.at(-1)).toEqual({ kind: 'conflict', by: 'Hala Mansour', savedAt: '2026-11-24T11:58:00.000Z', revision: 5 });
    expect(t.draft()).toMatchObject({ baseRevision: 2, fields: { headline: 'First' } });
    // Typing on: nothing is sent while the person has not chosen, but it is kept here.
    t.setHeadline('Still mine');
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.requests).toHaveLength(1);
    expect(t.draft()).toMatchObject({ fields: { headline: 'Still mine' } });
    // "Keep mine": one save with overwrite, then ordinary saves again.
    await t.autosave.keepMine();
    expect(t.requests[1]?.body).toMatchObject({ headline: 'Still mine', overwrite: true });
    expect(t.statuses.at(-1)).toMatchObject({ kind: 'saved' });
    expect(t.draft()).toBeNull();
    t.autosave.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(t.requests[2]?.body['overwrite']).toBeUndefined();
    expect(t.requests[2]?.body).toMatchObject({ baseRevision: 99 });
  });
});

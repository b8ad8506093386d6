import { describe, expect, it } from 'vitest';
import { DraftStore, draftKey, isDraftNewer, type DraftStorage } from './drafts.js';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('DraftStore', () => {
  it('keeps, reads back and removes the whole form under arabpress:draft:<id>', () => {
    const storage = memoryStorage();
    const store = new DraftStore(storage, draftKey('a1'));
    const draft = { storedAt: '2026-11-24T12:00:00.000Z', baseRevision: 3, fields: { headline: 'عنوان', tags: ['a', 'b'] }, body: { type: 'doc', content: [] } };
    expect(store.save(draft)).toBe(true);
    expect([...storage.data.keys()]).toEqual(['arabpress:draft:a1']);
    expect(store.load()).toEqual({ v: 1, ...draft });
    store.remove();
    expect(store.load()).toBeNull();
  });

  it('ignores what it cannot read and survives a storage that refuses', () => {
    const storage = memoryStorage();
    storage.setItem('arabpress:draft:a1', '{not json');
    expect(new DraftStore(storage, draftKey('a1')).load()).toBeNull();
    storage.setItem('arabpress:draft:a1', JSON.stringify({ v: 1, storedAt: 'yesterday', baseRevision: 1, fields: {}, body: null }));
    expect(new DraftStore(storage, draftKey('a1')).load()).toBeNull();
    const full: DraftStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(new DraftStore(full, 'k').save({ storedAt: new Date().toISOString(), baseRevision: 1, fields: {}, body: null })).toBe(false);
    expect(new DraftStore(null, 'k').save({ storedAt: new Date().toISOString(), baseRevision: 1, fields: {}, body: null })).toBe(false);
  });
});

describe('isDraftNewer', () => {
  it('restores only a draft kept after the server last saved', () => {
    expect(isDraftNewer({ storedAt: '2026-11-24T12:00:01.000Z' }, '2026-11-24T12:00:00.000Z')).toBe(true);
    expect(isDraftNewer({ storedAt: '2026-11-24T12:00:00.000Z' }, '2026-11-24T12:00:00.000Z')).toBe(false);
    expect(isDraftNewer({ storedAt: '2026-11-24T11:00:00.000Z' }, '2026-11-24T12:00:00+00:00')).toBe(false);
    expect(isDraftNewer({ storedAt: '2026-11-24T11:00:00.000Z' }, '')).toBe(true);
  });
});

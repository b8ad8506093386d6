import { describe, expect, it } from 'vitest';
import { timeMarkers, windowsAround, windowsBefore } from './time-buckets.js';

// PostgreSQL's newest-first search is only right if a window really holds every story published
// between its start and the anchor: otherwise a recent story could be left out of the pool.
const DAY = 86_400_000;
const anchors = ['2026-03-20T12:00:00.000Z', '2026-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z', '2024-02-29T08:00:00.000Z'].map((s) => new Date(s));

describe('time windows', () => {
  it('cover every moment from their start to the anchor', () => {
    for (const anchor of anchors) {
      for (const window of windowsBefore(anchor)) {
        expect(window.since.getTime()).toBeLessThan(anchor.getTime());
        for (let t = window.since.getTime(); t <= anchor.getTime(); t += DAY / 4) {
          const markers = timeMarkers(new Date(t));
          expect(markers.some((m) => window.markers.includes(m)), `${new Date(t).toISOString()} in window since ${window.since.toISOString()}`).toBe(true);
        }
        // And nothing from before the previous week (the narrowest window stays narrow).
        expect(timeMarkers(new Date(window.since.getTime() - 400 * DAY)).some((m) => window.markers.includes(m))).toBe(false);
      }
    }
  });

  it('widen from a week to months to a year, and look both ways around an article', () => {
    const anchor = anchors[0]!;
    const [week, months, year] = windowsBefore(anchor);
    expect(anchor.getTime() - week!.since.getTime()).toBeGreaterThanOrEqual(7 * DAY);
    expect(anchor.getTime() - week!.since.getTime()).toBeLessThan(14 * DAY);
    expect(months!.since.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(year!.since.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    const around = windowsAround(anchor);
    for (const offset of [-6, 0, 6]) expect(timeMarkers(new Date(anchor.getTime() + offset * DAY)).some((m) => around[0]!.markers.includes(m))).toBe(true);
    for (const offset of [-300, 300]) expect(timeMarkers(new Date(anchor.getTime() + offset * DAY)).some((m) => around[2]!.markers.includes(m))).toBe(true);
    expect(timeMarkers(new Date('2026-03-20T00:00:00.000Z'))[1]).toBe('_m202603');
  });
});

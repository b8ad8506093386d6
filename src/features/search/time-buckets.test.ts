import { describe, expect, it } from 'vitest';
import { monthsNewestFirst, timeMarkers, windowsAround } from './time-buckets.js';

// PostgreSQL's newest-first search is only right if its months hold every story published from the
// oldest month's start on, each in one month, newest month first: otherwise a recent story could be left
// out of the pool, or counted twice.
const DAY = 86_400_000;
const anchors = ['2026-03-20T12:00:00.000Z', '2026-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z', '2024-02-29T08:00:00.000Z'].map((s) => new Date(s));

describe('time windows', () => {
  it('cover every moment from the oldest month to the month after the anchor, each in one month, newest first', () => {
    for (const anchor of anchors) {
      const months = monthsNewestFirst(anchor, 11);
      expect(months).toHaveLength(13);
      months.slice(1).forEach((m, i) => expect(m.end.getTime()).toBe(months[i]!.start.getTime()));
      expect(months[0]!.end.getTime()).toBeGreaterThan(anchor.getTime() + 28 * DAY);
      for (let t = months.at(-1)!.start.getTime(); t < months[0]!.end.getTime(); t += DAY / 4) {
        const marker = timeMarkers(new Date(t))[1];
        expect(months.filter((m) => m.marker === marker), new Date(t).toISOString()).toHaveLength(1);
        const holder = months.find((m) => m.marker === marker)!;
        expect(t >= holder.start.getTime() && t < holder.end.getTime()).toBe(true);
      }
    }
    expect(monthsNewestFirst(anchors[0]!, 2, 0).map((m) => m.marker)).toEqual(['_m202603', '_m202602', '_m202601']);
  });

  it('look both ways around an article', () => {
    const anchor = anchors[0]!;
    const around = windowsAround(anchor);
    for (const offset of [-6, 0, 6]) expect(timeMarkers(new Date(anchor.getTime() + offset * DAY)).some((m) => around[0]!.markers.includes(m))).toBe(true);
    for (const offset of [-300, 300]) expect(timeMarkers(new Date(anchor.getTime() + offset * DAY)).some((m) => around[2]!.markers.includes(m))).toBe(true);
    expect(timeMarkers(new Date('2026-03-20T00:00:00.000Z'))[1]).toBe('_m202603');
  });
});

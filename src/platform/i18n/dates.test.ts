import { describe, expect, it } from 'vitest';
import { createDateFormatter } from './dates.js';

const friday = new Date('2024-04-26T09:00:00.000Z');

describe('dates in Asia/Riyadh', () => {
  const en = createDateFormatter('en', 'Asia/Riyadh', 'latn');
  const ar = createDateFormatter('ar', 'Asia/Riyadh', 'latn');
  const arArab = createDateFormatter('ar', 'Asia/Riyadh', 'arab');

  it('writes the long Gregorian date the way the masthead shows it', () => {
    expect(en.longDate(friday)).toBe('Friday, Apr 26, 2024');
    expect(ar.longDate(friday)).toBe('الجمعة، 26 أبريل 2024');
    expect(arArab.longDate(friday)).toBe('الجمعة، ٢٦ أبريل ٢٠٢٤');
  });

  it('writes the Umm al-Qura Hijri date', () => {
    expect(en.hijriDate(friday)).toBe('Shawwal 17, 1445 AH');
    expect(ar.hijriDate(friday)).toBe('17 شوال 1445 هـ');
    expect(arArab.hijriDate(friday)).toBe('١٧ شوال ١٤٤٥ هـ');
  });

  it('writes list and article times in the site zone', () => {
    expect(en.shortDate(friday)).toBe('Apr 26, 2024');
    expect(ar.shortDate(friday)).toBe('26 أبريل 2024');
    // 09:00 UTC is 12:00 in Riyadh, on a 24-hour clock.
    expect(en.dateTime(friday)).toMatch(/^Apr 26, 2024,? 12:00$/);
    expect(en.dateTime(new Date('2024-04-26T14:05:00Z'))).toMatch(/17:05$/);
  });

  it('turns the day over at midnight in Riyadh (21:00 UTC), not at midnight UTC', () => {
    const beforeMidnight = new Date('2024-04-25T20:59:59.000Z'); // 23:59:59 Thursday in Riyadh
    const afterMidnight = new Date('2024-04-25T21:00:00.000Z'); // 00:00 Friday in Riyadh, still Thursday in UTC
    expect(en.dayKey(beforeMidnight)).toBe('2024-04-25');
    expect(en.dayKey(afterMidnight)).toBe('2024-04-26');
    expect(ar.dayKey(afterMidnight)).toBe('2024-04-26');
    expect(arArab.dayKey(afterMidnight)).toBe('2024-04-26'); // a machine key: always Latin digits
    expect(en.longDate(beforeMidnight)).toBe('Thursday, Apr 25, 2024');
    expect(en.longDate(afterMidnight)).toBe('Friday, Apr 26, 2024');
    expect(ar.longDate(afterMidnight)).toBe('الجمعة، 26 أبريل 2024');
    expect(en.hijriDate(beforeMidnight)).toBe('Shawwal 16, 1445 AH');
    expect(en.hijriDate(afterMidnight)).toBe('Shawwal 17, 1445 AH');
    expect(ar.hijriDate(afterMidnight)).toBe('17 شوال 1445 هـ');
  });
});

describe('dates in a zone behind UTC (America/New_York, UTC−4 in April)', () => {
  const en = createDateFormatter('en', 'America/New_York', 'latn');
  const ar = createDateFormatter('ar', 'America/New_York', 'latn');

  it('is still the previous day just after midnight UTC', () => {
    const t = new Date('2024-04-26T03:30:00.000Z'); // 23:30 Thursday in New York
    expect(en.dayKey(t)).toBe('2024-04-25');
    expect(en.longDate(t)).toBe('Thursday, Apr 25, 2024');
    expect(ar.longDate(t)).toBe('الخميس، 25 أبريل 2024');
    expect(en.hijriDate(t)).toBe('Shawwal 16, 1445 AH');
    expect(ar.hijriDate(t)).toBe('16 شوال 1445 هـ');
  });

  it('turns over at local midnight (04:00 UTC)', () => {
    expect(en.dayKey(new Date('2024-04-26T03:59:59.000Z'))).toBe('2024-04-25');
    expect(en.dayKey(new Date('2024-04-26T04:00:00.000Z'))).toBe('2024-04-26');
    expect(en.longDate(new Date('2024-04-26T04:00:00.000Z'))).toBe('Friday, Apr 26, 2024');
  });

  it('follows the daylight-saving change (UTC−5 in January)', () => {
    expect(en.dayKey(new Date('2024-01-15T04:59:59.000Z'))).toBe('2024-01-14');
    expect(en.dayKey(new Date('2024-01-15T05:00:00.000Z'))).toBe('2024-01-15');
  });
});

describe('formatters are independent of the server’s own zone', () => {
  it('gives different days for the same instant in different site zones', () => {
    const t = new Date('2024-04-25T22:00:00.000Z');
    expect(createDateFormatter('en', 'Asia/Riyadh', 'latn').dayKey(t)).toBe('2024-04-26');
    expect(createDateFormatter('en', 'UTC', 'latn').dayKey(t)).toBe('2024-04-25');
    expect(createDateFormatter('en', 'America/Los_Angeles', 'latn').dayKey(t)).toBe('2024-04-25');
  });
});

import type { DigitStyle, Language } from './i18n.js';

/**
 * Dates for readers. Intl is always given the calendar and the time zone explicitly: `ar-SA` alone
 * now formats Gregorian in some ICU versions, and the server's own zone must never leak into pages.
 */
export interface DateFormatter {
  /** "Friday, Apr 26, 2024" / "الجمعة، 26 أبريل 2024" */
  longDate(d: Date): string;
  /** The Umm al-Qura Hijri date: "Shawwal 17, 1445 AH" / "17 شوال 1445 هـ" */
  hijriDate(d: Date): string;
  /** "Apr 26, 2024, 14:05" for article times. */
  dateTime(d: Date): string;
  /** "Apr 26, 2024" for lists. */
  shortDate(d: Date): string;
  /** YYYY-MM-DD of the day in the site zone: a cache key that turns over at local midnight. */
  dayKey(d: Date): string;
}

const memo = new Map<string, DateFormatter>();

/** How English dates name the month: "Apr 26, 2024" (medium) or "April 26, 2024" (long). Arabic always spells it out. */
export type DateStyle = 'medium' | 'long';

export function createDateFormatter(lang: Language, timeZone: string, digits: DigitStyle, style: DateStyle = 'medium'): DateFormatter {
  const key = `${lang}|${timeZone}|${digits}|${style}`;
  const cached = memo.get(key);
  if (cached) return cached;
  const nu = lang === 'ar' ? digits : 'latn';
  const base = lang === 'ar' ? 'ar' : 'en-US';
  const greg = `${base}-u-ca-gregory-nu-${nu}`;
  const month = lang === 'ar' || style === 'long' ? 'long' : 'short';
  const long = new Intl.DateTimeFormat(greg, { timeZone, weekday: 'long', month, day: 'numeric', year: 'numeric' });
  const hijri = new Intl.DateTimeFormat(`${base}-u-ca-islamic-umalqura-nu-${nu}`, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(greg, { timeZone, month, day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const short = new Intl.DateTimeFormat(greg, { timeZone, month, day: 'numeric', year: 'numeric' });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const f: DateFormatter = {
    longDate: (d) => long.format(d),
    hijriDate: (d) => hijri.format(d),
    dateTime: (d) => dateTime.format(d),
    shortDate: (d) => short.format(d),
    dayKey: (d) => day.format(d),
  };
  memo.set(key, f);
  return f;
}

/**
 * The UTC instant of a wall-clock time in a zone ("2026-11-24T15:30" in Asia/Riyadh → 12:30Z), as a
 * newsroom types it in a datetime-local field. Undefined for text that is not such a time.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  // The zone's offset at that moment; a second pass settles times near a daylight-saving change.
  const offsetAt = (t: number) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const o = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) * 60_000 : 0;
  };
  const first = guess - offsetAt(guess);
  const result = guess - offsetAt(first);
  return Number.isNaN(result) ? undefined : new Date(result);
}

/** Checks a time zone name the way Intl will use it. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

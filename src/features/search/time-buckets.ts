/**
 * PostgreSQL's way to the matches nearest a time: each document carries two marker lexemes, the week
 * and the month it was published in, and a query asks the GIN index for "the words AND one of these
 * weeks or months". The index then hands over only those matches, instead of every match of a common
 * word for the heap to sort by date. Search walks back month by month (monthsNewestFirst); related
 * articles widen windows around an article (windowsAround). Weeks count from the Unix epoch, months are
 * UTC calendar months; markers start with "_", which no analyzed word does.
 */
const WEEK_MS = 7 * 86_400_000;

const weekOf = (at: Date): number => Math.floor(at.getTime() / WEEK_MS);
const monthOf = (at: Date): number => at.getUTCFullYear() * 12 + at.getUTCMonth();
const weekMarker = (week: number): string => `_w${week}`;
const monthMarker = (month: number): string => `_m${Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`;

export function timeMarkers(at: Date): string[] {
  return [weekMarker(weekOf(at)), monthMarker(monthOf(at))];
}

/** One UTC calendar month: its marker lexeme and its bounds [start, end). */
export interface MonthBucket {
  marker: string;
  start: Date;
  end: Date;
}

function monthStart(month: number): Date {
  return new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
}

/**
 * The months from the one after `anchor` (a story dated a little ahead of this server's clock) back
 * through `back` months before it, newest first. Together they cover every moment from the oldest
 * one's start to the end of the month after the anchor, each moment in exactly one month.
 */
export function monthsNewestFirst(anchor: Date, back: number, ahead = 1): MonthBucket[] {
  const month = monthOf(anchor);
  return Array.from({ length: ahead + 1 + back }, (_, i) => month + ahead - i).map((m) => ({ marker: monthMarker(m), start: monthStart(m), end: monthStart(m + 1) }));
}

/**
 * Windows around `anchor` (related articles look both ways in time), narrowest first: the weeks
 * before, of and after it; the months likewise; a year either side.
 */
export function windowsAround(anchor: Date): { markers: string[] }[] {
  const week = weekOf(anchor);
  const month = monthOf(anchor);
  const span = <T>(n: number, f: (i: number) => T) => Array.from({ length: 2 * n + 1 }, (_, i) => f(i - n));
  return [
    { markers: span(1, (i) => weekMarker(week + i)) },
    { markers: span(1, (i) => monthMarker(month + i)) },
    { markers: span(12, (i) => monthMarker(month + i)) },
  ];
}

/**
 * Tries `fetch` on each window in turn and keeps the first that returns a full pool (`size` rows);
 * when none does, fetches with no window (the whole archive). `stop` ends the widening early, for a
 * window that would reach past what a filter allows anyway.
 */
export async function firstFullWindow<T>(windows: { markers: string[] }[], size: number, fetch: (markers: string[] | null) => Promise<T[]>, stop: (index: number) => boolean = () => false): Promise<T[]> {
  for (const [index, window] of windows.entries()) {
    if (stop(index)) break;
    const rows = await fetch(window.markers);
    if (rows.length >= size) return rows;
  }
  return fetch(null);
}

/** A tsquery restricted to documents carrying one of the window's markers (no window: unchanged). */
export function withinWindow(tsquery: string, markers: string[] | null): string {
  return markers ? `(${tsquery}) & (${markers.map((m) => `'${m}'`).join(' | ')})` : tsquery;
}

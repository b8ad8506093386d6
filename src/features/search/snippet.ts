import { analyzeText } from './analysis/index.js';

/**
 * The passage of an article that best shows why it matched: the window of words with the most query
 * terms, cut at word boundaries, with the matching words marked. Works on the original text (the
 * reader sees what was written, diacritics and all) and analyzes each word to compare it, so a match
 * on a stem or a spelling variant is highlighted too. Pure, the same on both databases.
 */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Each word's analysis, kept: a page of results analyzes ten bodies word by word, and news prose
 * repeats its words (the, said, minister, في، من…), so most are analyzed once per process instead of
 * once per occurrence. This was most of a search's time after the query itself (10–16 ms a page).
 * Bounded: emptied when full.
 */
const MAX_CACHED_WORDS = 50_000;
const analyzed = new Map<string, string[]>();

function termsOf(word: string): string[] {
  let found = analyzed.get(word);
  if (!found) {
    found = analyzeText(word).flatMap((w) => [w.exact, ...w.stems]);
    if (analyzed.size >= MAX_CACHED_WORDS) analyzed.clear();
    analyzed.set(word, found);
  }
  return found;
}

export function buildSnippet(text: string, terms: ReadonlySet<string>, maxWords = 30): { parts: SnippetPart[]; clippedStart: boolean; clippedEnd: boolean } {
  const words = [...text.matchAll(WORD)].map((m) => {
    const match = termsOf(m[0]).some((t) => terms.has(t));
    return { start: m.index, end: m.index + m[0].length, match };
  });
  if (!words.length) return { parts: [], clippedStart: false, clippedEnd: false };
  // The window of maxWords words with the most matches; the earliest one wins ties.
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.match) count++;
    if (i >= maxWords && words[i - maxWords]!.match) count--;
    const start = Math.max(0, i - maxWords + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Start a few words before the first match so it reads as a sentence, not a fragment.
  const firstMatch = words.findIndex((w, i) => i >= best && w.match);
  const from = firstMatch >= 0 ? Math.max(0, Math.min(best, firstMatch - 4)) : 0;
  const to = Math.min(words.length, from + maxWords);
  const parts: SnippetPart[] = [];
  let cursor = words[from]!.start;
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    if (!w.match) continue;
    if (w.start > cursor) parts.push({ text: text.slice(cursor, w.start), match: false });
    parts.push({ text: text.slice(w.start, w.end), match: true });
    cursor = w.end;
  }
  const end = words[to - 1]!.end;
  if (end > cursor) parts.push({ text: text.slice(cursor, end), match: false });
  return { parts, clippedStart: from > 0, clippedEnd: to < words.length };
}

import { analyzeText, type AnalyzedWord } from './analysis/index.js';

/**
 * A reader's query, parsed: words every result must contain, exact phrases ("…"), and words or phrases
 * to exclude (-word, -"…"). Database-neutral: fts5-query.ts and tsquery.ts turn it into each
 * database's syntax, so both search the same way.
 */
export interface ParsedQuery {
  /** Each word matches by its exact form or any of its stems. */
  words: AnalyzedWord[];
  /** Each phrase: exact forms in order, adjacent in the text. */
  phrases: string[][];
  excludedWords: AnalyzedWord[];
  excludedPhrases: string[][];
  /** The last word as typed, matched as a prefix too (instant search, while the reader types). */
  prefix?: string;
}

export type QueryProblem = 'empty' | 'noWords' | 'tooShort' | 'onlyExclusions';

/** More than this many words add nothing but cost; the rest of a long query is ignored. */
export const MAX_QUERY_WORDS = 12;
export const MAX_QUERY_CHARS = 500;
export const MIN_WORD_CHARS = 2;

// A quoted phrase (straight, curly or Arabic/French guillemet quotes), optionally negated, or a bare term.
const PART = /(-?)(?:["“”«»]([^"“”«»]*)["“”«»]?|(\S+))/gu;

export function parseSearchQuery(raw: string, options: { prefixLast?: boolean } = {}): ParsedQuery | { problem: QueryProblem } {
  const q = raw.slice(0, MAX_QUERY_CHARS).trim();
  if (!q) return { problem: 'empty' };
  const parsed: ParsedQuery = { words: [], phrases: [], excludedWords: [], excludedPhrases: [] };
  let count = 0;
  let short = false;
  for (const match of q.matchAll(PART)) {
    const negated = match[1] === '-';
    const quoted = match[2];
    const all = analyzeText(quoted ?? match[3] ?? '');
    // One letter matches nearly everything and means little: such words are left out of the search.
    const words = all.filter((w) => w.exact.length >= MIN_WORD_CHARS);
    if (words.length < all.length) short = true;
    if (!words.length || count >= MAX_QUERY_WORDS) continue;
    count += words.length;
    if (quoted !== undefined && words.length > 1) {
      (negated ? parsed.excludedPhrases : parsed.phrases).push(words.map((w) => w.exact));
    } else {
      // A hyphenated or punctuated bare term (al-Qaeda, 9/11) is several words, all required.
      (negated ? parsed.excludedWords : parsed.words).push(...words);
    }
  }
  if (!parsed.words.length && !parsed.phrases.length) {
    return { problem: parsed.excludedWords.length || parsed.excludedPhrases.length ? 'onlyExclusions' : short ? 'tooShort' : 'noWords' };
  }
  // Prefix matching only helps a word still being typed: the last one, bare, and long enough to mean something.
  const last = parsed.words.at(-1);
  if (options.prefixLast && last && !/["“”«»\s]$/u.test(raw) && last.exact.length >= 2) parsed.prefix = last.exact;
  return parsed;
}

/** Every term of the query's positive words and phrases: what a snippet highlights. */
export function highlightTerms(query: ParsedQuery): Set<string> {
  return new Set([...query.words.flatMap((w) => [w.exact, ...w.stems]), ...query.phrases.flat()]);
}

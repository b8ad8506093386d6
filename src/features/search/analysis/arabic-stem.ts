import { PROTECTED_NAMES } from './protected-names.js';

/**
 * Arabic light stemming over normalized words (see arabic-normalize.ts: ة is already ه, ى is ي).
 * "Light" means affixes only, no roots: the article with its attached prepositions (ال وال بال كال فال
 * لل), the one-letter conjunctions and prepositions (و ف ب ك ل), and common suffixes (ها ان ات ون ين يه
 * ه ي). Root extraction (Snowball, PostgreSQL's arabic config) conflates too much for news search and
 * cuts names: فلسطين becomes لسط. Guards against that:
 * - a stem is never shorter than MIN_STEM letters: an affix is only removed when enough word is left;
 * - protected names (protected-names.ts) are never cut, and their inflections stem to the name;
 * - a one-letter prefix (و ف ب ك ل) is also the first letter of countless words (وزير, بيروت, فرنسا,
 *   كتاب), so removing it gives a second stem beside the one that keeps it, never a replacement.
 * The caller indexes the unstemmed word too, so an exact match still ranks first.
 */

export const MIN_STEM = 3;

const ARTICLE_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
const ONE_LETTER_PREFIXES = ['و', 'ف', 'ب', 'ك', 'ل'] as const;
// Longest first, so ات is tried before ه could be, ين before ي.
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;
// Endings that turn a name into a word about it: nisba adjectives and their plurals (فلسطيني, فلسطينيون).
const NAME_ENDINGS = ['', 'ي', 'يه', 'يون', 'يين', 'يات', 'ها'] as const;

/** The protected name this word is built on (after an optional prefix), or undefined. */
function protectedBase(word: string): string | undefined {
  for (const prefix of ['', ...ARTICLE_PREFIXES, ...ONE_LETTER_PREFIXES]) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    for (const ending of NAME_ENDINGS) {
      if (!rest.endsWith(ending)) continue;
      const base = rest.slice(0, rest.length - ending.length);
      // A name shorter than a stem (آب, August) only counts alone: و + آب could be anything.
      if (PROTECTED_NAMES.has(base) && (base.length >= MIN_STEM || base === word)) return base;
    }
  }
  return undefined;
}

function stripArticle(word: string): string {
  for (const prefix of ARTICLE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM) return word.slice(prefix.length);
  }
  return word;
}

function stripSuffix(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) return word.slice(0, word.length - suffix.length);
  }
  return word;
}

/**
 * The stems of one normalized Arabic word: one, or two when it may begin with a one-letter prefix
 * (the first keeps that letter). A word of MIN_STEM letters or fewer is its own stem.
 */
export function arabicStems(word: string): string[] {
  const name = protectedBase(word);
  if (name !== undefined) return [name];
  const withoutArticle = stripArticle(word);
  const stems = [stripSuffix(withoutArticle)];
  const first = word[0];
  const startsWithOneLetterPrefix = first !== undefined && (ONE_LETTER_PREFIXES as readonly string[]).includes(first);
  // Only when no article was found: بالبيت is بال + بيت. وبالبيت is و + بال + بيت.
  if (withoutArticle === word && startsWithOneLetterPrefix && word.length - 1 >= MIN_STEM) {
    const alternative = stripSuffix(stripArticle(word.slice(1)));
    if (alternative !== stems[0]) stems.push(alternative);
  }
  return stems;
}

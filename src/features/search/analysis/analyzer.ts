import { arabicStems } from './arabic-stem.js';
import { isArabicWord, normalizeArabic } from './arabic-normalize.js';
import { englishTerms } from './english.js';

/**
 * The one text analyzer for search, used for indexing and for queries on SQLite (FTS5) and PostgreSQL
 * (tsvector) alike: both databases receive words that are already normalized and stemmed here, and
 * their own tokenizers only split on the spaces between them. That is what makes the two databases
 * find the same articles, and what gives Arabic a treatment neither database has built in.
 */
export interface AnalyzedWord {
  /** The word as normalized (Arabic spelling folded, Latin case and accents folded). */
  exact: string;
  /** Its stems, main one first; the exact form when nothing was removed. */
  stems: string[];
}

// Letters, marks and digits, with apostrophes inside Latin words (Iran's, don't) kept for the stemmer.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** Longer "words" are noise (URLs, hashes, keyboard mashing) and would only bloat the index. */
export const MAX_WORD_LENGTH = 40;

export function analyzeWord(word: string): AnalyzedWord | undefined {
  if (word.length > MAX_WORD_LENGTH) return undefined;
  if (isArabicWord(word)) {
    // Arabic and Latin letters glued together (عربيPress) are rare; the Arabic rules handle the word.
    return { exact: word, stems: arabicStems(word) };
  }
  const { exact, stem } = englishTerms(word);
  if (!exact) return undefined;
  return { exact, stems: [stem || exact] };
}

/** Every word of the text, in order, analyzed. */
export function analyzeText(text: string): AnalyzedWord[] {
  const words: AnalyzedWord[] = [];
  for (const match of normalizeArabic(text).matchAll(WORD)) {
    const analyzed = analyzeWord(match[0]);
    if (analyzed) words.push(analyzed);
  }
  return words;
}

/**
 * Text prepared for a full-text index: the exact forms in order (phrase search uses their positions)
 * and the stems, each a space-separated string of words that contain only letters and digits.
 */
export function indexableText(text: string): { exact: string; stems: string } {
  const words = analyzeText(text);
  return { exact: words.map((w) => w.exact).join(' '), stems: words.flatMap((w) => w.stems).join(' ') };
}

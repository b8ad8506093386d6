import { stem } from 'porter2';

/**
 * English (and any other Latin-script) words: case folded, Latin diacritics folded (café → cafe, so
 * readers need not type them), the possessive removed (Iran's → iran), then the Porter2 (Snowball
 * English) stem. Apostrophes inside a word are dropped from the indexed forms: the database tokenizers
 * would split on them.
 */
const COMBINING_MARKS = /\p{M}/gu;
const POSSESSIVE = /['’]s?$/u;
const APOSTROPHES = /['’]/gu;

export function foldLatin(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** The exact (folded) form and the stem of one Latin-script word. */
export function englishTerms(word: string): { exact: string; stem: string } {
  const folded = foldLatin(word).replace(POSSESSIVE, '');
  const exact = folded.replace(APOSTROPHES, '');
  // Porter2 knows apostrophes (its step 0) but expects the ASCII one.
  return { exact, stem: stem(folded.replace(/’/gu, "'")).replace(APOSTROPHES, '') };
}

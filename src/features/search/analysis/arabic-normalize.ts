/**
 * Arabic spelling normalization, applied to indexed text and to queries alike so that the spellings
 * readers actually type meet the spellings writers used. Each rule folds variants that Arabic readers
 * treat as the same word in search:
 * - tashkeel (fathatan … sukun and the rarer marks, U+064B–U+065F), the superscript alef (U+0670) and tatweel (U+0640) are
 *   dropped: they are rarely typed in queries and often present in headlines;
 * - alef with hamza above/below, madda and wasla (أ إ آ ٱ) become a bare alef;
 * - alef maqsura (ى) becomes yeh and taa marbuta (ة) becomes heh: both are routinely written either way;
 * - hamza on waw or yeh (ؤ ئ) becomes a bare hamza, so مسؤول and مسئول match;
 * - Arabic-Indic and Persian digits become 0–9;
 * - bidi controls and zero-width characters are removed (pasted text carries them invisibly).
 */

// U+064B–U+065F: harakat, tanween, shadda, sukun and the rarer combining marks (a hamza above or below
// that NFKC could not compose); U+06D6–U+06ED: Quranic annotation marks.
const TASHKEEL_AND_TATWEEL = /[\u064B-\u065F]|\u0670|\u0640|[\u06D6-\u06ED]/g;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;

const LETTER_MAP: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ى': 'ي',
  'ة': 'ه',
  'ؤ': 'ء',
  'ئ': 'ء',
  // Persian/Urdu letter forms that turn up in pasted Arabic text.
  'ی': 'ي',
  'ک': 'ك',
};
const MAPPED_LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

function westernDigit(d: string): string {
  const code = d.charCodeAt(0);
  return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
}

/** Removes characters a reader cannot see (bidi controls, zero-width joiners, byte-order marks). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Eastern Arabic and Persian digits to 0–9 (the same number, however it was typed). */
export function westernDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, westernDigit);
}

/**
 * The normalized spelling of Arabic text. NFKC first turns presentation forms (ﻻ, ﺍ…) that some
 * PDFs and old systems produce into ordinary letters. Text without Arabic passes through unchanged
 * apart from that, the digits and the invisible characters.
 */
export function normalizeArabic(text: string): string {
  return westernDigits(stripInvisible(text.normalize('NFKC')))
    .replace(TASHKEEL_AND_TATWEEL, '')
    .replace(MAPPED_LETTERS, (ch) => LETTER_MAP[ch] ?? ch);
}

const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FC]/;

/** True when the word is written in Arabic script. */
export function isArabicWord(word: string): boolean {
  return ARABIC_LETTER.test(word);
}

/**
 * The first strong character's direction, as the Unicode bidi algorithm finds a paragraph's direction
 * (rule P2): a letter from a right-to-left script gives 'rtl', any other letter 'ltr'; digits,
 * punctuation and spaces are neutral. null when there is no letter at all.
 */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/u;
const STRONG = /\p{L}/gu;

export function firstStrongDirection(text: string): 'ltr' | 'rtl' | null {
  STRONG.lastIndex = 0;
  const match = STRONG.exec(text);
  if (!match) return null;
  return RTL_LETTER.test(match[0]) ? 'rtl' : 'ltr';
}

export function hasLetter(text: string): boolean {
  return LETTER.test(text);
}

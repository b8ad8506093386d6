import type { Language } from '../../../platform/i18n/i18n.js';

/**
 * Text made ready for a speech engine. espeak-ng already reads numbers, years, decimals and dates in
 * each voice's language (English and Arabic), so this only does what it gets wrong: links read out
 * letter by letter, symbols it skips or misreads, and the newsroom's abbreviations, which it would
 * pronounce as words ("UN" as "un"). Everything else is passed through as written.
 */
// A link ends before the punctuation that closes the sentence or the brackets around it.
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>()]*[^\s<>().,;:!?'"]/giu;

const ENGLISH_ABBREVIATIONS: Record<string, string> = {
  UN: 'U.N.',
  US: 'U.S.',
  UK: 'U.K.',
  EU: 'E.U.',
  UAE: 'U.A.E.',
  GCC: 'G.C.C.',
  GDP: 'G.D.P.',
  IMF: 'I.M.F.',
  FDI: 'F.D.I.',
  MENA: 'Mena',
  NATO: 'Nato',
  OPEC: 'Opec',
  AI: 'A.I.',
  CEO: 'C.E.O.',
};

function expandUnit(unit: string): string {
  const u = unit.toLowerCase();
  return u === 'bn' ? 'billion' : u === 'm' ? 'million' : u;
}

const ARABIC_SYMBOLS: [RegExp, string][] = [
  [/(\d|[\u0660-\u0669])\s?[%٪]/gu, '$1 بالمئة'],
  [/\$\s?(\d[\d,.]*)/gu, '$1 دولار'],
  [/&/gu, ' و '],
];

const ARABIC_ABBREVIATIONS: Record<string, string> = {
  'م': 'ميلادي',
  'هـ': 'هجري',
  'د.': 'الدكتور',
};

export function speakable(text: string, language: Language): string {
  let out = text.replace(URL_PATTERN, '').replace(/\s+/gu, ' ').trim();
  if (language === 'en') {
    out = out
      .replace(/(\d)\s?%/gu, '$1 percent')
      .replace(/\$\s?(\d[\d,.]*)(?:\s?(billion|million|trillion|bn|m)\b)?/giu, (_m, n: string, unit?: string) => `${n}${unit ? ` ${expandUnit(unit)}` : ''} dollars`)
      .replace(/€\s?(\d[\d,.]*)/gu, '$1 euros')
      .replace(/£\s?(\d[\d,.]*)/gu, '$1 pounds')
      .replace(/(\d)\s?km\b/gu, '$1 kilometres')
      .replace(/&/gu, ' and ');
    out = out.replace(/\b[A-Z]{2,5}\b/gu, (word) => ENGLISH_ABBREVIATIONS[word] ?? word);
  } else {
    for (const [pattern, replacement] of ARABIC_SYMBOLS) out = out.replace(pattern, replacement);
    // Year markers after a number: 2024م → 2024 ميلادي; هـ likewise.
    out = out.replace(/(\d+)\s?(م|هـ)(?=\s|$|[.،])/gu, (_m, n: string, mark: string) => `${n} ${ARABIC_ABBREVIATIONS[mark]}`);
    out = out.replace(/(^|\s)د\.\s?/gu, `$1${ARABIC_ABBREVIATIONS['د.']} `);
  }
  return out.replace(/\s+/gu, ' ').trim();
}

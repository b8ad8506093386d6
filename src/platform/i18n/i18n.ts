import { adminAr } from './admin.ar.js';
import { adminEn, type AdminMessageKey } from './admin.en.js';
import { ar } from './ar.js';
import { siteAdminAr } from './site-admin.ar.js';
import { siteAdminEn, type SiteAdminMessageKey } from './site-admin.en.js';
import { en, type MessageKey as SiteMessageKey } from './en.js';

export type Language = 'en' | 'ar';
export const LANGUAGES: readonly Language[] = ['en', 'ar'];
export type DigitStyle = 'latn' | 'arab';
export type MessageKey = SiteMessageKey | AdminMessageKey | SiteAdminMessageKey;

const catalogues: Record<Language, Record<MessageKey, string>> = { en: { ...en, ...adminEn, ...siteAdminEn }, ar: { ...ar, ...adminAr, ...siteAdminAr } };

export function isLanguage(v: unknown): v is Language {
  return v === 'en' || v === 'ar';
}

export function directionOf(lang: Language): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** A translator bound to one language and digit style; what every view receives. */
export interface Translator {
  readonly lang: Language;
  readonly dir: 'ltr' | 'rtl';
  readonly digits: DigitStyle;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Formats a number (page numbers, counts) in the reader's digits. */
  n(value: number): string;
}

export function createTranslator(lang: Language, digits: DigitStyle = 'latn'): Translator {
  const nf = new Intl.NumberFormat(lang === 'ar' ? `ar-u-nu-${digits}` : 'en-US', { useGrouping: false });
  const n = (v: number) => nf.format(v);
  return {
    lang,
    dir: directionOf(lang),
    digits,
    n,
    t(key, params) {
      const template = catalogues[lang][key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (m, name: string) => {
        const v = params[name];
        return v === undefined ? m : typeof v === 'number' ? n(v) : v;
      });
    },
  };
}

import { adminAr } from './admin.ar.js';
import { adminEn, type AdminMessageKey } from './admin.en.js';
import { ar } from './ar.js';
import { siteAdminAr } from './site-admin.ar.js';
import { siteAdminEn, type SiteAdminMessageKey } from './site-admin.en.js';
import { en, type MessageKey as SiteMessageKey } from './en.js';
import { newsletterAdminAr } from './newsletter-admin.ar.js';
import { newsletterAdminEn, type NewsletterAdminMessageKey } from './newsletter-admin.en.js';
import { newsletterEmailAr } from './newsletter-email.ar.js';
import { newsletterEmailEn, type NewsletterEmailMessageKey } from './newsletter-email.en.js';
import { newsletterSendsAr } from './newsletter-sends.ar.js';
import { newsletterSendsEn, type NewsletterSendsMessageKey } from './newsletter-sends.en.js';
import { newsletterSiteAr } from './newsletter-site.ar.js';
import { newsletterSiteEn, type NewsletterSiteMessageKey } from './newsletter-site.en.js';

export type Language = 'en' | 'ar';
export const LANGUAGES: readonly Language[] = ['en', 'ar'];
export type DigitStyle = 'latn' | 'arab';
export type MessageKey = SiteMessageKey | AdminMessageKey | SiteAdminMessageKey | NewsletterSiteMessageKey | NewsletterAdminMessageKey | NewsletterEmailMessageKey | NewsletterSendsMessageKey;

const catalogues: Record<Language, Record<MessageKey, string>> = {
  en: { ...en, ...adminEn, ...siteAdminEn, ...newsletterSiteEn, ...newsletterAdminEn, ...newsletterEmailEn, ...newsletterSendsEn },
  ar: { ...ar, ...adminAr, ...siteAdminAr, ...newsletterSiteAr, ...newsletterAdminAr, ...newsletterEmailAr, ...newsletterSendsAr },
};

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

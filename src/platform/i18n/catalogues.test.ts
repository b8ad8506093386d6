import { describe, expect, it } from 'vitest';
import { adminAr } from './admin.ar.js';
import { adminEn } from './admin.en.js';
import { newsletterAdminAr } from './newsletter-admin.ar.js';
import { newsletterAdminEn } from './newsletter-admin.en.js';
import { newsletterEmailAr } from './newsletter-email.ar.js';
import { newsletterEmailEn } from './newsletter-email.en.js';
import { newsletterSendsAr } from './newsletter-sends.ar.js';
import { newsletterSendsEn } from './newsletter-sends.en.js';
import { newsletterSiteAr } from './newsletter-site.ar.js';
import { newsletterSiteEn } from './newsletter-site.en.js';
import { siteAdminAr } from './site-admin.ar.js';
import { siteAdminEn } from './site-admin.en.js';

/**
 * Every catalogue beside the site's own (i18n.test.ts checks en.ts/ar.ts more closely): the newsroom's
 * and the newsletters'. The compiler already makes the Arabic one name every English key; these check
 * what it cannot: no empty string, the same {placeholders}, and Arabic where the English has words.
 */
const pairs: [string, Record<string, string>, Record<string, string>][] = [
  ['admin', adminEn, adminAr],
  ['site-admin', siteAdminEn, siteAdminAr],
  ['newsletter-site', newsletterSiteEn, newsletterSiteAr],
  ['newsletter-admin', newsletterAdminEn, newsletterAdminAr],
  ['newsletter-sends', newsletterSendsEn, newsletterSendsAr],
  ['newsletter-email', newsletterEmailEn, newsletterEmailAr],
];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const words = (s: string) => s.replace(/\{\w+\}/g, '');

describe.each(pairs)('the %s catalogue', (_name, en, ar) => {
  const keys = Object.keys(en);

  it('has the same keys in Arabic, none empty', () => {
    expect(Object.keys(ar).sort()).toEqual([...keys].sort());
    expect(keys.filter((k) => !ar[k]?.trim())).toEqual([]);
  });

  it('keeps every {placeholder} of the English string', () => {
    for (const key of keys) expect(placeholders(ar[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('is written in Arabic wherever the English has words', () => {
    expect(keys.filter((k) => /[A-Za-z]{3}/.test(words(en[k]!)) && !/[\u0600-\u06FF]/.test(ar[k]!))).toEqual([]);
  });
});

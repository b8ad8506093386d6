import { describe, expect, it } from 'vitest';
import { ar } from './ar.js';
import { en, type MessageKey } from './en.js';
import { createTranslator, directionOf } from './i18n.js';

const keys = Object.keys(en) as MessageKey[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('the Arabic catalogue', () => {
  it('has every English key, with a non-empty value', () => {
    for (const key of keys) {
      expect(Object.hasOwn(ar, key), key).toBe(true);
      expect(ar[key].trim(), key).not.toBe('');
    }
    // …and nothing the English catalogue lacks (a stale key is a string no page can show).
    expect(Object.keys(ar).sort()).toEqual([...keys].sort());
  });

  it('is really translated: at least 90% of its strings differ from the English ones', () => {
    const same = keys.filter((k) => ar[k].trim() === en[k].trim());
    expect(same.length / keys.length, `identical: ${same.join(', ')}`).toBeLessThanOrEqual(0.1);
  });

  it('is written in Arabic script wherever the string has words', () => {
    const words = (s: string) => s.replace(/\{\w+\}/g, '');
    // site.languageSwitch is the link to the English site, so it is rightly written in English.
    const latinOnly = keys.filter((k) => /[A-Za-z]{3}/.test(words(en[k])) && !/[\u0600-\u06FF]/.test(ar[k]) && k !== 'site.languageSwitch');
    expect(latinOnly).toEqual([]);
  });

  it('keeps every {placeholder} of the English string', () => {
    for (const key of keys) expect(placeholders(ar[key]), key).toEqual(placeholders(en[key]));
  });
});

describe('createTranslator', () => {
  it('formats numbers with Arabic-Indic digits when asked, Latin digits otherwise', () => {
    expect(createTranslator('ar', 'arab').n(2024)).toBe('٢٠٢٤');
    expect(createTranslator('ar', 'latn').n(2024)).toBe('2024');
    expect(createTranslator('ar').n(2024)).toBe('2024');
    expect(createTranslator('en').n(2024)).toBe('2024');
    // No thousands separator in years and page numbers.
    expect(createTranslator('en').n(12345)).toBe('12345');
    expect(createTranslator('ar', 'arab').n(12345)).toBe('١٢٣٤٥');
  });

  it('fills placeholders, with numbers in the reader’s digits', () => {
    expect(createTranslator('en').t('list.page', { page: 3 })).toBe('Page 3');
    expect(createTranslator('ar', 'arab').t('list.page', { page: 3 })).toBe('الصفحة ٣');
    expect(createTranslator('ar', 'latn').t('list.page', { page: 3 })).toBe('الصفحة 3');
    expect(createTranslator('ar', 'arab').t('site.footerRights', { year: 2024 })).toBe('© ٢٠٢٤ عرب برس');
    expect(createTranslator('en').t('tag.title', { tag: 'Oil' })).toBe('Topic: Oil');
    expect(createTranslator('ar').t('tag.title', { tag: 'النفط' })).toBe('موضوع: النفط');
  });

  it('leaves text that looks like a placeholder inside a parameter alone', () => {
    expect(createTranslator('en').t('search.resultsFor', { q: '{q} and {count}', count: 3 })).toBe('Results for “{q} and {count}”: 3');
  });

  it('gives the text direction of each language', () => {
    expect(createTranslator('ar').dir).toBe('rtl');
    expect(createTranslator('en').dir).toBe('ltr');
    expect(directionOf('ar')).toBe('rtl');
  });
});

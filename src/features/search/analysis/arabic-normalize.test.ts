import { describe, expect, it } from 'vitest';
import { isArabicWord, normalizeArabic } from './arabic-normalize.js';

describe('normalizeArabic', () => {
  it('drops tashkeel (harakat, tanween, shadda, sukun, superscript alef) and tatweel', () => {
    expect(normalizeArabic('مُحَمَّدٌ')).toBe('محمد');
    expect(normalizeArabic('كِتَابًا')).toBe('كتابا');
    expect(normalizeArabic('هٰذا')).toBe('هذا');
    expect(normalizeArabic('العـــالم')).toBe('العالم');
    expect(normalizeArabic('مَسْؤُوْل')).toBe('مسءول');
  });

  it('folds alef forms, alef maqsura, taa marbuta and hamza seats', () => {
    expect(normalizeArabic('أحمد إبراهيم آمن ٱلله')).toBe('احمد ابراهيم امن الله');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('مدرسة')).toBe('مدرسه');
    expect(normalizeArabic('مسؤول')).toBe(normalizeArabic('مسئول'));
    expect(normalizeArabic('رئيس')).toBe('رءيس');
  });

  it('turns Arabic-Indic and Persian digits into 0-9', () => {
    expect(normalizeArabic('عام ٢٠٢٤ و۱۴۰۳')).toBe('عام 2024 و1403');
  });

  it('removes bidi controls and zero-width characters that pasted text carries', () => {
    expect(normalizeArabic('\u200Fغزة\u200E \u202Bحماس\u202C\u2067x\u2069\u061C\uFEFF\u200B')).toBe('غزه حماسx');
  });

  it('turns presentation forms into ordinary letters', () => {
    expect(normalizeArabic('\uFEFB')).toBe('لا'); // the lam-alef ligature
    expect(normalizeArabic('\uFE8D\uFEDF')).toBe('ال');
  });

  it('leaves Latin text, punctuation and spacing alone', () => {
    expect(normalizeArabic('Reuters, 3 May: "Oil"')).toBe('Reuters, 3 May: "Oil"');
  });

  it('tells Arabic words from others', () => {
    expect(isArabicWord('غزه')).toBe(true);
    expect(isArabicWord('Gaza')).toBe(false);
    expect(isArabicWord('2024')).toBe(false);
  });
});

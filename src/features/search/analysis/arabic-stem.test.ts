import { describe, expect, it } from 'vitest';
import { normalizeArabic } from './arabic-normalize.js';
import { arabicStems, MIN_STEM } from './arabic-stem.js';

const stems = (word: string) => arabicStems(normalizeArabic(word));
const main = (word: string) => stems(word)[0];

describe('arabicStems', () => {
  it('removes the article and the prepositions attached to it', () => {
    for (const w of ['الاقتصاد', 'والاقتصاد', 'بالاقتصاد', 'كالاقتصاد', 'فالاقتصاد']) expect(main(w)).toBe('اقتصاد');
    expect(main('للاقتصاد')).toBe('اقتصاد');
  });

  it('removes common suffixes, after normalization', () => {
    expect(main('المعلمات')).toBe('معلم');
    expect(main('المعلمون')).toBe('معلم');
    expect(main('المعلمين')).toBe('معلم');
    expect(main('اقتصادية')).toBe('اقتصاد');
    expect(main('اقتصادي')).toBe('اقتصاد');
    expect(main('سيارتها')).toBe('سيارت');
    expect(main('مدينة')).toBe('مدين');
  });

  it('makes the singular and feminine forms of a word meet', () => {
    expect(main('الوزيرة')).toBe(main('وزير'));
    expect(main('العربية')).toBe(main('عربي'));
  });

  it(`never leaves fewer than ${MIN_STEM} letters`, () => {
    expect(stems('الله')).toEqual(['الله']);
    expect(main('بها')).toBe('بها');
    expect(main('وطن')).toBe('وطن');
    expect(main('البيت')).toBe('بيت');
    expect(main('اليوم')).toBe('يوم');
    expect(main('عمان')).toBe('عمان');
  });

  it('never cuts a protected name, and stems its inflections to the name', () => {
    expect(stems('فلسطين')).toEqual(['فلسطين']);
    expect(stems('طالبان')).toEqual(['طالبان']);
    expect(stems('واشنطن')).toEqual(['واشنطن']);
    for (const w of ['الفلسطينيون', 'الفلسطينيين', 'لفلسطين', 'وفلسطين', 'فلسطيني', 'الفلسطينية', 'بفلسطين']) expect(stems(w)).toEqual(['فلسطين']);
    expect(stems('اللبنانيين')).toEqual(['لبنان']);
    expect(stems('لواشنطن')).toEqual(['واشنطن']);
    expect(stems('الإيرانية')).toEqual(['ايران']);
    expect(stems('بفرنسا')).toEqual(['فرنسا']);
  });

  it('keeps a one-letter prefix in the main stem and adds the stem without it', () => {
    expect(stems('وزير')).toEqual(['وزير', 'زير']);
    expect(stems('كتاب')).toEqual(['كتاب', 'تاب']);
    expect(stems('بمدينة')).toEqual(['بمدين', 'مدين']);
    expect(stems('ووزير')).toContain('وزير');
    expect(stems('وبالمدرسة')).toEqual(['وبالمدرس', 'مدرس']);
  });

  it('leaves words of three letters or fewer alone', () => {
    for (const w of ['من', 'في', 'على', 'قال', 'بن']) expect(stems(w)).toEqual([normalizeArabic(w)]);
  });
});

import { describe, expect, it } from 'vitest';
import { firstStrongDirection, hasLetter } from './bidi.js';

describe('firstStrongDirection', () => {
  it('follows the first letter, skipping digits, punctuation and spaces', () => {
    expect(firstStrongDirection('قال الوزير')).toBe('rtl');
    expect(firstStrongDirection('Apple قالت')).toBe('ltr');
    expect(firstStrongDirection('«٢٠٢٦» — 3.5% الأسواق')).toBe('rtl');
    expect(firstStrongDirection('2026: Markets')).toBe('ltr');
    expect(firstStrongDirection('שלום')).toBe('rtl');
    expect(firstStrongDirection('Ελλάδα')).toBe('ltr');
    expect(firstStrongDirection('ﻻ')).toBe('rtl');
  });

  it('finds no direction without a letter', () => {
    expect(firstStrongDirection('')).toBeNull();
    expect(firstStrongDirection('123 — ٣٫٥٪ …')).toBeNull();
    expect(hasLetter('123')).toBe(false);
    expect(hasLetter('12a')).toBe(true);
  });
});

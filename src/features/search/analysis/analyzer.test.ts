import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../../tests/fixtures.js';
import { analyzeText, indexableText, MAX_WORD_LENGTH } from './analyzer.js';
import { MIN_STEM } from './arabic-stem.js';
import { PROTECTED_NAMES } from './protected-names.js';

describe('analyzeText', () => {
  it('splits mixed Arabic and English text into analyzed words, in order', () => {
    expect(analyzeText('قال المتحدث باسم Reuters’s office: "الاقتصادُ ينمو" عام ٢٠٢٤.')).toEqual([
      { exact: 'قال', stems: ['قال'] },
      { exact: 'المتحدث', stems: ['متحدث'] },
      { exact: 'باسم', stems: ['باسم', 'اسم'] },
      { exact: 'reuters', stems: ['reuter'] },
      { exact: 'office', stems: ['offic'] },
      { exact: 'الاقتصاد', stems: ['اقتصاد'] },
      { exact: 'ينمو', stems: ['ينمو'] },
      { exact: 'عام', stems: ['عام'] },
      { exact: '2024', stems: ['2024'] },
    ]);
  });

  it('gives a query the same terms as the text it should find, however it is spelled', () => {
    const terms = (t: string) => analyzeText(t).map((w) => w.stems[0]);
    expect(terms('الإمارات العربيّة المتّحدة')).toEqual(terms('الامارات العربية المتحدة'));
    expect(terms('مُسْتَشْفَى غَزَّةَ')).toEqual(terms('مستشفي غزه'));
    expect(terms('مسئولون')).toEqual(terms('المسؤولون'));
    expect(terms('ELECTIONS in Égypt')).toEqual(terms('election in egypt'));
  });

  it('ignores punctuation-only and over-long input', () => {
    expect(analyzeText('؟!... — «»')).toEqual([]);
    expect(analyzeText('x'.repeat(MAX_WORD_LENGTH + 1))).toEqual([]);
  });

  it('prepares index text of letters and digits only, exact forms in order', () => {
    const { exact, stems } = indexableText('وزير الخارجية الفلسطيني, Iran’s talks.');
    expect(exact).toBe('وزير الخارجيه الفلسطيني iran talks');
    expect(stems).toBe('وزير زير خارج فلسطين iran talk');
    expect(`${exact} ${stems}`).toMatch(/^[\p{L}\p{N} ]+$/u);
  });
});

const sentencesFile = fixturePath('arabic', 'ud-arabic-pud-sentences.tsv');
const snowballFile = fixturePath('arabic', 'snowball-arabic-sample-from-ud-pud.tsv');

describe.skipIf(!sentencesFile || !snowballFile)('the analyzer over 1,000 real Arabic news and encyclopedia sentences', () => {
  const sentences = sentencesFile ? readFileSync(sentencesFile, 'utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split('\t')[3]!) : [];
  const words = sentences.flatMap((s) => analyzeText(s)).filter((w) => /[\u0600-\u06FF]/.test(w.exact));

  it('reads every sentence', () => {
    expect(sentences.length).toBe(1000);
    expect(words.length).toBeGreaterThan(15_000);
  });

  it('never breaks a word into letters: every stem is a part of its word, at least three letters long', () => {
    const broken = words.filter((w) => w.stems.some((s) => !w.exact.includes(s) || s.length < Math.min(MIN_STEM, w.exact.length)));
    expect(broken).toEqual([]);
  });

  it('keeps more of each word than Snowball does, and never cuts a protected name', () => {
    const snowball = new Map(readFileSync(snowballFile!, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t') as [string, string]));
    const snowballTooShort = [...snowball.values()].filter((stem) => stem.length < MIN_STEM).length;
    const oursTooShort = words.filter((w) => w.exact.length >= MIN_STEM && w.stems[0]!.length < MIN_STEM).length;
    expect(snowballTooShort).toBeGreaterThan(100); // what this analyzer exists to avoid
    expect(oursTooShort).toBe(0);
    const withName = words
      .map((w) => ({ ...w, name: /^(وال|بال|لل|ال|و|ب|ل|ف|ك)?(.+)$/u.exec(w.exact)![2]! }))
      .filter((w) => w.name.length >= MIN_STEM && PROTECTED_NAMES.has(w.name));
    expect(new Set(withName.map((w) => w.name)).size).toBeGreaterThan(10); // the sentences name places and people
    for (const w of withName) expect(w.stems, w.exact).toEqual([w.name]);
  });

  it('finds the same stems in text written with full diacritics and with hamza-seated alefs', () => {
    const vocalized = (text: string) => text.replace(/([\u0628-\u064A])(?=[\u0628-\u064A])/g, '$1\u064E'); // a fatha after most letters
    const hamzated = (text: string) => text.replace(/(^|\s)ا/g, '$1أ');
    for (const sentence of sentences.slice(0, 200)) {
      const plain = analyzeText(sentence).map((w) => w.stems[0]);
      expect(analyzeText(vocalized(sentence)).map((w) => w.stems[0])).toEqual(plain);
      expect(analyzeText(hamzated(sentence)).map((w) => w.stems[0])).toEqual(plain);
    }
  });
});

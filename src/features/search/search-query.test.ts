import { describe, expect, it } from 'vitest';
import { toFts5Match } from './fts5-query.js';
import { parseSearchQuery, type ParsedQuery } from './search-query.js';
import { buildSnippet } from './snippet.js';
import { toRankingTsquery, toTsquery } from './tsquery.js';
import { toTsvectorLiteral } from './tsvector.js';
import { analyzeText } from './analysis/index.js';

const parsed = (q: string, prefixLast = false) => {
  const p = parseSearchQuery(q, { prefixLast });
  if ('problem' in p) throw new Error(p.problem);
  return p as ParsedQuery;
};

describe('parseSearchQuery', () => {
  it('separates words, quoted phrases (any quote marks) and exclusions', () => {
    const p = parsed('oil "red sea" «البحر الأحمر» -gas -"crude oil"');
    expect(p.words.map((w) => w.exact)).toEqual(['oil']);
    expect(p.phrases).toEqual([['red', 'sea'], ['البحر', 'الاحمر']]);
    expect(p.excludedWords.map((w) => w.exact)).toEqual(['gas']);
    expect(p.excludedPhrases).toEqual([['crude', 'oil']]);
  });

  it('names the problem instead of searching for nothing', () => {
    expect(parseSearchQuery('   ')).toEqual({ problem: 'empty' });
    expect(parseSearchQuery('?!… ؟')).toEqual({ problem: 'noWords' });
    expect(parseSearchQuery('a')).toEqual({ problem: 'tooShort' });
    expect(parseSearchQuery('و')).toEqual({ problem: 'tooShort' });
    expect(parseSearchQuery('-oil')).toEqual({ problem: 'onlyExclusions' });
  });

  it('reads at most 12 words and 500 characters', () => {
    expect(parsed(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')).words).toHaveLength(12);
    // Past 500 characters nothing is read (zebra), and a 499-letter "word" is noise, not a word.
    expect(parseSearchQuery(`${'x'.repeat(499)} zebra`)).toEqual({ problem: 'noWords' });
    expect(parsed(`${'x'.repeat(480)} zebra`).words.map((w) => w.exact)).toEqual(['zebra']);
  });

  it('matches the last word as a prefix only while it is being typed', () => {
    expect(parsed('oil pri', true).prefix).toBe('pri');
    expect(parsed('oil pri ', true).prefix).toBeUndefined();
    expect(parsed('oil pri').prefix).toBeUndefined();
  });
});

describe('query compilers', () => {
  it('quote every term for FTS5 and keep exclusions after the positive part', () => {
    expect(toFts5Match(parsed('oil -gas'))).toBe(
      '({headline_exact standfirst_exact body_exact meta_exact} : "oil" OR {headline_stems standfirst_stems body_stems meta_stems} : ("oil")) NOT ({headline_exact standfirst_exact body_exact meta_exact} : "gas" OR {headline_stems standfirst_stems body_stems meta_stems} : ("gas"))',
    );
  });

  it('write a tsquery with marked stems, phrases and prefixes', () => {
    expect(toTsquery(parsed('"red sea" minister'))).toBe("('minister' | '~minist') & ('red sea')");
    expect(toTsquery(parsed('"the red sea"'))).toBe("('the red' & 'red sea')");
    expect(toTsquery(parsed('oil pri', true))).toBe("('oil' | '~oil') & ('pri':* | '~pri')");
    expect(toTsquery(parsed('وزير -النفط'))).toBe("('وزير' | '~وزير' | '~زير') & !('النفط' | '~نفط')");
    // Ranking vectors hold no word pairs: a phrase is ranked by its words, exclusions not at all.
    expect(toRankingTsquery(parsed('"red sea" minister -oil'))).toBe("('minister' | '~minist') & ('red' & 'sea')");
  });

  it('give stems their word’s position, and neighbouring words a lexeme of their own for phrases', () => {
    expect(toTsvectorLiteral([{ words: analyzeText('Ministers meet'), weight: 'A' }, { words: analyzeText('ministers'), weight: 'D' }])).toBe(
      "'ministers':1A,11D '~minist':1A,11D 'meet':2A '~meet':2A 'ministers meet':1A",
    );
  });
});

describe('buildSnippet', () => {
  it('marks stem and spelling matches in the original text, diacritics kept', () => {
    const terms = new Set(['نفط', 'النفط']);
    const { parts } = buildSnippet('ارتفعت أسعار النِّفْط اليوم.', terms);
    expect(parts).toEqual([
      { text: 'ارتفعت أسعار ', match: false },
      { text: 'النِّفْط', match: true },
      { text: ' اليوم', match: false },
    ]);
  });

  it('picks the passage with the most matches and says where it was cut', () => {
    const text = `${'filler '.repeat(50)}oil prices and oil stocks ${'more '.repeat(50)}`;
    const s = buildSnippet(text, new Set(['oil']), 10);
    expect(s.clippedStart).toBe(true);
    expect(s.clippedEnd).toBe(true);
    expect(s.parts.filter((p) => p.match).map((p) => p.text)).toEqual(['oil', 'oil']);
  });
});

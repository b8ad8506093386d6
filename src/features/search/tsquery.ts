import type { AnalyzedWord } from './analysis/index.js';
import type { ParsedQuery } from './search-query.js';
import { STEM_MARK } from './tsvector.js';

/**
 * A parsed query as a PostgreSQL tsquery literal (cast with ::tsquery, not to_tsquery, so PostgreSQL
 * neither parses nor stems it again). Exact forms are plain lexemes, stems carry STEM_MARK; see
 * tsvector.ts for the document side.
 */
const lexeme = (term: string) => `'${term}'`;

function wordExpression(word: AnalyzedWord, prefix: boolean): string {
  const alternatives = [`${lexeme(word.exact)}${prefix ? ':*' : ''}`, ...word.stems.map((s) => lexeme(STEM_MARK + s))];
  return `(${alternatives.join(' | ')})`;
}

/**
 * A phrase as its neighbouring word pairs, which the document holds as lexemes (tsvector.ts): exact
 * for two words; for longer ones, a story with every pair of the phrase, in practice the same thing.
 */
function phraseExpression(phrase: string[]): string {
  return `(${phrase.slice(1).map((word, i) => lexeme(`${phrase[i]} ${word}`)).join(' & ')})`;
}

/**
 * The query to rank a pool with, against the ranking vectors, which hold no word pairs (they would
 * double their size, and ranking a pool of 1,000 read them all): a phrase counts by its words, and
 * ts_rank_cd's cover density already favours them side by side. Exclusions matter only for matching.
 */
export function toRankingTsquery(query: ParsedQuery): string {
  const phraseWords = query.phrases.map((phrase) => `(${phrase.map(lexeme).join(' & ')})`);
  const positive = [...query.words.map((w, i) => wordExpression(w, query.prefix !== undefined && i === query.words.length - 1)), ...phraseWords];
  return positive.length ? positive.join(' & ') : toTsquery(query);
}

export function toTsquery(query: ParsedQuery): string {
  const positive = [
    ...query.words.map((w, i) => wordExpression(w, query.prefix !== undefined && i === query.words.length - 1)),
    ...query.phrases.map(phraseExpression),
  ];
  const negative = [...query.excludedWords.map((w) => wordExpression(w, false)), ...query.excludedPhrases.map(phraseExpression)];
  return [positive.join(' & '), ...negative.map((n) => `!${n}`)].join(' & ');
}

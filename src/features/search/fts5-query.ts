import type { AnalyzedWord } from './analysis/index.js';
import type { ParsedQuery } from './search-query.js';

/**
 * A parsed query in SQLite FTS5's MATCH syntax. Every term is double-quoted (our terms are letters and
 * digits only, so quoting is all the escaping needed). A word matches its exact form in any column or
 * any of its stems in the stem columns; phrases match exact forms in the exact columns.
 */
const EXACT_COLUMNS = '{headline_exact standfirst_exact body_exact meta_exact}';
const STEM_COLUMNS = '{headline_stems standfirst_stems body_stems meta_stems}';

const quote = (term: string) => `"${term}"`;

function wordExpression(word: AnalyzedWord, prefix: boolean): string {
  const alternatives = [`${EXACT_COLUMNS} : ${quote(word.exact)}${prefix ? ' *' : ''}`, `${STEM_COLUMNS} : (${word.stems.map(quote).join(' OR ')})`];
  return `(${alternatives.join(' OR ')})`;
}

function phraseExpression(phrase: string[]): string {
  return `(${EXACT_COLUMNS} : ${quote(phrase.join(' '))})`;
}

export function toFts5Match(query: ParsedQuery): string {
  const positive = [
    ...query.words.map((w, i) => wordExpression(w, query.prefix !== undefined && i === query.words.length - 1)),
    ...query.phrases.map(phraseExpression),
  ];
  const negative = [...query.excludedWords.map((w) => wordExpression(w, false)), ...query.excludedPhrases.map(phraseExpression)];
  // FTS5's NOT is binary (a NOT b): the positive part comes first, each exclusion after it.
  return [positive.join(' AND '), ...negative].join(' NOT ');
}

import { sql } from 'kysely';
import type { Db } from '../../db-schema.js';
import { toDbTime } from '../../platform/db/time.js';
import type { ArticleSearchSource } from '../articles/index.js';
import { analyzeText } from './analysis/index.js';
import { isContentTerm } from './term-stats.js';
import { timeMarkers } from './time-buckets.js';
import { formatTsvector, STEM_MARK, tsvectorEntries } from './tsvector.js';

/**
 * PostgreSQL's half of the index (migration …-search-pool): one row per published article with
 * - document: every word with weights and positions plus its week and month markers, for matching
 *   through the GIN index (time-buckets.ts);
 * - ranking: the headline, standfirst and names only, without word pairs (tsquery.ts), small enough to
 *   stay in the row, so ranking a pool of matches never reads the large documents. Not STORAGE MAIN: a row
 *   too wide to fit would then have its small columns (published_at) moved out to TOAST instead, and
 *   sorting the pool by date would read TOAST for every comparison (measured: 150 buffers a row).
 */
/** Stems of the headline, standfirst and body (weights A, B, D): what the related-articles counts see. */
function contentTerms(entries: Map<string, string[]>): Set<string> {
  const terms = new Set<string>();
  for (const [lexeme, list] of entries) {
    const term = lexeme.slice(STEM_MARK.length);
    if (lexeme.startsWith(STEM_MARK) && isContentTerm(term) && list.some((e) => !e.endsWith('C'))) terms.add(term);
  }
  return terms;
}

/** Takes the article out of the index; returns the terms it had there, read back from its document. */
export async function removeRow(trx: Db, articleId: string): Promise<Set<string>> {
  const old = await sql<{ lexemes: string[] }>`
    DELETE FROM article_search WHERE article_id = ${articleId}
    RETURNING tsvector_to_array(ts_filter(document, '{a,b,d}')) AS lexemes`.execute(trx);
  const lexemes = old.rows[0]?.lexemes ?? [];
  return new Set(lexemes.filter((l) => l.startsWith(STEM_MARK)).map((l) => l.slice(STEM_MARK.length)).filter(isContentTerm));
}

/** Writes the article's row (the caller removed any old one); returns the terms it now has. */
export async function writeRow(trx: Db, a: ArticleSearchSource, now: Date): Promise<Set<string>> {
  const [headline, standfirst, meta, body] = [a.headline, a.standfirst, a.meta, a.bodyText].map(analyzeText) as [ReturnType<typeof analyzeText>, ReturnType<typeof analyzeText>, ReturnType<typeof analyzeText>, ReturnType<typeof analyzeText>];
  const fields = [
    { words: headline, weight: 'A' as const },
    { words: standfirst, weight: 'B' as const },
    { words: meta, weight: 'C' as const },
  ];
  const entries = tsvectorEntries([...fields, { words: body, weight: 'D' }]);
  const publishedAt = a.publishedAt ?? now;
  const document = formatTsvector(entries, timeMarkers(publishedAt));
  const ranking = formatTsvector(tsvectorEntries(fields, { pairs: false }));
  await sql`INSERT INTO article_search (article_id, language, section_id, published_at, document, ranking)
    VALUES (${a.id}, ${a.language}, ${a.sectionId}, ${toDbTime(publishedAt)}, ${document}::tsvector, ${ranking}::tsvector)`.execute(trx);
  return contentTerms(entries);
}

export async function clearRows(db: Db): Promise<void> {
  await sql`DELETE FROM article_search`.execute(db);
}

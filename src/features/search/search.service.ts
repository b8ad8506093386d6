import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { dialectOf } from '../../platform/db/dialect.js';
import { toDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { summariesForSearch, type ArticleSummary } from '../articles/index.js';
import { toFts5Match } from './fts5-query.js';
import { highlightTerms, MAX_QUERY_CHARS, parseSearchQuery, type ParsedQuery, type QueryProblem } from './search-query.js';
import { buildSnippet, type SnippetPart } from './snippet.js';
import { toTsquery } from './tsquery.js';

/** A reader's search, as the page's query string gives it; anything malformed falls back to the default. */
export const searchParamsSchema = z.object({
  q: z.string().catch('').transform((q) => q.slice(0, MAX_QUERY_CHARS)),
  language: z.enum(['en', 'ar', 'all']).optional().catch(undefined),
  section: z.string().max(100).regex(/^[a-z0-9-]+$/).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  sort: z.enum(['relevance', 'newest']).catch('relevance'),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

export interface SearchFilter {
  languages: Language[];
  sectionId?: string;
  /** Inclusive bounds on the publication time. */
  from?: Date;
  to?: Date;
  sort: 'relevance' | 'newest';
}

export interface SearchHit extends ArticleSummary {
  snippet: { parts: SnippetPart[]; clippedStart: boolean; clippedEnd: boolean };
}

export type SearchOutcome = { problem: QueryProblem } | { query: ParsedQuery; hits: SearchHit[]; total: number };

// bm25 weights per FTS5 column (article_id, then exact/stems of headline, standfirst, body, meta): the
// headline counts most; an exact word counts more than a stem, so the spelling typed ranks first.
const BM25_WEIGHTS = sql.raw('0, 10, 6, 4, 3, 1.5, 1, 3, 2');
// ts_rank_cd weights for D (body), C (section/tags/bylines), B (standfirst), A (headline).
const TS_RANK_WEIGHTS = '{0.2, 0.4, 0.6, 1.0}';

function filterSql(f: SearchFilter) {
  const parts = [sql`a.status = 'published'`, sql`a.language IN (${sql.join(f.languages)})`];
  if (f.sectionId) parts.push(sql`a.section_id = ${f.sectionId}`);
  if (f.from) parts.push(sql`a.published_at >= ${toDbTime(f.from)}`);
  if (f.to) parts.push(sql`a.published_at <= ${toDbTime(f.to)}`);
  return sql.join(parts, sql` AND `);
}

async function matchingIds(db: Db, query: ParsedQuery, f: SearchFilter, limit: number, offset: number): Promise<{ ids: string[]; total: number }> {
  const where = filterSql(f);
  if (dialectOf(db) === 'postgres') {
    const q = toTsquery(query);
    const order = f.sort === 'newest' ? sql`a.published_at DESC, a.id` : sql`score DESC, a.published_at DESC, a.id`;
    const rows = await sql<{ id: string; total: number }>`
      SELECT a.id, ts_rank_cd(${TS_RANK_WEIGHTS}::float4[], s.document, ${q}::tsquery) AS score, count(*) OVER () AS total
      FROM article_search s JOIN articles a ON a.id = s.article_id
      WHERE s.document @@ ${q}::tsquery AND ${where}
      ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return { ids: rows.rows.map((r) => r.id), total: Number(rows.rows[0]?.total ?? 0) };
  }
  const match = toFts5Match(query);
  const order = f.sort === 'newest' ? sql`a.published_at DESC, a.id` : sql`m.score, a.published_at DESC, a.id`;
  // bm25() cannot sit beside a window function: rank in a subquery, count and page outside it.
  const rows = await sql<{ id: string; total: number }>`
    SELECT a.id, m.score, count(*) OVER () AS total
    FROM (SELECT article_id, bm25(article_search, ${BM25_WEIGHTS}) AS score FROM article_search WHERE article_search MATCH ${match}) m
    JOIN articles a ON a.id = m.article_id
    WHERE ${where}
    ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { ids: rows.rows.map((r) => r.id), total: Number(rows.rows[0]?.total ?? 0) };
}

/** Searches published articles: the page of hits with snippets, and how many there are in all. */
export async function searchArticles(db: Db, q: string, f: SearchFilter, page: { number: number; size: number }, lang: Language): Promise<SearchOutcome> {
  const query = parseSearchQuery(q);
  if ('problem' in query) return query;
  const { ids, total } = await matchingIds(db, query, f, page.size, (page.number - 1) * page.size);
  const terms = highlightTerms(query);
  const summaries = await summariesForSearch(db, ids, lang);
  const hits = summaries.map(({ bodyText, ...summary }) => ({ ...summary, snippet: buildSnippet(`${summary.standfirst}\n${bodyText}`, terms) }));
  return { query, hits, total };
}

/**
 * Results while typing: the last word matches as a prefix, the rest as in a full search; the best few
 * in the page's language. Anything that is not yet a searchable query answers nothing.
 */
export async function instantSearch(db: Db, q: string, lang: Language, limit: number): Promise<ArticleSummary[]> {
  const query = parseSearchQuery(q, { prefixLast: true });
  if ('problem' in query) return [];
  const { ids } = await matchingIds(db, query, { languages: [lang], sort: 'relevance' }, limit, 0);
  return summariesForSearch(db, ids, lang);
}

import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { summariesForSearch, type ArticleSummary } from '../articles/index.js';
import { matchPool, POOL_SIZE, type MatchFilter } from './search-match.js';
import { highlightTerms, MAX_QUERY_CHARS, parseSearchQuery, type ParsedQuery, type QueryProblem } from './search-query.js';
import { buildSnippet, type SnippetPart } from './snippet.js';

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

export type SearchFilter = MatchFilter;

export interface SearchHit extends ArticleSummary {
  snippet: { parts: SnippetPart[]; clippedStart: boolean; clippedEnd: boolean };
}

export type SearchOutcome = { problem: QueryProblem } | { query: ParsedQuery; hits: SearchHit[]; total: number; /** More match than the pool holds. */ capped: boolean };

/** Searches published articles: the page of hits with snippets, and how many there are in all. */
export async function searchArticles(db: Db, q: string, f: SearchFilter, page: { number: number; size: number; poolSize?: number }, lang: Language): Promise<SearchOutcome> {
  const query = parseSearchQuery(q);
  if ('problem' in query) return query;
  const { ids, total } = await matchPool(db, query, f, { limit: page.size, offset: (page.number - 1) * page.size, poolSize: page.poolSize });
  const terms = highlightTerms(query);
  const summaries = await summariesForSearch(db, ids, lang);
  const hits = summaries.map(({ bodyText, ...summary }) => ({ ...summary, snippet: buildSnippet(`${summary.standfirst}\n${bodyText}`, terms) }));
  return { query, hits, total, capped: total >= (page.poolSize ?? POOL_SIZE) };
}

/**
 * Results while typing: the last word matches as a prefix, the rest as in a full search; the best few
 * in the page's language. Anything that is not yet a searchable query answers nothing.
 */
export async function instantSearch(db: Db, q: string, lang: Language, limit: number): Promise<ArticleSummary[]> {
  const query = parseSearchQuery(q, { prefixLast: true });
  if ('problem' in query) return [];
  const { ids } = await matchPool(db, query, { languages: [lang], sort: 'relevance' }, { limit, offset: 0 });
  return summariesForSearch(db, ids, lang);
}

import type { Db } from '../../../db-schema.js';
import { searchArticles } from '../search.service.js';
import type { CaseResult } from './evaluate.js';
import { RELEVANCE_SET, type RelevanceCase } from './relevance-set.js';

/** Runs every case through the search the site uses (relevance order, the query's language). */
export async function runRelevanceSet(db: Db, cases: RelevanceCase[] = RELEVANCE_SET): Promise<(CaseResult & { case: RelevanceCase })[]> {
  const out: (CaseResult & { case: RelevanceCase })[] = [];
  for (const c of cases) {
    const outcome = await searchArticles(db, c.query, { languages: [c.language], sort: 'relevance' }, { number: 1, size: 10 }, c.language);
    out.push({ case: c, relevant: c.relevant, ranked: 'hits' in outcome ? outcome.hits.map((h) => h.headline) : [] });
  }
  return out;
}

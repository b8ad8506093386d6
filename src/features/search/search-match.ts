import type { Db } from '../../db-schema.js';
import { dialectOf } from '../../platform/db/dialect.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { matchPoolPostgres } from './search-match.postgres.js';
import { matchPoolSqlite } from './search-match.sqlite.js';
import type { ParsedQuery } from './search-query.js';

/**
 * How a query meets a large archive: it ranks a pool of its newest matches, at most POOL_SIZE
 * (SEARCH_POOL_SIZE), not every match. A word found in most of 100,000 stories would otherwise be ranked 70,000 times for ten
 * results; a reader of news wants the recent ones anyway, and a filter (section, dates) reaches older
 * ones. The total a reader sees is the pool's size, "more than 1,000" when it is full.
 */
export const POOL_SIZE = 1000;

export interface MatchFilter {
  languages: Language[];
  sectionId?: string;
  /** Inclusive bounds on the publication time. */
  from?: Date;
  to?: Date;
  sort: 'relevance' | 'newest';
  /** The present, where "newest" starts (the site's clock; the real time when absent). */
  now?: Date;
}

export interface MatchPage {
  poolSize: number;
  limit: number;
  offset: number;
}

export interface PoolPage {
  ids: string[];
  /** Matches in the pool: all of them when below poolSize. */
  total: number;
}

export function matchPool(db: Db, query: ParsedQuery, f: MatchFilter, page: { limit: number; offset: number; poolSize?: number }): Promise<PoolPage> {
  const withPool = { ...page, poolSize: page.poolSize ?? POOL_SIZE };
  return dialectOf(db) === 'postgres' ? matchPoolPostgres(db, query, f, withPool) : matchPoolSqlite(db, query, f, withPool);
}

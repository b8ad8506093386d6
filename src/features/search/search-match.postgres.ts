import { sql } from 'kysely';
import type { Db } from '../../db-schema.js';
import { toDbTime } from '../../platform/db/time.js';
import type { MatchFilter, MatchPage, PoolPage } from './search-match.js';
import type { ParsedQuery } from './search-query.js';
import { firstFullWindow, windowsBefore, withinWindow } from './time-buckets.js';
import { toTsquery } from './tsquery.js';

// ts_rank_cd weights for D (unused: the ranking vector has no body), C (section/tags/bylines), B (standfirst), A (headline).
const TS_RANK_WEIGHTS = '{0.2, 0.4, 0.6, 1.0}';

/**
 * Runs `work` with the planner told to reach documents through the GIN index only. Its cost model
 * does not count reading a large document out of TOAST, so for a common word it would scan the table
 * and read every document (a second for 100,000); the index answers the same in milliseconds. No
 * parallel workers either: starting them costs more than these small scans. And no JIT: the disabled
 * scan's cost penalty would otherwise make every plan look worth compiling (a quarter second). Inside a caller's
 * transaction (publishing) the settings are put back afterwards, so its other statements plan as usual.
 */
export async function withIndexOnlyPlans<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  const apply = (trx: Db, seqscan: string, workers: string, jit: string) =>
    sql`SELECT set_config('enable_seqscan', ${seqscan}, true), set_config('max_parallel_workers_per_gather', ${workers}, true), set_config('jit', ${jit}, true)`.execute(trx);
  if (!db.isTransaction) {
    return db.transaction().execute(async (trx) => {
      await apply(trx, 'off', '0', 'off');
      return work(trx);
    });
  }
  const before = await sql<{ s: string; p: string; j: string }>`SELECT current_setting('enable_seqscan') AS s, current_setting('max_parallel_workers_per_gather') AS p, current_setting('jit') AS j`.execute(db);
  await apply(db, 'off', '0', 'off');
  try {
    return await work(db);
  } finally {
    await apply(db, before.rows[0]!.s, before.rows[0]!.p, before.rows[0]!.j);
  }
}

interface PoolRow {
  article_id: string;
  published_at: string;
}

/**
 * The newest `poolSize` matches, ranked. The document's week and month markers (time-buckets.ts) let
 * the GIN index return only this week's matches, then this month's, then the year's, widening until
 * the pool is full; the last try has no window. Ranking reads the small `ranking` vectors of the pool.
 */
export async function matchPoolPostgres(db: Db, query: ParsedQuery, f: MatchFilter, page: MatchPage): Promise<PoolPage> {
  const q = toTsquery(query);
  return withIndexOnlyPlans(db, async (trx) => {
    const filters = [sql`language IN (${sql.join(f.languages)})`];
    if (f.sectionId) filters.push(sql`section_id = ${f.sectionId}`);
    if (f.from) filters.push(sql`published_at >= ${toDbTime(f.from)}`);
    if (f.to) filters.push(sql`published_at <= ${toDbTime(f.to)}`);
    const poolWithin = async (markers: string[] | null) => {
      const rows = await sql<PoolRow>`
        SELECT article_id, published_at FROM article_search
        WHERE document @@ ${withinWindow(q, markers)}::tsquery AND ${sql.join(filters, sql` AND `)}
        ORDER BY published_at DESC, article_id DESC LIMIT ${page.poolSize}`.execute(trx);
      return rows.rows;
    };
    const windows = windowsBefore(f.to ?? f.now ?? new Date());
    // A window reaching past the filter's start adds nothing over searching the whole range.
    const pool = await firstFullWindow(windows, page.poolSize, poolWithin, (i) => f.from !== undefined && windows[i]!.since <= f.from);
    if (f.sort === 'newest') return { ids: pool.slice(page.offset, page.offset + page.limit).map((r) => r.article_id), total: pool.length };
    const scores = await sql<{ article_id: string; score: number }>`
      SELECT article_id, ts_rank_cd(${TS_RANK_WEIGHTS}::float4[], ranking, ${q}::tsquery) AS score
      FROM article_search WHERE article_id = ANY(${pool.map((r) => r.article_id)}::text[])`.execute(trx);
    const score = new Map(scores.rows.map((r) => [r.article_id, Number(r.score)]));
    // The pool is newest first and the sort is stable, so equal scores stay newest first.
    const ranked = [...pool].sort((a, b) => (score.get(b.article_id) ?? 0) - (score.get(a.article_id) ?? 0));
    return { ids: ranked.slice(page.offset, page.offset + page.limit).map((r) => r.article_id), total: pool.length };
  });
}

import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db-schema.js';
import { toDbTime } from '../../platform/db/time.js';
import type { MatchFilter, MatchPage, PoolPage } from './search-match.js';
import type { ParsedQuery } from './search-query.js';
import { monthsNewestFirst, withinWindow } from './time-buckets.js';
import { toRankingTsquery, toTsquery } from './tsquery.js';

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
  score: number;
}

/** Months searched one by one before the rest of the archive is searched at once. */
const MONTHS_BACK = 11;

/**
 * The newest `poolSize` matches, ranked, in one statement. Every document carries its month's marker
 * lexeme (time-buckets.ts), so the GIN index can hand over one month's matches at a time: the
 * statement is a UNION ALL of "the matches of month m, newest first", from this month back a year, then
 * "the matches older than that", under one LIMIT. PostgreSQL runs a UNION ALL's parts in order and
 * stops as soon as the LIMIT is met (no parallel plans here), so a common word reads only its last few
 * weeks and a rare one walks back month by month, and no part reads a match older than the pool needs
 * (at most one month's worth more). The pool is ranked on the way out, by the small `ranking` vectors
 * of its rows, which the same heap reads fetched. Measured on 100,000 stories, this took search p95
 * from 68–87 ms (widening windows, then ranking in a second statement) to under 50 (bench/README.md).
 */
export async function matchPoolPostgres(db: Db, query: ParsedQuery, f: MatchFilter, page: MatchPage): Promise<PoolPage> {
  const q = toTsquery(query);
  const filters = [sql`language IN (${sql.join(f.languages)})`];
  if (f.sectionId) filters.push(sql`section_id = ${f.sectionId}`);
  if (f.from) filters.push(sql`published_at >= ${toDbTime(f.from)}`);
  if (f.to) filters.push(sql`published_at <= ${toDbTime(f.to)}`);
  const part = (match: RawBuilder<unknown>) => sql`(SELECT article_id, published_at, ranking FROM article_search
    WHERE ${match} AND ${sql.join(filters, sql` AND `)} ORDER BY published_at DESC, article_id DESC)`;
  // With an end date, nothing after it; without, the month after this one too (clocks differ a little).
  const months = monthsNewestFirst(f.to ?? f.now ?? new Date(), MONTHS_BACK, f.to ? 0 : 1).filter((m) => !f.from || m.end > f.from);
  const parts = months.map((m) => part(sql`document @@ ${withinWindow(q, [m.marker])}::tsquery`));
  const olderThan = months.at(-1)?.start;
  if (olderThan && (!f.from || f.from < olderThan)) parts.push(part(sql`document @@ ${q}::tsquery AND published_at < ${toDbTime(olderThan)}`));
  if (!parts.length) return { ids: [], total: 0 };
  const pool = await withIndexOnlyPlans(db, async (trx) =>
    (
      await sql<PoolRow>`SELECT article_id, published_at, ts_rank_cd(${TS_RANK_WEIGHTS}::float4[], ranking, ${toRankingTsquery(query)}::tsquery) AS score
        FROM (${sql.join(parts, sql` UNION ALL `)} LIMIT ${page.poolSize}) pool`.execute(trx)
    ).rows,
  );
  // Ordered here, not by the row order: newest first, and for relevance the best first, newest among equals.
  const newest = (a: PoolRow, b: PoolRow) => (a.published_at === b.published_at ? (a.article_id < b.article_id ? 1 : -1) : a.published_at < b.published_at ? 1 : -1);
  const ranked = f.sort === 'newest' ? pool.sort(newest) : pool.sort((a, b) => Number(b.score) - Number(a.score) || newest(a, b));
  return { ids: ranked.slice(page.offset, page.offset + page.limit).map((r) => r.article_id), total: pool.length };
}

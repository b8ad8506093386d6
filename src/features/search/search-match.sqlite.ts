import { sql } from 'kysely';
import type { Db } from '../../db-schema.js';
import { toFts5Match } from './fts5-query.js';
import { rowKeyCeiling, rowKeyFloor } from './index-store.sqlite.js';
import type { MatchFilter, MatchPage, PoolPage } from './search-match.js';
import type { ParsedQuery } from './search-query.js';

// bm25 weights per FTS5 column (exact/stems of headline, standfirst, body, meta): the headline counts
// most; an exact word counts more than a stem, so the spelling typed ranks first.
const BM25_WEIGHTS = sql.raw('10, 6, 4, 3, 1.5, 1, 3, 2');

/**
 * The newest `poolSize` matches, ranked. FTS5 walks the matches in descending rowid (row key) order,
 * i.e. newest first, and stops once the pool is full, so a word in most of the archive costs no more
 * than a rare one. A date range narrows the rowids; language and section are looked up per match.
 */
export async function matchPoolSqlite(db: Db, query: ParsedQuery, f: MatchFilter, page: MatchPage): Promise<PoolPage> {
  const where = [sql`article_search MATCH ${toFts5Match(query)}`, sql`r.language IN (${sql.join(f.languages)})`];
  if (f.sectionId) where.push(sql`r.section_id = ${f.sectionId}`);
  if (f.from) where.push(sql`f.rowid >= ${rowKeyFloor(f.from)}`);
  if (f.to) where.push(sql`f.rowid <= ${rowKeyCeiling(f.to)}`);
  const order = f.sort === 'newest' ? sql`p.row_key DESC` : sql`p.score, p.row_key DESC`;
  const rows = await sql<{ article_id: string; total: number }>`
    WITH pool AS MATERIALIZED (
      SELECT f.rowid AS row_key, r.article_id, bm25(article_search, ${BM25_WEIGHTS}) AS score
      FROM article_search f JOIN article_search_rows r ON r.row_key = f.rowid
      WHERE ${sql.join(where, sql` AND `)}
      ORDER BY f.rowid DESC LIMIT ${page.poolSize}
    )
    SELECT p.article_id, (SELECT count(*) FROM pool) AS total FROM pool p
    ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  return { ids: rows.rows.map((r) => r.article_id), total: Number(rows.rows[0]?.total ?? (page.offset ? await poolCount(db, query, f, page.poolSize) : 0)) };
}

/** The pool's size alone, for a page past its end (no rows to read the total from). */
async function poolCount(db: Db, query: ParsedQuery, f: MatchFilter, poolSize: number): Promise<number> {
  const page = await matchPoolSqlite(db, query, f, { poolSize, limit: 1, offset: 0 });
  return page.total;
}

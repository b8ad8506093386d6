import { sql } from 'kysely';
import type { Db } from '../../db-schema.js';
import { dialectOf } from '../../platform/db/dialect.js';
import type { ArticleSearchSource } from '../articles/index.js';
import { rowKeyOf } from './index-store.sqlite.js';
import { withIndexOnlyPlans } from './search-match.postgres.js';
import { firstFullWindow, windowsAround, withinWindow } from './time-buckets.js';
import { STEM_MARK } from './tsvector.js';

/**
 * The stories whose text is closest to an article's distinctive stems, scored higher-is-better, same
 * language, never its own translation. Like a search (search-match.ts), it ranks a pool rather than
 * every match: the NEAR_POOL stories nearest in time that share any of the stems, so a common stem
 * in a large archive costs no more than a rare one. Looking both ways in time lets an older story
 * find the newer ones when its list is recomputed after they are published.
 */
const NEAR_POOL = 1000;

/** Candidates with their text scores; `terms` maps each distinctive stem to its inverse document frequency. */
export async function textCandidates(db: Db, a: ArticleSearchSource, terms: ReadonlyMap<string, number>, limit: number): Promise<Map<string, number>> {
  if (!terms.size) return new Map();
  return dialectOf(db) === 'postgres' ? candidatesPostgres(db, a, [...terms.keys()], limit) : candidatesSqlite(db, a, terms, limit);
}

const STEM_COLUMNS = '{headline_stems standfirst_stems body_stems}';

/**
 * SQLite scores the pool itself: the sum of the shared stems' inverse document frequencies, a stem in
 * the headline counting three times and in the standfirst twice. Not bm25: it counts how many articles
 * hold each stem by reading the stem's whole list of matches, which for a dozen stems common in a
 * large archive costs more than all the rest; here each stem is looked up within the pool's rowids only.
 */
async function candidatesSqlite(db: Db, a: ArticleSearchSource, terms: ReadonlyMap<string, number>, limit: number): Promise<Map<string, number>> {
  const match = `${STEM_COLUMNS} : (${[...terms.keys()].map((t) => `"${t}"`).join(' OR ')})`;
  const key = (await rowKeyOf(db, a.id)) ?? Number.MAX_SAFE_INTEGER;
  const side = (direction: 'before' | 'after') => sql`
    SELECT * FROM (
      SELECT f.rowid AS row_key, r.article_id, f.headline_stems AS headline, f.standfirst_stems AS standfirst
      FROM article_search f JOIN article_search_rows r ON r.row_key = f.rowid JOIN articles o ON o.id = r.article_id
      WHERE article_search MATCH ${match} AND r.language = ${a.language} AND o.translation_group_id <> ${sql`(SELECT translation_group_id FROM articles WHERE id = ${a.id})`}
        AND ${direction === 'before' ? sql`f.rowid < ${key}` : sql`f.rowid > ${key}`}
      ORDER BY f.rowid ${sql.raw(direction === 'before' ? 'DESC' : 'ASC')} LIMIT ${NEAR_POOL / 2}
    )`;
  const pool = (await sql<{ row_key: number; article_id: string; headline: string; standfirst: string }>`${side('before')} UNION ALL ${side('after')}`.execute(db)).rows;
  if (!pool.length) return new Map();
  const keys = pool.map((p) => p.row_key);
  const [lo, hi] = [Math.min(...keys), Math.max(...keys)];
  const scores = new Map<number, number>();
  for (const [term, idf] of terms) {
    const rows = await sql<{ k: number }>`SELECT rowid AS k FROM article_search WHERE article_search MATCH ${`${STEM_COLUMNS} : "${term}"`} AND rowid BETWEEN ${lo} AND ${hi}`.execute(db);
    for (const { k } of rows.rows) scores.set(k, (scores.get(k) ?? 0) + idf);
  }
  for (const p of pool) {
    const [headline, standfirst] = [new Set(p.headline.split(' ')), new Set(p.standfirst.split(' '))];
    for (const [term, idf] of terms) scores.set(p.row_key, (scores.get(p.row_key) ?? 0) + idf * (2 * Number(headline.has(term)) + Number(standfirst.has(term))));
  }
  return new Map(
    pool
      .map((p) => ({ id: p.article_id, score: scores.get(p.row_key) ?? 0 }))
      .sort((x, y) => y.score - x.score)
      .slice(0, limit)
      .map((c) => [c.id, c.score]),
  );
}

async function candidatesPostgres(db: Db, a: ArticleSearchSource, terms: string[], limit: number): Promise<Map<string, number>> {
  const query = terms.map((t) => `'${STEM_MARK}${t}'`).join(' | ');
  const anchor = (a.publishedAt ?? new Date()).toISOString();
  return withIndexOnlyPlans(db, async (trx) => {
    const near = async (markers: string[] | null) => {
      const rows = await sql<{ article_id: string }>`
        SELECT article_id FROM article_search
        WHERE document @@ ${withinWindow(query, markers)}::tsquery AND language = ${a.language} AND article_id <> ${a.id}
        ORDER BY abs(extract(epoch FROM published_at::timestamptz - ${anchor}::timestamptz)), article_id LIMIT ${NEAR_POOL}`.execute(trx);
      return rows.rows.map((r) => r.article_id);
    };
    const pool = await firstFullWindow(windowsAround(a.publishedAt ?? new Date()), NEAR_POOL, near);
    // Ranked by the small ranking vectors (headline, standfirst, names), never the documents.
    const rows = await sql<{ id: string; score: number }>`
      SELECT s.article_id AS id, ts_rank(s.ranking, ${query}::tsquery) AS score
      FROM article_search s JOIN articles o ON o.id = s.article_id
      WHERE s.article_id = ANY(${pool}::text[])
        AND o.translation_group_id <> (SELECT translation_group_id FROM articles WHERE id = ${a.id})
      ORDER BY score DESC, s.article_id LIMIT ${limit}`.execute(trx);
    return new Map(rows.rows.map((r) => [r.id, Number(r.score)]));
  });
}

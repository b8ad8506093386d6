import { sql } from 'kysely';
import type { Db } from '../../db-schema.js';

/**
 * Document frequencies for the related-articles TF-IDF: search_terms counts, per stem, the indexed
 * articles whose headline, standfirst or body has it. Kept in step by the index writers (a change
 * adjusts only the stems that came or went); counting on the fly would read every document that has a
 * common word. The row with the empty term counts the indexed articles themselves.
 */
const ALL_DOCUMENTS = '';

/** Which stems count: short ones and bare numbers say nothing about what a story is about. */
export const isContentTerm = (stem: string): boolean => stem.length >= 3 && !/^\d+$/.test(stem);

/**
 * Applies one article's change: `before` is what the index held for it (empty when it was not
 * indexed), `after` what it holds now (empty when removed). Terms are written in sorted order, so two
 * transactions on PostgreSQL always lock shared rows in the same order and never deadlock; the
 * empty term sorts first and serializes them cheaply.
 */
export async function adjustTermCounts(trx: Db, before: ReadonlySet<string>, after: ReadonlySet<string>): Promise<void> {
  const deltas = new Map<string, number>();
  for (const t of before) if (!after.has(t)) deltas.set(t, -1);
  for (const t of after) if (!before.has(t)) deltas.set(t, 1);
  const documents = (after.size ? 1 : 0) - (before.size ? 1 : 0);
  if (documents) deltas.set(ALL_DOCUMENTS, documents);
  if (!deltas.size) return;
  const sorted = [...deltas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < sorted.length; i += 500) {
    const values = sorted.slice(i, i + 500).map(([term, delta]) => sql`(${term}, ${delta})`);
    await sql`INSERT INTO search_terms (term, documents) VALUES ${sql.join(values)}
      ON CONFLICT (term) DO UPDATE SET documents = search_terms.documents + excluded.documents`.execute(trx);
  }
  const removed = sorted.filter(([, d]) => d < 0).map(([t]) => t);
  for (let i = 0; i < removed.length; i += 500) {
    await sql`DELETE FROM search_terms WHERE documents <= 0 AND term IN (${sql.join(removed.slice(i, i + 500))})`.execute(trx);
  }
}

/** In how many indexed articles each term occurs, and how many are indexed in all. */
export async function documentFrequencies(db: Db, terms: readonly string[]): Promise<{ df: Map<string, number>; total: number }> {
  const rows = await sql<{ term: string; documents: number }>`
    SELECT term, documents FROM search_terms WHERE term IN (${sql.join([ALL_DOCUMENTS, ...terms])})`.execute(db);
  const df = new Map(rows.rows.map((r) => [r.term, Number(r.documents)]));
  const total = df.get(ALL_DOCUMENTS) ?? 0;
  df.delete(ALL_DOCUMENTS);
  return { df, total };
}

/** After a rebuild: the counts made afresh from every article's terms, written in batches. */
export async function replaceTermCounts(db: Db, counts: ReadonlyMap<string, number>, documents: number): Promise<void> {
  await sql`DELETE FROM search_terms`.execute(db);
  const rows = [...counts, [ALL_DOCUMENTS, documents] as const];
  for (let i = 0; i < rows.length; i += 500) {
    await sql`INSERT INTO search_terms (term, documents) VALUES ${sql.join(rows.slice(i, i + 500).map(([t, n]) => sql`(${t}, ${n})`))}`.execute(db);
  }
}

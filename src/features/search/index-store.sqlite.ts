import { sql } from 'kysely';
import type { Db } from '../../db-schema.js';
import type { ArticleSearchSource } from '../articles/index.js';
import { indexableText } from './analysis/index.js';
import { isContentTerm } from './term-stats.js';

/**
 * SQLite's half of the index (migration …-search-pool): one FTS5 row per published article, its rowid
 * the article's row key, and article_search_rows mapping the key back to the article with the filters.
 *
 * The row key is the publication time in milliseconds × 1024, plus a counter for articles published in
 * the same millisecond. FTS5 keeps each word's matches in rowid order, so "the newest matches" is a
 * walk down the rowids that stops early, and a date range is a rowid range (search-match.sqlite.ts).
 */
const PER_MS = 1024;

export const rowKeyFloor = (at: Date): number => at.getTime() * PER_MS;
export const rowKeyCeiling = (at: Date): number => at.getTime() * PER_MS + PER_MS - 1;

async function freeRowKey(trx: Db, at: Date): Promise<number> {
  for (let base = rowKeyFloor(at); ; base += PER_MS) {
    const row = await sql<{ top: number | null }>`SELECT max(row_key) AS top FROM article_search_rows WHERE row_key BETWEEN ${base} AND ${base + PER_MS - 1}`.execute(trx);
    const top = row.rows[0]?.top ?? null;
    if (top === null) return base;
    if (top < base + PER_MS - 1) return top + 1;
  }
}

/** The stems the related-articles counts saw for this row: every stem of its headline, standfirst and body. */
function contentTerms(...stems: string[]): Set<string> {
  return new Set(stems.flatMap((s) => s.split(' ')).filter(isContentTerm));
}

export async function rowKeyOf(trx: Db, articleId: string): Promise<number | undefined> {
  const row = await sql<{ row_key: number }>`SELECT row_key FROM article_search_rows WHERE article_id = ${articleId}`.execute(trx);
  return row.rows[0]?.row_key;
}

/** Takes the article out of the index; returns the terms it had there (none when it was not indexed). */
export async function removeRow(trx: Db, articleId: string): Promise<Set<string>> {
  const key = await rowKeyOf(trx, articleId);
  if (key === undefined) return new Set();
  const old = await sql<{ h: string; s: string; b: string }>`SELECT headline_stems AS h, standfirst_stems AS s, body_stems AS b FROM article_search WHERE rowid = ${key}`.execute(trx);
  await sql`DELETE FROM article_search WHERE rowid = ${key}`.execute(trx);
  await sql`DELETE FROM article_search_rows WHERE row_key = ${key}`.execute(trx);
  const r = old.rows[0];
  return r ? contentTerms(r.h, r.s, r.b) : new Set();
}

/** Writes the article's row (the caller removed any old one); returns the terms it now has. */
export async function writeRow(trx: Db, a: ArticleSearchSource, now: Date): Promise<Set<string>> {
  const key = await freeRowKey(trx, a.publishedAt ?? now);
  const [headline, standfirst, body, meta] = [a.headline, a.standfirst, a.bodyText, a.meta].map(indexableText) as [ReturnType<typeof indexableText>, ReturnType<typeof indexableText>, ReturnType<typeof indexableText>, ReturnType<typeof indexableText>];
  await sql`INSERT INTO article_search_rows (row_key, article_id, language, section_id) VALUES (${key}, ${a.id}, ${a.language}, ${a.sectionId})`.execute(trx);
  await sql`INSERT INTO article_search (rowid, headline_exact, headline_stems, standfirst_exact, standfirst_stems, body_exact, body_stems, meta_exact, meta_stems)
    VALUES (${key}, ${headline.exact}, ${headline.stems}, ${standfirst.exact}, ${standfirst.stems}, ${body.exact}, ${body.stems}, ${meta.exact}, ${meta.stems})`.execute(trx);
  return contentTerms(headline.stems, standfirst.stems, body.stems);
}

export async function clearRows(db: Db): Promise<void> {
  await sql`DELETE FROM article_search`.execute(db);
  await sql`DELETE FROM article_search_rows`.execute(db);
}

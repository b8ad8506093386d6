import { sql } from 'kysely';
import type { Db } from '../../db-schema.js';
import { dialectOf } from '../../platform/db/dialect.js';
import { relatedFacts, replaceRelatedArticles, type ArticleSearchSource, type RelatedFacts } from '../articles/index.js';
import { analyzeText } from './analysis/index.js';
import { STEM_MARK } from './tsvector.js';

/**
 * Related articles by content: the article's most distinctive stems (TF-IDF over the search index)
 * find the candidates the index ranks closest (bm25 on SQLite, ts_rank on PostgreSQL), and shared
 * tags, the same section and nearness in time break the ties a reader would break. Same language
 * only; never the article's own translation (that is linked separately). Computed when the article
 * is published or edited, inside its transaction, and stored.
 */
export const RELATED_COUNT = 6;
const TERMS = 12;
const CANDIDATES = 30;
// Headline and standfirst words say what the story is about more than a passing word in the body.
const FIELD_WEIGHTS = { headline: 3, standfirst: 2, body: 1 } as const;
const MIN_TERM_LENGTH = 3;

function termFrequencies(a: ArticleSearchSource): Map<string, number> {
  const tf = new Map<string, number>();
  for (const [field, weight] of Object.entries(FIELD_WEIGHTS) as [keyof typeof FIELD_WEIGHTS, number][]) {
    const text = field === 'body' ? a.bodyText : a[field];
    for (const word of analyzeText(text)) {
      const stem = word.stems[0]!;
      if (stem.length >= MIN_TERM_LENGTH && !/^\d+$/.test(stem)) tf.set(stem, (tf.get(stem) ?? 0) + weight);
    }
  }
  return tf;
}

/** In how many indexed articles each stem occurs. */
async function documentFrequencies(db: Db, terms: string[]): Promise<Map<string, number>> {
  const df = new Map<string, number>();
  if (dialectOf(db) === 'postgres') {
    const rows = await sql<{ term: string; n: number }>`
      SELECT t.term, (SELECT count(*) FROM article_search s WHERE s.document @@ quote_literal(${STEM_MARK} || t.term)::tsquery) AS n
      FROM unnest(${terms}::text[]) AS t(term)`.execute(db);
    for (const r of rows.rows) df.set(r.term, Number(r.n));
    return df;
  }
  for (const term of terms) {
    const row = await sql<{ n: number }>`SELECT count(*) AS n FROM article_search WHERE article_search MATCH ${`{headline_stems standfirst_stems body_stems} : "${term}"`}`.execute(db);
    df.set(term, Number(row.rows[0]?.n ?? 0));
  }
  return df;
}

async function distinctiveTerms(db: Db, a: ArticleSearchSource): Promise<string[]> {
  const tf = termFrequencies(a);
  // Only the most frequent stems are worth a document-frequency lookup.
  const frequent = [...tf].sort((x, y) => y[1] - x[1]).slice(0, TERMS * 2).map(([t]) => t);
  const df = await documentFrequencies(db, frequent);
  const total = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM article_search`.execute(db)).rows[0]?.n ?? 0);
  const idf = (t: string) => Math.log(1 + total / (1 + (df.get(t) ?? 0)));
  return frequent
    // A stem no other article has finds nothing; one in most articles (the, في) says nothing.
    .filter((t) => (df.get(t) ?? 0) > 1 && (df.get(t) ?? 0) <= total / 2)
    .sort((x, y) => tf.get(y)! * idf(y) - tf.get(x)! * idf(x))
    .slice(0, TERMS);
}

async function textCandidates(db: Db, a: ArticleSearchSource, terms: string[]): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  if (!terms.length) return scores;
  if (dialectOf(db) === 'postgres') {
    const query = terms.map((t) => `'${STEM_MARK}${t}'`).join(' | ');
    const rows = await sql<{ id: string; score: number }>`
      SELECT a.id, ts_rank(s.document, ${query}::tsquery) AS score
      FROM article_search s JOIN articles a ON a.id = s.article_id
      WHERE s.document @@ ${query}::tsquery AND a.language = ${a.language} AND a.status = 'published'
        AND a.translation_group_id <> (SELECT translation_group_id FROM articles WHERE id = ${a.id})
      ORDER BY score DESC LIMIT ${CANDIDATES}`.execute(db);
    for (const r of rows.rows) scores.set(r.id, Number(r.score));
    return scores;
  }
  const match = `{headline_stems standfirst_stems body_stems} : (${terms.map((t) => `"${t}"`).join(' OR ')})`;
  const rows = await sql<{ id: string; score: number }>`
    SELECT a.id, m.score FROM (SELECT article_id, bm25(article_search, 0, 0, 3, 0, 2, 0, 1, 0, 0) AS score FROM article_search WHERE article_search MATCH ${match}) m
    JOIN articles a ON a.id = m.article_id
    WHERE a.language = ${a.language} AND a.status = 'published'
      AND a.translation_group_id <> (SELECT translation_group_id FROM articles WHERE id = ${a.id})
    ORDER BY m.score LIMIT ${CANDIDATES}`.execute(db);
  // bm25 is negative, lower is better: flip it so higher is better, as on PostgreSQL.
  for (const r of rows.rows) scores.set(r.id, -Number(r.score));
  return scores;
}

/** Blends the text score with shared tags, section and time; all parts scaled to 0..1. */
export function blendRelatedScore(text: number, maxText: number, own: Pick<RelatedFacts, 'sectionId' | 'tagIds' | 'publishedAt'>, other: Pick<RelatedFacts, 'sectionId' | 'tagIds' | 'publishedAt'>): number {
  const shared = other.tagIds.filter((t) => own.tagIds.includes(t)).length;
  const tags = own.tagIds.length ? Math.min(1, shared / Math.min(3, own.tagIds.length)) : 0;
  const days = own.publishedAt && other.publishedAt ? Math.abs(own.publishedAt.getTime() - other.publishedAt.getTime()) / 86_400_000 : 365;
  return 0.6 * (maxText > 0 ? text / maxText : 0) + 0.2 * tags + 0.1 * (own.sectionId === other.sectionId ? 1 : 0) + 0.1 * Math.exp(-days / 30);
}

/** Computes and stores the article's related list (emptied when it is not published); returns its ids. */
export async function updateRelatedArticles(trx: Db, a: ArticleSearchSource): Promise<string[]> {
  if (a.status !== 'published') {
    await replaceRelatedArticles(trx, a.id, []);
    return [];
  }
  const candidates = await textCandidates(trx, a, await distinctiveTerms(trx, a));
  const [own, ...others] = await relatedFacts(trx, [a.id, ...candidates.keys()]).then((facts) => [facts.find((f) => f.id === a.id)!, ...facts.filter((f) => f.id !== a.id)]);
  const maxText = Math.max(0, ...candidates.values());
  const ranked = others
    .map((o) => ({ id: o.id, score: blendRelatedScore(candidates.get(o.id) ?? 0, maxText, own!, o) }))
    .sort((x, y) => y.score - x.score)
    .slice(0, RELATED_COUNT);
  await replaceRelatedArticles(trx, a.id, ranked);
  return ranked.map((r) => r.id);
}

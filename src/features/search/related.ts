import type { Db } from '../../db-schema.js';
import { relatedFacts, replaceRelatedArticles, type ArticleSearchSource, type RelatedFacts } from '../articles/index.js';
import { analyzeText } from './analysis/index.js';
import { textCandidates } from './related-candidates.js';
import { documentFrequencies, isContentTerm } from './term-stats.js';

/**
 * Related articles by content: the article's most distinctive stems (TF-IDF, with the index's term
 * counts) find the candidates the index ranks closest (related-candidates.ts), and shared
 * tags, the same section and nearness in time break the ties a reader would break. Same language
 * only; never the article's own translation (that is linked separately). Computed when the article
 * is published or edited, inside its transaction, and stored.
 */
export const RELATED_COUNT = 6;
const TERMS = 12;
const LOOKUP_TERMS = 400;
const CANDIDATES = 30;
// Headline and standfirst words say what the story is about more than a passing word in the body.
const FIELD_WEIGHTS = { headline: 3, standfirst: 2, body: 1 } as const;

function termFrequencies(a: ArticleSearchSource): Map<string, number> {
  const tf = new Map<string, number>();
  for (const [field, weight] of Object.entries(FIELD_WEIGHTS) as [keyof typeof FIELD_WEIGHTS, number][]) {
    const text = field === 'body' ? a.bodyText : a[field];
    for (const word of analyzeText(text)) {
      const stem = word.stems[0]!;
      if (isContentTerm(stem)) tf.set(stem, (tf.get(stem) ?? 0) + weight);
    }
  }
  return tf;
}

/** The stems that say most about the article, each with its inverse document frequency. */
async function distinctiveTerms(db: Db, a: ArticleSearchSource): Promise<Map<string, number>> {
  const tf = termFrequencies(a);
  // Counts are one indexed lookup each (term-stats.ts), so every stem of all but the longest stories is weighed.
  const frequent = [...tf].sort((x, y) => y[1] - x[1]).slice(0, LOOKUP_TERMS).map(([t]) => t);
  const { df, total } = await documentFrequencies(db, frequent);
  const idf = (t: string) => Math.log(1 + total / (1 + (df.get(t) ?? 0)));
  const chosen = frequent
    // A stem no other article has finds nothing; one in most articles (the, في) says nothing.
    .filter((t) => (df.get(t) ?? 0) > 1 && (df.get(t) ?? 0) <= total / 2)
    .sort((x, y) => tf.get(y)! * idf(y) - tf.get(x)! * idf(x))
    .slice(0, TERMS);
  return new Map(chosen.map((t) => [t, idf(t)]));
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
  const candidates = await textCandidates(trx, a, await distinctiveTerms(trx, a), CANDIDATES);
  const [own, ...others] = await relatedFacts(trx, [a.id, ...candidates.keys()]).then((facts) => [facts.find((f) => f.id === a.id)!, ...facts.filter((f) => f.id !== a.id)]);
  const maxText = Math.max(0, ...candidates.values());
  const ranked = others
    .map((o) => ({ id: o.id, score: blendRelatedScore(candidates.get(o.id) ?? 0, maxText, own!, o) }))
    .sort((x, y) => y.score - x.score)
    .slice(0, RELATED_COUNT);
  await replaceRelatedArticles(trx, a.id, ranked);
  return ranked.map((r) => r.id);
}

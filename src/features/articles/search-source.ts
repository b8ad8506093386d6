import type { Db } from '../../db-schema.js';
import { fromDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import type { ArticleStatus, ArticleSummary } from './article.js';
import * as repo from './articles.repo.js';
import { toSummary } from './articles.read.service.js';

/**
 * What the search feature reads of articles. Search depends on articles, never the other way round:
 * articles tells search about changes through the ArticleIndexer it is given (articles.service.ts).
 */
export interface ArticleSearchSource {
  id: string;
  status: ArticleStatus;
  language: Language;
  sectionId: string;
  headline: string;
  standfirst: string;
  bodyText: string;
  /** Section, tags and bylines, in both languages: a reader may search either name. */
  meta: string;
  publishedAt: Date | null;
}

export async function articleSearchSource(db: Db, id: string): Promise<ArticleSearchSource | undefined> {
  const row = await repo.findArticleRowById(db, id);
  if (!row) return undefined;
  const [section, tags, bylines] = await Promise.all([
    db.selectFrom('sections').select(['name_en', 'name_ar']).where('id', '=', row.section_id).executeTakeFirst(),
    repo.findTagRowsForArticle(db, id),
    repo.findBylineRowsForArticle(db, id),
  ]);
  const names = [
    section?.name_en, section?.name_ar,
    ...tags.flatMap((t) => [t.name_en, t.name_ar]),
    ...bylines.flatMap((b) => [b.name_en, b.name_ar, b.external_name]),
  ];
  return {
    id,
    status: row.status,
    language: row.language,
    sectionId: row.section_id,
    headline: row.headline,
    standfirst: row.standfirst,
    bodyText: row.body_text,
    meta: names.filter(Boolean).join(' \n '),
    publishedAt: row.published_at ? fromDbTime(row.published_at) : null,
  };
}

/** Ids of every published article, oldest first, a page at a time (rebuilding the index). */
export async function publishedArticleIds(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return (await q.execute()).map((r) => r.id);
}

/** Published articles by id, in the order given (search results), with their plain-text bodies for snippets. */
export async function summariesForSearch(db: Db, ids: readonly string[], lang: Language): Promise<(ArticleSummary & { bodyText: string })[]> {
  if (!ids.length) return [];
  const [rows, bodies] = await Promise.all([
    repo.findSummaryRowsByIds(db, ids),
    db.selectFrom('articles').select(['id', 'body_text']).where('id', 'in', ids).execute(),
  ]);
  const text = new Map(bodies.map((b) => [b.id, b.body_text]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...toSummary(row, lang), bodyText: text.get(id) ?? '' }] : [];
  });
}

import type { Db } from '../../db-schema.js';
import { dialectOf } from '../../platform/db/dialect.js';
import { fromDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';

/**
 * The stored related-articles list and the facts its computation weighs (search/related.ts ranks;
 * articles owns the table and shows it).
 */
export interface RelatedFacts {
  id: string;
  language: Language;
  translationGroupId: string;
  sectionId: string;
  tagIds: string[];
  publishedAt: Date | null;
}

export async function relatedFacts(db: Db, ids: readonly string[]): Promise<RelatedFacts[]> {
  if (!ids.length) return [];
  const [rows, tags] = await Promise.all([
    db.selectFrom('articles').select(['id', 'language', 'translation_group_id', 'section_id', 'published_at']).where('id', 'in', ids).execute(),
    db.selectFrom('article_tags').select(['article_id', 'tag_id']).where('article_id', 'in', ids).execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    language: r.language,
    translationGroupId: r.translation_group_id,
    sectionId: r.section_id,
    tagIds: tags.filter((t) => t.article_id === r.id).map((t) => t.tag_id),
    publishedAt: r.published_at ? fromDbTime(r.published_at) : null,
  }));
}

/**
 * Replaces the list; call inside a transaction. On PostgreSQL the article's row is locked first: two
 * transactions replacing the same list at once (an edit and the neighbours' job) would otherwise both
 * delete nothing the other has not committed yet and then collide on insert. SQLite writes one at a time.
 */
export async function replaceRelatedArticles(db: Db, articleId: string, related: readonly { id: string; score: number }[]): Promise<void> {
  if (dialectOf(db) === 'postgres') await db.selectFrom('articles').select('id').where('id', '=', articleId).forUpdate().execute();
  await db.deleteFrom('article_related').where('article_id', '=', articleId).execute();
  if (related.length) {
    await db
      .insertInto('article_related')
      .values(related.map((r, position) => ({ article_id: articleId, position, related_id: r.id, score: r.score })))
      .execute();
  }
}

/** The stored list, best first (published or not: the page keeps only published ones). */
export async function storedRelatedIds(db: Db, articleId: string): Promise<string[]> {
  const rows = await db.selectFrom('article_related').select('related_id').where('article_id', '=', articleId).orderBy('position').execute();
  return rows.map((r) => r.related_id);
}

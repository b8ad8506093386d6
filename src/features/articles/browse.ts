import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB, Db } from '../../db-schema.js';
import { fromDbTime } from '../../platform/db/time.js';
import type { ArticlePage, ArticleStatus } from './article.js';
import { articlePagesByIds, findArticleForPreview } from './articles.read.service.js';
import * as repo from './articles.repo.js';

/**
 * Articles for the APIs (ghost-api/): a page of them under a condition the caller builds over
 * `articles as a` (its filter language turned into SQL), in a given order, with the total.
 */
export type ArticleCondition = (eb: ExpressionBuilder<DB & { a: DB['articles'] }, 'a'>) => Expression<SqlBool>;
export type ArticleOrder = { column: 'published_at' | 'updated_at' | 'created_at' | 'headline' | 'slug'; direction: 'asc' | 'desc' }[];

/** Ids of one page of articles, published only or in any status, with the total. */
export async function browseArticleIds(db: Db, scope: 'published' | 'any', where: ArticleCondition, order: ArticleOrder, limit: number, offset: number): Promise<{ ids: string[]; total: number }> {
  const base = db.selectFrom('articles as a').where((eb) => (scope === 'published' ? eb.and([eb('a.status', '=', 'published'), where(eb)]) : where(eb)));
  let q = base.select('a.id');
  for (const o of order) q = q.orderBy(`a.${o.column}`, o.direction);
  const [rows, count] = await Promise.all([
    q.orderBy('a.id', 'desc').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/** Published articles as their pages show them: the Content API. */
export async function browsePublishedArticles(db: Db, where: ArticleCondition, order: ArticleOrder, limit: number, offset: number): Promise<{ articles: ArticlePage[]; total: number }> {
  const { ids, total } = await browseArticleIds(db, 'published', where, order, limit, offset);
  return { articles: await articlePagesByIds(db, ids), total };
}

/** An article in any status, for the Admin API: its page as a preview shows it, and its workflow facts. */
export interface ArticleRecord {
  page: ArticlePage;
  status: ArticleStatus;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  createdAt: Date;
  /** Exactly as stored: writers send it back to prove they edited the latest version. */
  updatedAt: Date;
}

export async function articleRecordsByIds(db: Db, ids: readonly string[]): Promise<ArticleRecord[]> {
  const records = await Promise.all(
    ids.map(async (id): Promise<ArticleRecord | undefined> => {
      const [row, page] = await Promise.all([repo.findArticleRowById(db, id), findArticleForPreview(db, id, 0)]);
      if (!row || !page) return undefined;
      return {
        page,
        status: row.status,
        publishedAt: row.published_at ? fromDbTime(row.published_at) : null,
        scheduledAt: row.scheduled_at ? fromDbTime(row.scheduled_at) : null,
        createdAt: fromDbTime(row.created_at),
        updatedAt: fromDbTime(row.updated_at),
      };
    }),
  );
  return records.filter((r): r is ArticleRecord => r !== undefined);
}

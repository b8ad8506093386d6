import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB, Db } from '../../db-schema.js';
import type { ArticlePage } from './article.js';
import { articlePagesByIds } from './articles.read.service.js';

/**
 * Published articles for the APIs (ghost-api/): a page of them under a condition the caller builds
 * over `articles as a` (its filter language turned into SQL), in a given order, with the total. The
 * articles come back as their pages show them.
 */
export type ArticleCondition = (eb: ExpressionBuilder<DB & { a: DB['articles'] }, 'a'>) => Expression<SqlBool>;
export type ArticleOrder = { column: 'published_at' | 'updated_at' | 'created_at' | 'headline' | 'slug'; direction: 'asc' | 'desc' }[];

export async function browsePublishedArticles(db: Db, where: ArticleCondition, order: ArticleOrder, limit: number, offset: number): Promise<{ articles: ArticlePage[]; total: number }> {
  const base = db.selectFrom('articles as a').where('a.status', '=', 'published').where(where);
  let q = base.select('a.id');
  for (const o of order) q = q.orderBy(`a.${o.column}`, o.direction);
  const [rows, count] = await Promise.all([
    q.orderBy('a.id', 'desc').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { articles: await articlePagesByIds(db, rows.map((r) => r.id)), total: Number(count.n) };
}

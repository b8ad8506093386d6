import type { Db } from '../../db-schema.js';
import { fromDbTime, toDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { mediaUrl } from '../media/index.js';
import { articlePath } from './article.js';

/** A published article as a sitemap lists it: where it is, when it changed, its translation and image. */
export interface SitemapArticle {
  language: Language;
  path: string;
  headline: string;
  publishedAt: Date;
  updatedAt: Date;
  /** The published translation's path, for the hreflang pair. */
  translationPath: string | null;
  image: { url: string; alt: string } | null;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.featured_media_id')
    .select(['a.id', 'a.language', 'a.slug', 'a.headline', 'a.published_at', 'a.updated_at', 'a.translation_group_id', 'a.featured_alt', 's.slug as section_slug', 'm.file_name as media_file'])
    .where('a.status', '=', 'published');
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function withTranslations(db: Db, rows: Row[]): Promise<SitemapArticle[]> {
  const groups = [...new Set(rows.map((r) => r.translation_group_id))];
  const others = new Map<string, string>();
  for (let i = 0; i < groups.length; i += 500) {
    const found = await db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select(['a.id', 'a.language', 'a.slug', 'a.translation_group_id', 's.slug as section_slug'])
      .where('a.status', '=', 'published')
      .where('a.translation_group_id', 'in', groups.slice(i, i + 500))
      .execute();
    for (const f of found) others.set(`${f.translation_group_id}:${f.language}`, articlePath(f.language, f.section_slug, f.slug));
  }
  return rows.map((r) => {
    const other: Language = r.language === 'ar' ? 'en' : 'ar';
    return {
      language: r.language,
      path: articlePath(r.language, r.section_slug, r.slug),
      headline: r.headline,
      publishedAt: fromDbTime(r.published_at!),
      updatedAt: fromDbTime(r.updated_at),
      translationPath: others.get(`${r.translation_group_id}:${other}`) ?? null,
      image: r.media_file ? { url: mediaUrl(r.media_file), alt: r.featured_alt } : null,
    };
  });
}

export async function countPublishedArticles(db: Db): Promise<number> {
  const row = await db.selectFrom('articles').where('status', '=', 'published').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of every published article, oldest first, so a page's contents stay put as news is added. */
export async function sitemapArticles(db: Db, offset: number, limit: number): Promise<SitemapArticle[]> {
  return withTranslations(db, await baseQuery(db).orderBy('a.published_at').orderBy('a.id').limit(limit).offset(offset).execute());
}

/** Articles published since `since`, newest first (the news sitemap). */
export async function recentSitemapArticles(db: Db, since: Date, limit: number): Promise<SitemapArticle[]> {
  return withTranslations(db, await baseQuery(db).where('a.published_at', '>=', toDbTime(since)).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute());
}

import type { Db } from '../../db-schema.js';
import { fromDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { mediaUrl, toMediaImage } from '../media/index.js';
import { withResponsiveBodyImages } from './body-images.js';
import { articlePath, type ArticlePage, type ArticleSummary } from './article.js';
import * as repo from './articles.repo.js';
import { storedRelatedIds } from './related-store.js';
import { sitePaths } from '../site/index.js';
import type { ListFilter, SummaryRow } from './articles.repo.js';

/** The read side used by public pages: published articles only, shaped for views. */

export function toSummary(r: SummaryRow, lang: Language): ArticleSummary {
  return {
    id: r.id,
    language: r.language,
    slug: r.slug,
    headline: r.headline,
    standfirst: r.standfirst,
    section: { id: r.section_id, slug: r.section_slug, name: lang === 'ar' ? r.section_name_ar : r.section_name_en, color: r.section_color },
    publishedAt: fromDbTime(r.published_at ?? '1970-01-01T00:00:00.000Z'),
    image:
      r.media_id && r.media_file && r.media_width && r.media_height && r.media_content_type
        ? {
            media: toMediaImage({ id: r.media_id, file_name: r.media_file, content_type: r.media_content_type, width: r.media_width, height: r.media_height, variants: r.media_variants ?? '[]' }),
            url: mediaUrl(r.media_file),
            width: r.media_width,
            height: r.media_height,
            bytes: r.media_bytes ?? 0,
            alt: r.featured_alt,
            caption: r.featured_caption,
            credit: r.featured_credit,
          }
        : null,
    path: articlePath(r.language, r.section_slug, r.slug),
  };
}

/** The newest published stories, without counting them all (for blocks that show a fixed number). */
export async function listLatestArticles(db: Db, filter: ListFilter, limit: number): Promise<ArticleSummary[]> {
  return (await repo.listPublishedSummaryRows(db, filter, limit, 0)).map((r) => toSummary(r, filter.language));
}

export async function listArticles(db: Db, filter: ListFilter, page: number, perPage: number): Promise<{ items: ArticleSummary[]; total: number }> {
  const [rows, total] = await Promise.all([repo.listPublishedSummaryRows(db, filter, perPage, (page - 1) * perPage), repo.countPublished(db, filter)]);
  return { items: rows.map((r) => toSummary(r, filter.language)), total };
}

/**
 * The newest published stories of a listing as their pages show them (body, bylines, tags), for
 * feeds: whole articles, without related lists.
 */
export async function listLatestArticlePages(db: Db, filter: ListFilter, limit: number): Promise<ArticlePage[]> {
  return articlePagesByIds(db, (await repo.listPublishedSummaryRows(db, filter, limit, 0)).map((r) => r.id));
}

/** Articles by id, in that order, as their pages show them (each in its own language), without related lists. */
export async function articlePagesByIds(db: Db, ids: readonly string[]): Promise<ArticlePage[]> {
  const rows = await Promise.all(ids.map((id) => repo.findPageRowById(db, id)));
  return Promise.all(rows.flatMap((row) => (row ? [buildArticlePage(db, row, row.language, 0)] : [])));
}

/**
 * The listing pages an article appears on while published: its language's home, its section, its
 * tags and its writers' pages (whatever its status now, so an unpublished story's old listings are
 * named too). Feeds follow listings, so these are the feeds to announce a change on.
 */
export async function articleListingPaths(db: Db, id: string): Promise<string[]> {
  const row = await repo.findArticleRowById(db, id);
  if (!row) return [];
  const [section, tags, bylines] = await Promise.all([
    db.selectFrom('sections').select('slug').where('id', '=', row.section_id).executeTakeFirst(),
    repo.findTagRowsForArticle(db, id),
    repo.findBylineRowsForArticle(db, id),
  ]);
  const p = sitePaths(row.language);
  return [p.home, ...(section ? [p.section(section.slug)] : []), ...tags.map((t) => p.tag(t.slug)), ...bylines.flatMap((b) => (b.person_slug ? [p.author(b.person_slug)] : []))];
}

export type ArticleLookup = { kind: 'found'; article: ArticlePage } | { kind: 'redirect'; path: string } | { kind: 'missing' };

/**
 * Finds a published article by its slug. An old slug, or the right slug under the wrong section,
 * answers with the current path so the route can send a 301.
 */
export async function findArticleForPage(db: Db, lang: Language, sectionSlug: string, slug: string, relatedCount = 4): Promise<ArticleLookup> {
  const row = await repo.findArticleRowBySlug(db, lang, slug);
  if (!row || row.status !== 'published') {
    const oldId = await repo.findArticleIdByOldSlug(db, lang, slug);
    const current = oldId ? await repo.findPublishedPathParts(db, oldId) : undefined;
    return current ? { kind: 'redirect', path: articlePath(current.language, current.section_slug, current.slug) } : { kind: 'missing' };
  }
  if (row.section_slug !== sectionSlug) return { kind: 'redirect', path: articlePath(lang, row.section_slug, row.slug) };
  return { kind: 'found', article: await buildArticlePage(db, row, lang, relatedCount) };
}

/** An article in any status as its page would show it: the newsroom's preview. */
export async function findArticleForPreview(db: Db, id: string, relatedCount = 4): Promise<ArticlePage | undefined> {
  const row = await repo.findPageRowById(db, id);
  return row && buildArticlePage(db, row, row.language, relatedCount, row.published_at ? undefined : new Date());
}

async function buildArticlePage(db: Db, row: repo.PageRow, lang: Language, relatedCount: number, unpublishedAt?: Date): Promise<ArticlePage> {
  const [tags, bylines, corrections, translations] = await Promise.all([
    repo.findTagRowsForArticle(db, row.id),
    repo.findBylineRowsForArticle(db, row.id),
    repo.findCorrectionRows(db, row.id),
    repo.findPublishedTranslationRows(db, row.translation_group_id, row.id),
  ]);
  const [related, body] = await Promise.all([
    findRelated(db, lang, row.id, row.translation_group_id, row.section_id, tags.map((t) => t.id), relatedCount),
    withResponsiveBodyImages(db, row.body_html),
  ]);
  const translation = translations.find((t) => t.language !== lang);
  const summary = toSummary(row, lang);
  return {
    ...summary,
    // A draft has no publication time yet; the preview shows "now", as publishing would.
    publishedAt: row.published_at ? summary.publishedAt : (unpublishedAt ?? summary.publishedAt),
    translationGroupId: row.translation_group_id,
    bodyHtml: body.html,
    bodyMediaIds: body.mediaIds,
    updatedAt: row.published_at ? fromDbTime(row.updated_at) : (unpublishedAt ?? fromDbTime(row.updated_at)),
    bylines: bylines.map((b) => ({ name: b.external_name ?? (lang === 'ar' ? b.name_ar : b.name_en) ?? '', personSlug: b.person_slug })),
    tags: tags.map((t) => ({ id: t.id, slug: t.slug, name: lang === 'ar' ? t.name_ar : t.name_en })),
    corrections: corrections.map((c) => ({ note: c.note, createdAt: fromDbTime(c.created_at) })),
    translation: translation ? { language: translation.language, headline: translation.headline, path: articlePath(translation.language, translation.section_slug, translation.slug) } : null,
    related,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    canonicalUrl: row.canonical_url,
    personIds: bylines.flatMap((b) => (b.person_id ? [b.person_id] : [])),
  };
}

/**
 * The stored list computed from the articles' content when this one was published or edited
 * (search/related.ts), topped up with the articles sharing most tags, then the newest in the same
 * section, when it is short or absent (a draft's preview). Never a translation.
 */
async function findRelated(db: Db, lang: Language, id: string, groupId: string, sectionId: string, tagIds: string[], count: number): Promise<ArticleSummary[]> {
  if (count === 0) return [];
  const storedIds = await storedRelatedIds(db, id);
  // Stored ones that are no longer published drop out here (summary rows are published only).
  const rows = new Map((await repo.findSummaryRowsByIds(db, storedIds)).map((r) => [r.id, r]));
  const ids = storedIds.filter((r) => rows.has(r)).slice(0, count);
  const topUp = async (candidates: Promise<string[]>) => {
    if (ids.length >= count) return;
    for (const other of await candidates) if (ids.length < count && other !== id && !ids.includes(other)) ids.push(other);
  };
  await topUp(ids.length < count ? repo.findIdsSharingTags(db, lang, tagIds, groupId, count) : Promise.resolve([]));
  await topUp(ids.length < count ? repo.findRecentIdsInSection(db, lang, sectionId, groupId, count + 1) : Promise.resolve([]));
  const missing = ids.filter((i) => !rows.has(i));
  for (const r of await repo.findSummaryRowsByIds(db, missing)) rows.set(r.id, r);
  return ids.flatMap((i) => (rows.has(i) ? [toSummary(rows.get(i)!, lang)] : []));
}

export function hasAnyArticle(db: Db): Promise<boolean> {
  return repo.anyArticleExists(db);
}

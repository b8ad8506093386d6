import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { documentToHtml, documentToPlainText, parseArticleDocument, type ArticleDocument } from '../../editor/index.js';
import type { InvalidationBus } from '../../platform/cache/invalidation-bus.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { findSectionBySlug } from '../sections/index.js';
import { listPeopleBySlugs } from '../people/index.js';
import { listTagsBySlugs } from '../tags/index.js';
import { articleCacheTags, slugify } from './article.js';
import * as repo from './articles.repo.js';

/**
 * Indexes derived from articles (search) that must change in the same transaction as the article.
 * Given by the caller, so articles does not depend on the features that read it.
 */
export interface ArticleIndexer {
  /** Returns the ids of other articles whose pages changed too (their related lists now show this one). */
  articleChanged(trx: Db, articleId: string): Promise<string[]>;
}

export interface ArticleDeps {
  db: Db;
  bus: InvalidationBus;
  clock: Clock;
  indexer: ArticleIndexer;
}

const bylineSchema = z.union([
  z.object({ personSlug: z.string().min(1) }),
  z.object({ name: z.string().trim().min(1).max(120) }),
]);

/** What the newsroom (and the demo seeder, and imports) send to create or replace an article. */
export const articleInputSchema = z.object({
  language: z.enum(['en', 'ar']),
  headline: z.string().trim().min(1).max(300),
  standfirst: z.string().trim().max(1000).default(''),
  body: z.unknown(),
  sectionSlug: z.string().min(1),
  slug: z.string().trim().max(120).optional(),
  tagSlugs: z.array(z.string()).max(20).default([]),
  bylines: z.array(bylineSchema).max(10).default([]),
  featuredImage: z
    .object({ mediaId: z.string(), caption: z.string().max(500).default(''), credit: z.string().max(200).default(''), alt: z.string().max(500).default('') })
    .nullable()
    .default(null),
  seoTitle: z.string().max(200).default(''),
  seoDescription: z.string().max(400).default(''),
  canonicalUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  /** Id of the article this one translates: both then share one translation group. */
  translationOf: z.string().optional(),
});
export type ArticleInput = z.input<typeof articleInputSchema>;

function invalid(field: string): AppError {
  return new AppError('ARTICLE_INVALID', 422, 'error.badRequest', { field });
}

/**
 * Never show the standfirst twice: a body paragraph that only repeats it (as pasted copy often
 * does, first or further down) is dropped from the body.
 */
export function withoutRepeatedStandfirst(doc: ArticleDocument, standfirst: string): ArticleDocument {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const wanted = norm(standfirst);
  if (!wanted) return doc;
  const content = doc.content.filter((block) => block.type !== 'paragraph' || norm(documentToPlainText({ type: 'doc', content: [block] })) !== wanted);
  return content.length === doc.content.length ? doc : { ...doc, content };
}

async function resolveRefs(db: Db, v: z.output<typeof articleInputSchema>) {
  const section = await findSectionBySlug(db, v.sectionSlug);
  if (!section) throw invalid('sectionSlug');
  const tags = await listTagsBySlugs(db, v.tagSlugs);
  if (tags.length !== new Set(v.tagSlugs).size) throw invalid('tagSlugs');
  const personSlugs = v.bylines.flatMap((b) => ('personSlug' in b ? [b.personSlug] : []));
  const people = await listPeopleBySlugs(db, personSlugs);
  const bySlug = new Map(people.map((p) => [p.slug, p]));
  const bylines = v.bylines.map((b) => {
    if ('name' in b) return { person_id: null, external_name: b.name };
    const p = bySlug.get(b.personSlug);
    if (!p) throw invalid('bylines');
    return { person_id: p.id, external_name: null };
  });
  // Keep the order the slugs were given in: it is the order readers see.
  const tagIds = v.tagSlugs.map((s) => tags.find((t) => t.slug === s)!.id);
  return { section, tagIds, bylines, personIds: people.map((p) => p.id) };
}

async function uniqueSlug(db: Db, language: 'en' | 'ar', wanted: string, exceptId?: string): Promise<string> {
  const base = slugify(wanted) || 'article';
  let slug = base;
  for (let i = 2; await repo.slugTaken(db, language, slug, exceptId); i++) slug = `${base}-${i}`;
  return slug;
}

function render(v: z.output<typeof articleInputSchema>) {
  const parsed = parseArticleDocument(v.body);
  if (!parsed.success) throw invalid('body');
  const doc = withoutRepeatedStandfirst(parsed.data, v.standfirst);
  return { body_doc: JSON.stringify(doc), body_html: documentToHtml(doc), body_text: documentToPlainText(doc) };
}

/** The columns an article's editable content fills, the same on create and update. */
function contentColumns(v: z.output<typeof articleInputSchema>, sectionId: string) {
  return {
    headline: v.headline,
    standfirst: v.standfirst,
    ...render(v),
    section_id: sectionId,
    featured_media_id: v.featuredImage?.mediaId ?? null,
    featured_caption: v.featuredImage?.caption ?? '',
    featured_credit: v.featuredImage?.credit ?? '',
    featured_alt: v.featuredImage?.alt ?? '',
    seo_title: v.seoTitle,
    seo_description: v.seoDescription,
    canonical_url: v.canonicalUrl,
  };
}

/** Creates a draft. Nothing public changes, so no page is invalidated. */
export async function createArticle(deps: ArticleDeps, input: ArticleInput): Promise<{ id: string; slug: string }> {
  const v = articleInputSchema.parse(input);
  const now = toDbTime(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const refs = await resolveRefs(trx, v);
    let groupId = newId();
    if (v.translationOf) {
      const original = await repo.findArticleRowById(trx, v.translationOf);
      if (!original || original.language === v.language) throw invalid('translationOf');
      groupId = original.translation_group_id;
    }
    const id = newId();
    const slug = await uniqueSlug(trx, v.language, v.slug || v.headline);
    await repo.insertArticleRow(trx, {
      id,
      translation_group_id: groupId,
      language: v.language,
      slug,
      status: 'draft',
      ...contentColumns(v, refs.section.id),
      published_at: null,
      created_at: now,
      updated_at: now,
      created_by_user_id: null,
      scheduled_at: null,
    });
    await repo.replaceArticleTags(trx, id, refs.tagIds);
    await repo.replaceArticleBylines(trx, id, refs.bylines);
    return { id, slug };
  });
}

/** What an article's pages depend on now, for invalidation before and after a change. */
async function currentCacheTags(db: Db, id: string): Promise<string[]> {
  const row = await repo.findArticleRowById(db, id);
  if (!row || row.status !== 'published') return [];
  const tags = await repo.findTagRowsForArticle(db, id);
  const bylines = await repo.findBylineRowsForArticle(db, id);
  const translations = await repo.findPublishedTranslationRows(db, row.translation_group_id, id);
  return [
    ...articleCacheTags({ id, language: row.language, sectionId: row.section_id, tagIds: tags.map((t) => t.id), personIds: bylines.flatMap((b) => (b.person_id ? [b.person_id] : [])) }),
    // The translation's page links here (hreflang), so it shows this article too.
    ...translations.map((t) => `article:${t.id}`),
  ];
}

/** Runs a change to one article and then invalidates the pages that showed it or show it now. */
async function changeArticle(deps: ArticleDeps, id: string, change: (trx: Db) => Promise<void>): Promise<void> {
  const before = await currentCacheTags(deps.db, id);
  const others = await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.findArticleRowById(trx, id))) throw new AppError('ARTICLE_NOT_FOUND', 404, 'error.notFound');
    await change(trx);
    return deps.indexer.articleChanged(trx, id);
  });
  const after = await currentCacheTags(deps.db, id);
  const tags = [...new Set([...before, ...after, ...others.map((other) => `article:${other}`)])];
  if (tags.length) await deps.bus.publish(tags);
}

export async function publishArticle(deps: ArticleDeps, id: string, publishedAt?: Date): Promise<void> {
  await changeArticle(deps, id, async (trx) => {
    const row = (await repo.findArticleRowById(trx, id))!;
    const now = toDbTime(deps.clock.now());
    const published_at = publishedAt ? toDbTime(publishedAt) : (row.published_at ?? now);
    // A first publication is not an update: readers see "Updated" only after later edits.
    await repo.updateArticleRow(trx, id, { status: 'published', published_at, updated_at: row.published_at ? now : published_at });
  });
}

export async function unpublishArticle(deps: ArticleDeps, id: string): Promise<void> {
  await changeArticle(deps, id, (trx) => repo.updateArticleRow(trx, id, { status: 'unpublished', updated_at: toDbTime(deps.clock.now()) }));
}

/** Replaces an article's content. A changed slug keeps the old one as a redirect. */
export async function updateArticle(deps: ArticleDeps, id: string, input: ArticleInput): Promise<void> {
  const v = articleInputSchema.parse(input);
  await changeArticle(deps, id, async (trx) => {
    const row = (await repo.findArticleRowById(trx, id))!;
    if (row.language !== v.language) throw invalid('language');
    const refs = await resolveRefs(trx, v);
    const now = toDbTime(deps.clock.now());
    const slug = v.slug && slugify(v.slug) !== row.slug ? await uniqueSlug(trx, row.language, v.slug, id) : row.slug;
    if (slug !== row.slug) {
      await repo.insertSlugHistory(trx, { language: row.language, slug: row.slug, article_id: id, created_at: now });
      await repo.deleteSlugHistory(trx, row.language, slug);
    }
    await repo.updateArticleRow(trx, id, {
      slug,
      ...contentColumns(v, refs.section.id),
      updated_at: now,
    });
    await repo.replaceArticleTags(trx, id, refs.tagIds);
    await repo.replaceArticleBylines(trx, id, refs.bylines);
  });
}

export const correctionSchema = z.object({ note: z.string().trim().min(3).max(2000) });

/** A dated correction note; it also moves the article's updated time, as readers expect. */
export async function addCorrection(deps: ArticleDeps, id: string, input: z.input<typeof correctionSchema>): Promise<void> {
  const v = correctionSchema.parse(input);
  await changeArticle(deps, id, async (trx) => {
    const now = toDbTime(deps.clock.now());
    await repo.insertCorrectionRow(trx, { id: newId(), article_id: id, note: v.note, created_at: now });
    await repo.updateArticleRow(trx, id, { updated_at: now });
  });
}

import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db, DB } from '../../db-schema.js';
import type { Language } from '../../platform/i18n/i18n.js';
import type { ArticleBylinesTable, ArticlesTable } from './articles.table.js';

/** Every SQL query about articles. The db (or transaction) is always the first argument. */

export interface ListFilter {
  language: Language;
  sectionId?: string;
  tagId?: string;
  personId?: string;
}

function summaryQuery(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.featured_media_id')
    .select([
      'a.id',
      'a.language',
      'a.slug',
      'a.headline',
      'a.standfirst',
      'a.published_at',
      'a.featured_alt',
      'a.featured_caption',
      'a.featured_credit',
      's.id as section_id',
      's.slug as section_slug',
      's.name_en as section_name_en',
      's.name_ar as section_name_ar',
      's.color as section_color',
      'm.file_name as media_file',
      'm.width as media_width',
      'm.height as media_height',
      'm.id as media_id',
      'm.content_type as media_content_type',
      'm.variants as media_variants',
      'm.byte_size as media_bytes',
    ]);
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

/** The listing's conditions, for a query over `articles as a` with or without its joins. */
function listingConditions(f: ListFilter) {
  return (eb: ExpressionBuilder<DB & { a: DB['articles'] }, 'a'>) => {
    const conditions: Expression<SqlBool>[] = [eb('a.status', '=', 'published'), eb('a.language', '=', f.language)];
    if (f.sectionId) conditions.push(eb('a.section_id', '=', f.sectionId));
    if (f.tagId) conditions.push(eb.exists(eb.selectFrom('article_tags as t').select('t.article_id').whereRef('t.article_id', '=', 'a.id').where('t.tag_id', '=', f.tagId)));
    if (f.personId) conditions.push(eb.exists(eb.selectFrom('article_bylines as b').select('b.article_id').whereRef('b.article_id', '=', 'a.id').where('b.person_id', '=', f.personId)));
    return eb.and(conditions);
  };
}

function filtered(db: Db, f: ListFilter) {
  return summaryQuery(db).where(listingConditions(f));
}

export function listPublishedSummaryRows(db: Db, f: ListFilter, limit: number, offset: number): Promise<SummaryRow[]> {
  return filtered(db, f).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute();
}

/** Counted without the joins: an index answers it without touching article rows. */
export async function countPublished(db: Db, f: ListFilter): Promise<number> {
  const row = await db.selectFrom('articles as a').where(listingConditions(f)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findSummaryRowsByIds(db: Db, ids: readonly string[]): Promise<SummaryRow[]> {
  if (!ids.length) return [];
  // Status is checked here, not in SQL: with "status = ?" beside "id IN (…)" SQLite's planner walks the
  // (status, …) index over every published article instead of looking up the few ids (23 ms → 0.5 ms).
  const rows = await summaryQuery(db).select('a.status').where('a.id', 'in', ids).execute();
  return rows.filter((r) => r.status === 'published');
}

function pageQuery(db: Db) {
  return summaryQuery(db).select(['a.status', 'a.translation_group_id', 'a.body_html', 'a.updated_at', 'a.seo_title', 'a.seo_description', 'a.canonical_url']);
}

export type PageRow = NonNullable<Awaited<ReturnType<ReturnType<typeof pageQuery>['executeTakeFirst']>>>;

/** Any status: for the newsroom's preview. */
export function findPageRowById(db: Db, id: string) {
  return pageQuery(db).where('a.id', '=', id).executeTakeFirst();
}

export function findArticleRowBySlug(db: Db, language: Language, slug: string) {
  return summaryQuery(db)
    .select([
      'a.status',
      'a.translation_group_id',
      'a.body_html',
      'a.updated_at',
      'a.seo_title',
      'a.seo_description',
      'a.canonical_url',
    ])
    .where('a.language', '=', language)
    .where('a.slug', '=', slug)
    .executeTakeFirst();
}

export function findArticleRowById(db: Db, id: string): Promise<ArticlesTable | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findArticleIdBySlug(db: Db, language: Language, slug: string): Promise<string | undefined> {
  const row = await db.selectFrom('articles').select('id').where('language', '=', language).where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function findArticleIdByOldSlug(db: Db, language: Language, slug: string): Promise<string | undefined> {
  const row = await db.selectFrom('article_slug_history').select('article_id').where('language', '=', language).where('slug', '=', slug).executeTakeFirst();
  return row?.article_id;
}

export function findPublishedPathParts(db: Db, id: string) {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.language', 'a.slug', 's.slug as section_slug'])
    .where('a.id', '=', id)
    .where('a.status', '=', 'published')
    .executeTakeFirst();
}

export function findTagRowsForArticle(db: Db, articleId: string) {
  return db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['t.id', 't.slug', 't.name_en', 't.name_ar'])
    .where('at.article_id', '=', articleId)
    .orderBy('at.position')
    .execute();
}

export function findBylineRowsForArticle(db: Db, articleId: string) {
  return db
    .selectFrom('article_bylines as b')
    .leftJoin('people as p', 'p.id', 'b.person_id')
    .select(['b.position', 'b.person_id', 'b.external_name', 'p.slug as person_slug', 'p.name_en', 'p.name_ar'])
    .where('b.article_id', '=', articleId)
    .orderBy('b.position')
    .execute();
}

export function findCorrectionRows(db: Db, articleId: string) {
  return db.selectFrom('article_corrections').select(['note', 'created_at']).where('article_id', '=', articleId).orderBy('created_at').execute();
}

export function findPublishedTranslationRows(db: Db, groupId: string, exceptId: string) {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.id', 'a.language', 'a.slug', 'a.headline', 's.slug as section_slug'])
    .where('a.translation_group_id', '=', groupId)
    .where('a.id', '!=', exceptId)
    .where('a.status', '=', 'published')
    .execute();
}

/** Ids of published articles in the language sharing the most tags, newest first; translations excluded. */
export async function findIdsSharingTags(db: Db, language: Language, tagIds: readonly string[], exceptGroupId: string, limit: number): Promise<string[]> {
  if (!tagIds.length) return [];
  const rows = await db
    .selectFrom('article_tags as at')
    .innerJoin('articles as a', 'a.id', 'at.article_id')
    .select(['a.id', (eb) => eb.fn.countAll<number>().as('shared'), (eb) => eb.fn.max('a.published_at').as('published_at')])
    .where('at.tag_id', 'in', tagIds)
    .where('a.language', '=', language)
    .where('a.status', '=', 'published')
    .where('a.translation_group_id', '!=', exceptGroupId)
    .groupBy('a.id')
    .orderBy('shared', 'desc')
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function findRecentIdsInSection(db: Db, language: Language, sectionId: string, exceptGroupId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('language', '=', language)
    .where('status', '=', 'published')
    .where('section_id', '=', sectionId)
    .where('translation_group_id', '!=', exceptGroupId)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertArticleRow(db: Db, row: DB['articles']): Promise<void> {
  await db.insertInto('articles').values(row).execute();
}

export async function updateArticleRow(db: Db, id: string, patch: Partial<Omit<ArticlesTable, 'id'>>): Promise<void> {
  await db.updateTable('articles').set(patch).where('id', '=', id).execute();
}

export async function replaceArticleTags(db: Db, articleId: string, tagIds: readonly string[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length) await db.insertInto('article_tags').values(tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position }))).execute();
}

export async function replaceArticleBylines(db: Db, articleId: string, bylines: readonly Omit<ArticleBylinesTable, 'article_id' | 'position'>[]): Promise<void> {
  await db.deleteFrom('article_bylines').where('article_id', '=', articleId).execute();
  if (bylines.length) await db.insertInto('article_bylines').values(bylines.map((b, position) => ({ ...b, article_id: articleId, position }))).execute();
}

export async function insertSlugHistory(db: Db, row: DB['article_slug_history']): Promise<void> {
  await db
    .insertInto('article_slug_history')
    .values(row)
    .onConflict((oc) => oc.columns(['language', 'slug']).doUpdateSet({ article_id: row.article_id, created_at: row.created_at }))
    .execute();
}

export async function deleteSlugHistory(db: Db, language: Language, slug: string): Promise<void> {
  await db.deleteFrom('article_slug_history').where('language', '=', language).where('slug', '=', slug).execute();
}

export async function insertCorrectionRow(db: Db, row: DB['article_corrections']): Promise<void> {
  await db.insertInto('article_corrections').values(row).execute();
}

export async function slugTaken(db: Db, language: Language, slug: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('articles').select('id').where('language', '=', language).where('slug', '=', slug);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function anyArticleExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('articles').select('id').limit(1).executeTakeFirst()) !== undefined;
}

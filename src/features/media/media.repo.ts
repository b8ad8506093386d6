import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../db-schema.js';
import type { MediaTable } from './media.table.js';

/** Every SQL query about media. The db (or transaction) is always the first argument. */

export type MediaRow = Selectable<MediaTable>;

export async function insertMediaRow(db: Db, row: Insertable<MediaTable>): Promise<void> {
  // The same bytes stored twice share one file and one row.
  await db.insertInto('media').values(row).onConflict((oc) => oc.column('file_name').doNothing()).execute();
}

export async function findMediaIdByFileName(db: Db, fileName: string): Promise<string | undefined> {
  return (await db.selectFrom('media').select('id').where('file_name', '=', fileName).executeTakeFirst())?.id;
}

export function findMediaRowByFileName(db: Db, fileName: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('file_name', '=', fileName).executeTakeFirst();
}

export function findMediaRowById(db: Db, id: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMediaImageRows(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('media').select(['id', 'file_name', 'content_type', 'width', 'height', 'variants']).where('id', 'in', [...ids]).execute();
}

export async function updateMediaRow(db: Db, id: string, values: Updateable<MediaTable>): Promise<void> {
  await db.updateTable('media').set(values).where('id', '=', id).execute();
}

export async function deleteMediaRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('media').where('id', '=', id).execute();
}

/** `%word%` with LIKE's wildcards taken literally (escape character `!`). */
function containsPattern(word: string): string {
  return `%${word.replace(/[!%_]/g, (ch) => `!${ch}`)}%`;
}

function searched(db: Db, words: readonly string[]) {
  let q = db.selectFrom('media');
  for (const w of words) q = q.where(sql<boolean>`search_text like ${containsPattern(w)} escape '!'`);
  return q;
}

/** Newest first; every word must appear in the normalized caption, credit, alt text or name. */
export function searchMediaRows(db: Db, words: readonly string[], limit: number, offset: number): Promise<MediaRow[]> {
  return searched(db, words).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

export async function countMediaRows(db: Db, words: readonly string[]): Promise<number> {
  const row = await searched(db, words)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  // PostgreSQL answers counts as strings, SQLite as numbers.
  return Number(row.n);
}

/**
 * Articles showing an image: as their featured image, or inside their body, found by the URL prefix
 * every file of the image shares (`/media/<base>`: the master and all its variants) in the stored
 * document. Asked here rather than of the articles feature, which depends on media.
 */
export function findArticlesUsingMedia(db: Db, id: string, fileBase: string) {
  return db
    .selectFrom('articles')
    .select(['id', 'headline', 'language', 'status'])
    .where((eb) => eb.or([eb('featured_media_id', '=', id), sql<boolean>`body_doc like ${containsPattern(`/media/${fileBase}`)} escape '!'`]))
    .orderBy('created_at', 'desc')
    .execute();
}

/** People whose photo is this image (the database refuses to delete it under them). */
export function findPeopleUsingMedia(db: Db, id: string) {
  return db.selectFrom('people').select(['id', 'name_en', 'name_ar']).where('photo_media_id', '=', id).orderBy('name_en').execute();
}

/**
 * Records the variants the job made and marks the image ready, only if the row is still as the job
 * read it (same variants, same focal point): a focal point moved meanwhile is not overwritten with
 * crops around the old one. Returns whether it was recorded.
 */
export async function recordVariantsIfUnchanged(db: Db, read: Pick<MediaRow, 'id' | 'variants' | 'focal_x' | 'focal_y'>, variants: string): Promise<boolean> {
  const result = await db
    .updateTable('media')
    .set({ variants, variants_state: 'ready' })
    .where('id', '=', read.id)
    .where('variants', '=', read.variants)
    .where('focal_x', '=', read.focal_x)
    .where('focal_y', '=', read.focal_y)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The job's last attempt: the image shows as failed unless that attempt finishes (and marks it ready). */
export async function markVariantsFailed(db: Db, id: string): Promise<void> {
  await db.updateTable('media').set({ variants_state: 'failed' }).where('id', '=', id).where('variants_state', '=', 'pending').execute();
}

/** Images by their master's file name (the `/media/<file>` an article body points at). */
export function findMediaImageRowsByFileNames(db: Db, fileNames: readonly string[]) {
  if (!fileNames.length) return Promise.resolve([]);
  return db.selectFrom('media').select(['id', 'file_name', 'content_type', 'width', 'height', 'variants']).where('file_name', 'in', [...fileNames]).execute();
}

import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import type { InvalidationBus } from '../../platform/cache/invalidation-bus.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/db/ids.js';
import { fromDbTime, toDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { CONTENT_TYPES, decodeImage, encodeMaster, fallbackFormatFor, inspectUpload, variantPrefix } from './image-pipeline.js';
import { cancelMakeVariants, enqueueMakeVariants } from './make-variants.job.js';
import { writeMediaFiles } from './media-files.js';
import { fallbackFormatOf, fileBaseOf, FOCAL_SCALE, mediaCacheTag, normalizeSearchText, parseVariants, searchWords, toMediaImage, type MediaImage, type MediaVariant, type VariantsState } from './media.js';
import * as repo from './media.repo.js';

export { mediaCacheTag };

export interface MediaDeps {
  db: Db;
  clock: Clock;
  mediaDir: string;
}

/** The library also tells cached pages when an image they show changed (tag `media:<id>`). */
export interface MediaLibraryDeps extends MediaDeps {
  bus: InvalidationBus;
}

export interface StoredMedia {
  id: string;
  fileName: string;
  width: number;
  height: number;
}

/**
 * Stores already-validated image bytes under a content-hashed name (so URLs never change meaning and
 * can be cached forever), without variants. Used for generated images (the demo's SVGs); uploads go
 * through `uploadImage`, which checks and re-encodes them.
 */
export async function storeImage(deps: MediaDeps, img: { bytes: Buffer; ext: string; contentType: string; width: number; height: number }): Promise<StoredMedia> {
  const hash = createHash('sha256').update(img.bytes).digest('base64url').slice(0, 16);
  const fileName = `${hash}.${img.ext}`;
  await writeMediaFiles(deps.mediaDir, [{ file: fileName, bytes: img.bytes }]);
  await repo.insertMediaRow(deps.db, {
    id: newId(),
    file_name: fileName,
    content_type: img.contentType,
    width: img.width,
    height: img.height,
    byte_size: img.bytes.length,
    created_at: toDbTime(deps.clock.now()),
  });
  const id = (await repo.findMediaIdByFileName(deps.db, fileName))!;
  return { id, fileName, width: img.width, height: img.height };
}

export interface UploadResult {
  id: string;
  /** The same image was already in the library: this is its id, nothing new was stored. */
  duplicate: boolean;
}

/**
 * Checks an upload from its bytes, re-encodes it upright with no metadata (EXIF, GPS, XMP, ICC all
 * dropped), stores that master (what every page can show at once) and answers. The responsive
 * variants and focal-point crops are left to the `media-variants` job, enqueued with the row so
 * neither exists without the other (see make-variants.job.ts).
 * Errors are AppErrors: MEDIA_TOO_LARGE, MEDIA_NOT_AN_IMAGE, MEDIA_TOO_MANY_PIXELS, MEDIA_UNREADABLE.
 */
export async function uploadImage(deps: MediaDeps, upload: { bytes: Buffer; originalName: string; userId: string | null }): Promise<UploadResult> {
  const inspected = await inspectUpload(upload.bytes);
  const img = await decodeImage(upload.bytes);
  const fallback = fallbackFormatFor(inspected.format, img);
  const master = await encodeMaster(img, fallback);
  const existing = await repo.findMediaRowByFileName(deps.db, master.file);
  if (existing) {
    // Uploading an image whose sizes could not be made tries again.
    if (existing.variants_state === 'failed') await enqueueMakeVariants(deps.db, existing.id, deps.clock.now());
    return { id: existing.id, duplicate: true };
  }
  await writeMediaFiles(deps.mediaDir, [master]);
  const originalName = upload.originalName.slice(0, 255);
  const id = await deps.db.transaction().execute(async (trx) => {
    await repo.insertMediaRow(trx, {
      id: newId(),
      file_name: master.file,
      content_type: CONTENT_TYPES[fallback],
      width: img.width,
      height: img.height,
      byte_size: master.bytes.length,
      created_at: toDbTime(deps.clock.now()),
      original_name: originalName,
      search_text: normalizeSearchText(originalName),
      focal_x: FOCAL_SCALE / 2,
      focal_y: FOCAL_SCALE / 2,
      variants: '[]',
      variants_state: 'pending',
      uploaded_by_user_id: upload.userId,
    });
    // Two people uploading the same image at once: both end on the one row (and its one pending job).
    const stored = (await repo.findMediaIdByFileName(trx, master.file))!;
    await enqueueMakeVariants(trx, stored, deps.clock.now());
    return stored;
  });
  return { id, duplicate: false };
}

export interface MediaItem extends MediaImage {
  captionEn: string;
  captionAr: string;
  credit: string;
  altEn: string;
  altAr: string;
  originalName: string;
  byteSize: number;
  focal: { x: number; y: number };
  uploadedByUserId: string | null;
  createdAt: Date;
  /** Pending until the variants job has made the sizes and crops; failed if it gave up. */
  variantsState: VariantsState;
}

function toItem(r: repo.MediaRow): MediaItem {
  return {
    ...toMediaImage(r),
    captionEn: r.caption_en,
    captionAr: r.caption_ar,
    credit: r.credit,
    altEn: r.alt_en,
    altAr: r.alt_ar,
    originalName: r.original_name,
    byteSize: r.byte_size,
    focal: { x: r.focal_x / FOCAL_SCALE, y: r.focal_y / FOCAL_SCALE },
    uploadedByUserId: r.uploaded_by_user_id,
    createdAt: fromDbTime(r.created_at),
    variantsState: r.variants_state,
  };
}

export async function findMediaItem(db: Db, id: string): Promise<MediaItem | undefined> {
  const row = await repo.findMediaRowById(db, id);
  return row ? toItem(row) : undefined;
}

/** What a page needs to render one image with `ResponsiveImage`. */
export async function findMediaImage(db: Db, id: string): Promise<MediaImage | undefined> {
  return (await findMediaImages(db, [id])).get(id);
}

/** Several images at once (a list of story cards), by id. */
export async function findMediaImages(db: Db, ids: readonly string[]): Promise<Map<string, MediaImage>> {
  const rows = await repo.findMediaImageRows(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toMediaImage(r)]));
}

/** Library images by their master's file name, for an article body's `<img src="/media/<file>">`. */
export async function findMediaImagesByFileNames(db: Db, fileNames: readonly string[]): Promise<Map<string, MediaImage>> {
  const rows = await repo.findMediaImageRowsByFileNames(db, [...new Set(fileNames)]);
  return new Map(rows.map((r) => [r.file_name, toMediaImage(r)]));
}

export const MEDIA_PAGE_SIZE = 24;

/** The library, newest first, optionally searched (every word, in either language, any field). */
export async function listMedia(db: Db, opts: { q?: string; page: number }): Promise<{ items: MediaItem[]; total: number; pageCount: number }> {
  const words = searchWords(opts.q ?? '');
  const [rows, total] = await Promise.all([repo.searchMediaRows(db, words, MEDIA_PAGE_SIZE, (opts.page - 1) * MEDIA_PAGE_SIZE), repo.countMediaRows(db, words)]);
  return { items: rows.map(toItem), total, pageCount: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)) };
}

export const mediaDetailsSchema = z.object({
  captionEn: z.string().trim().max(500),
  captionAr: z.string().trim().max(500),
  credit: z.string().trim().max(200),
  altEn: z.string().trim().max(500),
  altAr: z.string().trim().max(500),
});
export type MediaDetails = z.infer<typeof mediaDetailsSchema>;

export async function updateMediaDetails(deps: MediaLibraryDeps, id: string, input: z.input<typeof mediaDetailsSchema>): Promise<void> {
  const v = mediaDetailsSchema.parse(input);
  const row = await repo.findMediaRowById(deps.db, id);
  if (!row) throw new AppError('MEDIA_NOT_FOUND', 404, 'error.notFound');
  await repo.updateMediaRow(deps.db, id, {
    caption_en: v.captionEn,
    caption_ar: v.captionAr,
    credit: v.credit,
    alt_en: v.altEn,
    alt_ar: v.altAr,
    search_text: normalizeSearchText([v.captionEn, v.captionAr, v.credit, v.altEn, v.altAr, row.original_name].join(' ')),
  });
}

export const focalPointSchema = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) });

/**
 * Moves the focal point and asks the `media-variants` job for the crops around it (the whole-image
 * sizes are kept). Pages keep showing the old crops until the new ones are made: the new crops get
 * new file names, and the old ones stay on disk (cached pages and CDNs may still point at them)
 * until the image is deleted.
 */
export async function setFocalPoint(deps: MediaLibraryDeps, id: string, input: { x: number; y: number }): Promise<void> {
  const focal = focalPointSchema.parse(input);
  const row = await repo.findMediaRowById(deps.db, id);
  if (!row) throw new AppError('MEDIA_NOT_FOUND', 404, 'error.notFound');
  if (!fallbackFormatOf(row.content_type)) throw new AppError('MEDIA_NO_CROPS', 422, 'admin.media.focalNotForSvg');
  const stored = { x: Math.round(focal.x * FOCAL_SCALE), y: Math.round(focal.y * FOCAL_SCALE) };
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateMediaRow(trx, id, { focal_x: stored.x, focal_y: stored.y, variants_state: 'pending' });
    await enqueueMakeVariants(trx, id, deps.clock.now());
  });
}

export interface MediaUsage {
  articles: { id: string; headline: string; language: string; status: string }[];
  people: { id: string; nameEn: string; nameAr: string }[];
}

export async function findMediaUsage(db: Db, id: string): Promise<MediaUsage | undefined> {
  const row = await repo.findMediaRowById(db, id);
  if (!row) return undefined;
  return usageOf(db, row);
}

async function usageOf(db: Db, row: repo.MediaRow): Promise<MediaUsage> {
  const [articles, people] = await Promise.all([repo.findArticlesUsingMedia(db, row.id, fileBaseOf(row.file_name)), repo.findPeopleUsingMedia(db, row.id)]);
  return { articles, people: people.map((p) => ({ id: p.id, nameEn: p.name_en, nameAr: p.name_ar })) };
}

const inUse = (u: MediaUsage) => u.articles.length > 0 || u.people.length > 0;

/**
 * Deletes an image nobody uses: its row, its master and every variant (old crops included).
 * In use (featured image, inside an article's body, a person's photo): refused with MEDIA_IN_USE,
 * whose details carry the usage.
 */
export async function deleteMedia(deps: MediaLibraryDeps, id: string): Promise<void> {
  const row = await repo.findMediaRowById(deps.db, id);
  if (!row) throw new AppError('MEDIA_NOT_FOUND', 404, 'error.notFound');
  const usage = await usageOf(deps.db, row);
  if (inUse(usage)) throw new AppError('MEDIA_IN_USE', 409, 'admin.media.inUse', { usage });
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.deleteMediaRow(trx, id);
      await cancelMakeVariants(trx, id);
    });
  } catch (err) {
    // Someone chose it as a featured image meanwhile: the foreign key refused; say who.
    const now = await usageOf(deps.db, row);
    if (inUse(now)) throw new AppError('MEDIA_IN_USE', 409, 'admin.media.inUse', { usage: now });
    throw err;
  }
  const prefix = variantPrefix(row.file_name);
  const names = (await readdir(deps.mediaDir).catch(() => [] as string[])).filter((f) => f.startsWith(prefix));
  const listed = parseVariants(row.variants).map((v: MediaVariant) => v.file);
  await Promise.all([...new Set([row.file_name, ...listed, ...names])].map((f) => rm(path.join(deps.mediaDir, f), { force: true })));
  await deps.bus.publish([mediaCacheTag(id)]);
}

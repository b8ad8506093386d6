import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import type { InvalidationBus } from '../../platform/cache/invalidation-bus.js';
import { cancelJobs, enqueueJob } from '../../platform/jobs/queue.js';
import { defineJob } from '../../platform/jobs/runner.js';
import { cropsAreFor, decodeImage, renderCrops, renderResponsive, toVariant, type EncodedFile } from './image-pipeline.js';
import { writeMediaFiles } from './media-files.js';
import { fallbackFormatOf, fileBaseOf, FOCAL_SCALE, mediaCacheTag, parseVariants, type MediaVariant } from './media.js';
import * as repo from './media.repo.js';

export const MEDIA_VARIANTS = 'media-variants';
const key = (mediaId: string) => `${MEDIA_VARIANTS}:${mediaId}`;

/**
 * Few attempts: a file that could not be made twice will not be made a third time, and until the
 * last one gives up the library says "Preparing sizes…". Retries wait 10 s, then 20 s.
 */
const MAX_ATTEMPTS = 3;

export interface MakeVariantsDeps {
  db: Db;
  mediaDir: string;
  bus: InvalidationBus;
}

/**
 * Asks for the image's missing variants, in the caller's transaction (the upload's, the focal
 * point's). One pending job per image: asking again while one waits changes nothing, since the
 * job reads what is missing when it runs.
 */
export async function enqueueMakeVariants(db: Db, mediaId: string, now: Date): Promise<void> {
  await enqueueJob(db, { name: MEDIA_VARIANTS, payload: { mediaId }, dedupeKey: key(mediaId), maxAttempts: MAX_ATTEMPTS }, now);
}

/** A deleted image needs no variants; a job already running finds the row gone and stops. */
export async function cancelMakeVariants(db: Db, mediaId: string): Promise<void> {
  await cancelJobs(db, key(mediaId));
}

/** What the image lacks, as its row says now. */
interface Missing {
  row: repo.MediaRow;
  whole: boolean;
  crops: boolean;
}

async function readMissing(db: Db, mediaId: string): Promise<Missing | 'gone'> {
  const row = await repo.findMediaRowById(db, mediaId);
  if (!row) return 'gone';
  // SVG drawings have no variants: nothing is ever missing.
  if (!fallbackFormatOf(row.content_type)) return { row, whole: false, crops: false };
  const listed = parseVariants(row.variants);
  const focal = { x: row.focal_x / FOCAL_SCALE, y: row.focal_y / FOCAL_SCALE };
  return { row, whole: !listed.some((v) => v.crop === 'original'), crops: !cropsAreFor(listed, fileBaseOf(row.file_name), focal) };
}

/**
 * Step one: makes and writes the files the image lacks (from its stored master), and returns the
 * variant list to record, or undefined when nothing is missing. Writes only: a crash after it
 * leaves complete files that nothing lists yet, and the next run writes the same names again.
 */
export async function writeMissingVariants(deps: MakeVariantsDeps, mediaId: string): Promise<{ row: repo.MediaRow; variants: MediaVariant[]; files: EncodedFile[] } | 'gone' | undefined> {
  const missing = await readMissing(deps.db, mediaId);
  if (missing === 'gone') return 'gone';
  const { row } = missing;
  if (!missing.whole && !missing.crops) return undefined;
  const fallback = fallbackFormatOf(row.content_type)!;
  const base = fileBaseOf(row.file_name);
  const img = await decodeImage(await readFile(path.join(deps.mediaDir, row.file_name)));
  const focal = { x: row.focal_x / FOCAL_SCALE, y: row.focal_y / FOCAL_SCALE };
  const [whole, crops] = await Promise.all([missing.whole ? renderResponsive(img, base, fallback) : [], missing.crops ? renderCrops(img, base, fallback, focal) : []]);
  const files = [...whole, ...crops];
  await writeMediaFiles(deps.mediaDir, files);
  const listed = parseVariants(row.variants);
  const variants = [
    ...(missing.whole ? whole.map(toVariant) : listed.filter((v) => v.crop === 'original')),
    ...(missing.crops ? crops.map(toVariant) : listed.filter((v) => v.crop !== 'original')),
  ];
  return { row, variants, files };
}

/** Article pages, and the lists and front pages that show their stories, carry these. */
async function pagesShowing(db: Db, row: repo.MediaRow): Promise<string[]> {
  const articles = await repo.findArticlesUsingMedia(db, row.id, fileBaseOf(row.file_name));
  return [mediaCacheTag(row.id), ...articles.map((a) => `article:${a.id}`)];
}

/**
 * Makes whatever variants an image lacks (the whole image at every width, the crops around its
 * current focal point), then records them and marks it ready: files first, row last, so a listed
 * file always exists. Safe to run twice (a complete image makes nothing) and after a crash half-way
 * (the files are made again under the same names). If the focal point moves while it works, the
 * record is refused and it starts over with the new point.
 */
export async function makeVariants(deps: MakeVariantsDeps, mediaId: string): Promise<'made' | 'complete' | 'gone'> {
  for (let round = 0; round < 3; round++) {
    const made = await writeMissingVariants(deps, mediaId);
    if (made === 'gone') return 'gone';
    if (!made) {
      const missing = await readMissing(deps.db, mediaId);
      if (missing === 'gone') return 'gone';
      if (missing.row.variants_state === 'ready' || (await repo.recordVariantsIfUnchanged(deps.db, missing.row, missing.row.variants))) return 'complete';
      continue;
    }
    if (await repo.recordVariantsIfUnchanged(deps.db, made.row, JSON.stringify(made.variants))) {
      // Pages cached with the master alone (or the old crops) are rendered again with the new files.
      await deps.bus.publish(await pagesShowing(deps.db, made.row));
      return 'made';
    }
    // Deleted meanwhile: its files were removed before these were written; remove these too.
    if (!(await repo.findMediaRowById(deps.db, mediaId))) {
      await Promise.all(made.files.map((f) => rm(path.join(deps.mediaDir, f.file), { force: true })));
      return 'gone';
    }
  }
  throw new Error(`media ${mediaId} changed during every round; the next attempt tries again`);
}

/**
 * The `media-variants` job. Its last attempt marks the image failed before it starts and ready only
 * if it finishes, so an attempt that kills its worker (a huge image, out of memory) still ends as
 * failed in the library rather than "Preparing sizes…" for ever. The master keeps serving either way.
 * One image at a time per process: sharp already keeps both cores busy with one, and a second at
 * once only doubles the memory (a 40-megapixel image is 120 MB decoded).
 */
export const makeVariantsJob = (deps: MakeVariantsDeps) => {
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => {});
    return run;
  };
  return defineJob({
    schema: z.object({ mediaId: z.string().min(1) }),
    async run({ mediaId }, ctx) {
      if (ctx.attempt >= ctx.maxAttempts) await repo.markVariantsFailed(deps.db, mediaId);
      const outcome = await oneAtATime(() => makeVariants(deps, mediaId));
      ctx.log.debug({ mediaId, outcome }, 'media variants');
    },
  });
};

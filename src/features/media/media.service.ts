import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db-schema.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import { findMediaIdByFileName, insertMediaRow } from './media.repo.js';

export interface MediaDeps {
  db: Db;
  clock: Clock;
  mediaDir: string;
}

export interface StoredMedia {
  id: string;
  fileName: string;
  width: number;
  height: number;
}

/**
 * Stores already-validated image bytes under a content-hashed name (so URLs never change meaning and
 * can be cached forever). Upload validation and re-encoding belong to the newsroom's media library.
 */
export async function storeImage(deps: MediaDeps, img: { bytes: Buffer; ext: string; contentType: string; width: number; height: number }): Promise<StoredMedia> {
  const hash = createHash('sha256').update(img.bytes).digest('base64url').slice(0, 16);
  const fileName = `${hash}.${img.ext}`;
  await mkdir(deps.mediaDir, { recursive: true });
  await writeFile(path.join(deps.mediaDir, fileName), img.bytes);
  await insertMediaRow(deps.db, {
    id: newId(),
    file_name: fileName,
    content_type: img.contentType,
    width: img.width,
    height: img.height,
    byte_size: img.bytes.length,
    created_at: toDbTime(deps.clock.now()),
  });
  const id = (await findMediaIdByFileName(deps.db, fileName))!;
  return { id, fileName, width: img.width, height: img.height };
}

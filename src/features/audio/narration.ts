import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { parseBuffer } from 'music-metadata';
import { AppError } from '../../platform/errors.js';
import * as repo from './audio.repo.js';
import { audioRow, type AudioDeps } from './audio.service.js';

export const NARRATION_MAX_BYTES = 100 * 1024 * 1024;

/** The four kinds a newsroom records in, recognised by their bytes (never by the name the file came with). */
const NARRATION_TYPES: Record<string, { ext: string; contentType: string }> = {
  mp3: { ext: 'mp3', contentType: 'audio/mpeg' },
  m4a: { ext: 'm4a', contentType: 'audio/mp4' },
  mp4: { ext: 'm4a', contentType: 'audio/mp4' },
  ogg: { ext: 'ogg', contentType: 'audio/ogg' },
  opus: { ext: 'ogg', contentType: 'audio/ogg' },
  oga: { ext: 'ogg', contentType: 'audio/ogg' },
  wav: { ext: 'wav', contentType: 'audio/wav' },
};

/**
 * A recorded narration replaces the synthetic voice: checked from its bytes, its duration read from
 * the file itself, stored under a content-hashed name. The synthetic file, if any, is removed.
 */
export async function saveNarration(deps: AudioDeps, articleId: string, bytes: Buffer): Promise<void> {
  if (!bytes.length) throw new AppError('AUDIO_NO_FILE', 422, 'admin.audio.noFile');
  if (bytes.length > NARRATION_MAX_BYTES) throw new AppError('AUDIO_TOO_LARGE', 413, 'admin.audio.tooLarge');
  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected && NARRATION_TYPES[detected.ext];
  if (!kind) throw new AppError('AUDIO_NOT_AUDIO', 422, 'admin.audio.notAudio');
  const meta = await parseBuffer(bytes, { mimeType: kind.contentType }, { duration: true }).catch(() => undefined);
  const seconds = meta?.format.duration;
  if (!seconds || !Number.isFinite(seconds) || seconds <= 0) throw new AppError('AUDIO_NOT_AUDIO', 422, 'admin.audio.notAudio');
  const fileName = `${articleId}-n${createHash('sha256').update(bytes).digest('hex').slice(0, 15)}.${kind.ext}`;
  await mkdir(deps.audioDir, { recursive: true });
  await writeFile(path.join(deps.audioDir, fileName), bytes);
  const existing = await repo.findAudioRow(deps.db, articleId);
  await repo.saveAudioRow(
    deps.db,
    audioRow(articleId, deps.clock.now(), { state: 'ready', source: 'narration', file_name: fileName, content_type: kind.contentType, bytes: bytes.length, duration_ms: Math.round(seconds * 1000) }),
  );
  if (existing?.file_name && existing.file_name !== fileName) await rm(path.join(deps.audioDir, existing.file_name), { force: true });
  await deps.bus.publish([`article:${articleId}`]);
}

/** Switches the article's audio off (the file goes) or back on (synthetic audio is made again). */
export async function setAudioOff(deps: AudioDeps, articleId: string, off: boolean): Promise<void> {
  const existing = await repo.findAudioRow(deps.db, articleId);
  if (off) {
    if (existing?.file_name) await rm(path.join(deps.audioDir, existing.file_name), { force: true });
    await repo.saveAudioRow(deps.db, audioRow(articleId, deps.clock.now(), { state: 'off' }));
  } else {
    await deps.db.deleteFrom('article_audio').where('article_id', '=', articleId).execute();
  }
  await deps.bus.publish([`article:${articleId}`]);
}

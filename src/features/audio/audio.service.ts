import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db-schema.js';
import type { InvalidationBus } from '../../platform/cache/invalidation-bus.js';
import type { Clock } from '../../platform/clock.js';
import { toDbTime } from '../../platform/db/time.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import type { Logger } from '../../platform/log.js';
import { currentArticleInput, type ArticleIndexer } from '../articles/index.js';
import * as repo from './audio.repo.js';
import type { ArticleAudioTable } from './audio.table.js';
import { articleSpeechText, SpeechError, speechTextHash, type SpeechProvider } from './speech/index.js';

export const MAKE_ARTICLE_AUDIO = 'make-article-audio';
const jobKey = (articleId: string) => `${MAKE_ARTICLE_AUDIO}:${articleId}`;

export interface AudioDeps {
  db: Db;
  bus: InvalidationBus;
  clock: Clock;
  log: Logger;
  /** Where audio files live (served by /audio/:file). */
  audioDir: string;
  /** Undefined when audio is switched off for the whole site (AUDIO_PROVIDER=off). */
  speech: SpeechProvider | undefined;
}

/** Synthetic audio files: the article id and the hash of the text, so a changed text gets a new URL. */
export function syntheticFileName(articleId: string, hash: string): string {
  return `${articleId}-${hash.slice(0, 16)}.mp3`;
}

/**
 * Enqueues audio for an article whenever it changes while published, in the change's transaction.
 * The job decides whether there is anything to do (the text's hash), so a change of section or tags
 * costs one cheap job and no synthesis.
 */
export function audioIndexer(clock: Clock, enabled: boolean): ArticleIndexer {
  return {
    async articleChanged(trx, articleId) {
      if (!enabled) return [];
      const row = await trx.selectFrom('articles').select('status').where('id', '=', articleId).executeTakeFirst();
      if (row?.status === 'published') await enqueueJob(trx, { name: MAKE_ARTICLE_AUDIO, payload: { articleId }, dedupeKey: jobKey(articleId) }, clock.now());
      return [];
    },
  };
}

/** Whether a run of the audio job for this article is waiting or under way. */
export async function audioQueued(db: Db, articleId: string): Promise<boolean> {
  const job = await db.selectFrom('jobs').select('id').where('dedupe_key', '=', jobKey(articleId)).where('status', 'in', ['pending', 'running']).executeTakeFirst();
  return job !== undefined;
}

export async function requestAudio(db: Db, clock: Clock, articleId: string): Promise<void> {
  await enqueueJob(db, { name: MAKE_ARTICLE_AUDIO, payload: { articleId }, dedupeKey: jobKey(articleId) }, clock.now());
}

// One synthesis at a time per process: it is CPU-bound (or a remote service's quota), and the web
// process serving readers shares the machine.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/** An article's audio row: nothing known yet, then the given fields. */
export function audioRow(articleId: string, now: Date, fields: Partial<ArticleAudioTable>): ArticleAudioTable {
  return {
    article_id: articleId,
    state: 'pending',
    source: 'synthetic',
    file_name: null,
    content_type: null,
    bytes: null,
    duration_ms: null,
    text_hash: null,
    provider: null,
    error: null,
    updated_at: toDbTime(now),
    ...fields,
  };
}

/**
 * The job: makes the article's synthetic audio unless it is unpublished, switched off, narrated by a
 * person, or already made from this exact text. Safe to run twice: the file is written under a
 * temporary name and renamed, and the row is written after the file exists.
 */
export async function makeArticleAudio(deps: AudioDeps, articleId: string): Promise<'made' | 'unchanged' | 'skipped'> {
  if (!deps.speech) return 'skipped';
  const status = await deps.db.selectFrom('articles').select('status').where('id', '=', articleId).executeTakeFirst();
  if (status?.status !== 'published') return 'skipped';
  const existing = await repo.findAudioRow(deps.db, articleId);
  if (existing?.state === 'off' || existing?.source === 'narration') return 'skipped';
  const article = await currentArticleInput(deps.db, articleId);
  const text = articleSpeechText({ language: article.language, headline: article.headline, standfirst: article.standfirst ?? '', document: article.body as never });
  const hash = speechTextHash(text);
  if (existing?.state === 'ready' && existing.text_hash === hash) return 'unchanged';
  const speech = deps.speech;
  return oneAtATime(async () => {
    // The previous file keeps playing while the new one is made.
    await repo.saveAudioRow(deps.db, { ...audioRow(articleId, deps.clock.now(), existing ?? {}), state: 'pending', error: null, updated_at: toDbTime(deps.clock.now()) });
    const fileName = syntheticFileName(articleId, hash);
    const finalPath = path.join(deps.audioDir, fileName);
    const partPath = `${finalPath}.part`;
    const started = Date.now();
    await mkdir(deps.audioDir, { recursive: true });
    try {
      const result = await speech.synthesize(text, partPath);
      await rename(partPath, finalPath);
      await repo.saveAudioRow(
        deps.db,
        audioRow(articleId, deps.clock.now(), { state: 'ready', file_name: fileName, content_type: 'audio/mpeg', bytes: result.bytes, duration_ms: result.durationMs, text_hash: hash, provider: speech.name }),
      );
      if (existing?.file_name && existing.file_name !== fileName) await rm(path.join(deps.audioDir, existing.file_name), { force: true });
      deps.log.info({ articleId, provider: speech.name, durationMs: result.durationMs, workMs: Date.now() - started }, 'article audio made');
      await deps.bus.publish([`article:${articleId}`]);
      return 'made' as const;
    } catch (err) {
      await rm(partPath, { force: true });
      const message = err instanceof Error ? err.message : String(err);
      await repo.saveAudioRow(deps.db, { ...audioRow(articleId, deps.clock.now(), existing ?? {}), state: 'failed', error: message.slice(0, 500), updated_at: toDbTime(deps.clock.now()) });
      // A temporary failure (a busy service) is retried by the queue; a permanent one waits for a person.
      if (err instanceof SpeechError && !err.temporary) return 'skipped' as const;
      throw err;
    }
  });
}

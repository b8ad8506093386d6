import { webSubIndexer } from './features/feeds/index.js';
import { postEventBody } from './features/ghost-api/index.js';
import { webhookIndexer } from './features/webhooks/index.js';
import path from 'node:path';
import type { Config } from './config.js';
import type { DB, Db } from './db-schema.js';
import { loadAssets, type Assets } from './http/assets.js';
import { createBus, type InvalidationBus } from './platform/cache/invalidation-bus.js';
import { PageCache } from './platform/cache/page-cache.js';
import { systemClock, type Clock } from './platform/clock.js';
import { openDatabase, type Database } from './platform/db/database.js';
import type { Logger } from './platform/log.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import { createJobScheduler, type ArticleIndexer, type AudioLookup, type Scheduler } from './features/articles/index.js';
import { audioIndexer, audioLookup, createSpeechProvider, type SpeechProvider } from './features/audio/index.js';
import { searchIndexer } from './features/search/index.js';

/** Everything stateful, built once at start and passed down as arguments (no singletons). */
export interface Deps {
  config: Config;
  log: Logger;
  database: Database<DB>;
  db: Db;
  pageCache: PageCache;
  bus: InvalidationBus;
  assets: Assets;
  clock: Clock;
  mediaDir: string;
  mailer: Mailer;
  scheduler: Scheduler;
  /** Keeps the search index and article audio in step with articles, inside their transactions. */
  indexer: ArticleIndexer;
  /** Article audio: what the article page plays, and the speech provider the job uses (none when off). */
  audio: AudioLookup;
  speech: SpeechProvider | undefined;
  audioDir: string;
}

/** Several indexers as one: each sees every change; the articles whose pages changed are gathered. */
function allOf(...indexers: ArticleIndexer[]): ArticleIndexer {
  return {
    async articleChanged(trx, id) {
      const changed: string[] = [];
      for (const indexer of indexers) changed.push(...(await indexer.articleChanged(trx, id)));
      return changed;
    },
  };
}

export async function createDeps(config: Config, log: Logger, overrides: { clock?: Clock } = {}): Promise<Deps> {
  const database = await openDatabase<DB>(config.database, log);
  const pageCache = new PageCache(config.pageCache.maxEntries, config.pageCache.maxBytes);
  const clock = overrides.clock ?? systemClock;
  const bus = await createBus(database.kind, config.database.kind === 'postgres' ? config.database.url : undefined, pageCache, log);
  return {
    config,
    log,
    database,
    db: database.db,
    pageCache,
    bus,
    assets: loadAssets(),
    clock,
    mediaDir: path.join(config.dataDir, 'media'),
    mailer: createMailer(config.mail, log),
    scheduler: createJobScheduler(clock),
    indexer: allOf(
      searchIndexer(clock),
      audioIndexer(clock, config.audio.provider !== 'off'),
      webSubIndexer(clock),
      // Webhook bodies carry the story's absolute URLs: the public address, or this server's own.
      webhookIndexer(clock, (db, id) => postEventBody(db, id, config.publicUrl ?? `http://localhost:${config.port}`)),
    ),
    audio: audioLookup,
    speech: createSpeechProvider(config.audio, log),
    audioDir: config.audio.dir,
  };
}

export async function closeDeps(deps: Deps): Promise<void> {
  await deps.mailer.close();
  await deps.bus.close();
  await deps.database.destroy();
}

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
import { createJobScheduler, type ArticleIndexer, type Scheduler } from './features/articles/index.js';
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
  /** Keeps the search index in step with articles, inside their transactions. */
  indexer: ArticleIndexer;
}

export async function createDeps(config: Config, log: Logger, overrides: { clock?: Clock } = {}): Promise<Deps> {
  const database = await openDatabase<DB>(config.database, log);
  const pageCache = new PageCache(config.pageCache.maxEntries, config.pageCache.maxBytes);
  const bus = await createBus(database.kind, config.database.kind === 'postgres' ? config.database.url : undefined, pageCache, log);
  return {
    config,
    log,
    database,
    db: database.db,
    pageCache,
    bus,
    assets: loadAssets(),
    clock: overrides.clock ?? systemClock,
    mediaDir: path.join(config.dataDir, 'media'),
    mailer: createMailer(config.mail, log),
    scheduler: createJobScheduler(overrides.clock ?? systemClock),
    indexer: searchIndexer(overrides.clock ?? systemClock),
  };
}

export async function closeDeps(deps: Deps): Promise<void> {
  await deps.mailer.close();
  await deps.bus.close();
  await deps.database.destroy();
}

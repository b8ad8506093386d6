import type { Logger } from '../log.js';
import type { PageCache } from './page-cache.js';

/**
 * Tells every web process which page-cache tags changed. On SQLite there is one process, so the bus
 * is local; on PostgreSQL it broadcasts with NOTIFY so N stateless instances stay coherent.
 */
export interface InvalidationBus {
  publish(tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export function createLocalBus(cache: PageCache): InvalidationBus {
  return {
    async publish(tags) {
      cache.invalidate(tags);
    },
    async close() {},
  };
}

export async function createBus(kind: 'sqlite' | 'postgres', url: string | undefined, cache: PageCache, log: Logger): Promise<InvalidationBus> {
  if (kind === 'postgres' && url) {
    const { createPostgresBus } = await import('./invalidation-bus.postgres.js');
    return createPostgresBus(url, cache, log);
  }
  return createLocalBus(cache);
}

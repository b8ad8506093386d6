import pg from 'pg';
import type { Logger } from '../log.js';
import type { InvalidationBus } from './invalidation-bus.js';
import type { PageCache } from './page-cache.js';

const CHANNEL = 'arabpress_page_cache';
// NOTIFY payloads are limited to 8000 bytes; larger tag lists are sent in several notifications.
const MAX_PAYLOAD = 7000;

/** LISTEN on one dedicated connection; reconnects, and on reconnect clears the cache (messages may have been missed). */
export async function createPostgresBus(url: string, cache: PageCache, log: Logger): Promise<InvalidationBus> {
  let client: pg.Client | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        cache.invalidate(JSON.parse(msg.payload) as string[]);
      } catch (err) {
        log.warn({ err }, 'bad page-cache notification; clearing cache');
        cache.clear();
      }
    });
    c.on('error', (err) => {
      log.error({ err }, 'page-cache listener lost its connection');
      client = undefined;
      cache.clear();
      if (!closed) setTimeout(() => void connect().catch((e: unknown) => log.error({ err: e }, 'reconnect failed')), 1000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    client = c;
  };
  await connect();

  const sender = new pg.Pool({ connectionString: url, max: 1 });
  return {
    async publish(tags) {
      // Invalidate locally at once so this process never serves a stale page after its own write.
      cache.invalidate(tags);
      for (const chunk of chunkTags(tags)) {
        await sender.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(chunk)]);
      }
    },
    async close() {
      closed = true;
      await client?.end().catch(() => {});
      await sender.end();
    },
  };
}

function chunkTags(tags: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 2;
  for (const tag of tags) {
    if (size + tag.length + 3 > MAX_PAYLOAD && current.length) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(tag);
    size += tag.length + 3;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db-schema.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import { defineJob } from '../../platform/jobs/runner.js';
import type { Logger } from '../../platform/log.js';
import { articleListingPaths, type ArticleIndexer } from '../articles/index.js';
import { FEED_FORMATS, feedPath, type FeedFormat } from '../site/index.js';
import { getSiteSettings } from '../site-settings/index.js';

export const PING_WEBSUB_HUB = 'ping-websub-hub';

/**
 * WebSub (W3C): when a story is published, changed or taken down, the site's hub (settings) is told
 * which feeds changed, and it tells the readers subscribed to them at once. Queued in the change's
 * transaction, sent by a job afterwards, so a slow or absent hub never holds up the newsroom; a failed
 * ping is retried by the job runner with backoff.
 */
export function webSubIndexer(clock: { now(): Date }): ArticleIndexer {
  return {
    async articleChanged(trx, articleId) {
      if ((await getSiteSettings(trx)).webSubHub) {
        await enqueueJob(trx, { name: PING_WEBSUB_HUB, payload: { articleId }, dedupeKey: `${PING_WEBSUB_HUB}:${articleId}` }, clock.now());
      }
      return [];
    },
  };
}

/** Every format of every feed the article is listed in, as absolute URLs (the hub's "topics"). */
export async function changedFeedUrls(db: Db, origin: string, articleId: string): Promise<string[]> {
  const listings = await articleListingPaths(db, articleId);
  return listings.flatMap((listing) => (Object.keys(FEED_FORMATS) as FeedFormat[]).map((f) => origin + feedPath(listing, f)));
}

/** The job: one publish request naming every changed feed (hub.url repeated, as hubs accept). */
export const pingWebSubHubJob = (deps: { db: Db; config: Config; log: Logger }) =>
  defineJob({
    schema: z.object({ articleId: z.string() }),
    async run({ articleId }) {
      const hub = (await getSiteSettings(deps.db)).webSubHub;
      if (!hub) return;
      // Topics are the feeds' public addresses: without PUBLIC_URL the site does not know them.
      if (!deps.config.publicUrl) {
        deps.log.warn({ hub }, 'WebSub hub set but PUBLIC_URL is not: the hub was not pinged');
        return;
      }
      const body = new URLSearchParams([['hub.mode', 'publish'], ...(await changedFeedUrls(deps.db, deps.config.publicUrl, articleId)).map((u) => ['hub.url', u] as [string, string])]);
      const res = await fetch(hub, { method: 'POST', body, signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`WebSub hub answered ${res.status}`);
    },
  });

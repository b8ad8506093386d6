import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { dialectOf } from '../../platform/db/dialect.js';
import { toDbTime } from '../../platform/db/time.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import { defineJob } from '../../platform/jobs/runner.js';
import type { Logger } from '../../platform/log.js';
import { articleSearchSource, publishedArticleIds, storedRelatedIds as storedRelated, type ArticleIndexer, type ArticleSearchSource } from '../articles/index.js';
import * as postgresStore from './index-store.postgres.js';
import * as sqliteStore from './index-store.sqlite.js';
import { updateRelatedArticles } from './related.js';
import { adjustTermCounts, replaceTermCounts } from './term-stats.js';

/**
 * Bump when the analyzer's output or the index's layout changes (a rule, a protected name, a column):
 * the index is then rebuilt on the next start, because documents indexed by the old rules would not
 * match queries analyzed by the new.
 */
export const ANALYZER_VERSION = 3;

const storeOf = (db: Db) => (dialectOf(db) === 'postgres' ? postgresStore : sqliteStore);

/**
 * Indexed while published, absent otherwise; the related-articles term counts follow (only the terms
 * that came or went are touched). `rebuild` collects the terms instead, counted once at the end.
 */
async function indexOnly(trx: Db, id: string, now: Date, rebuild?: RebuildCounts): Promise<ArticleSearchSource | undefined> {
  const store = storeOf(trx);
  const source = await articleSearchSource(trx, id);
  const before = await store.removeRow(trx, id);
  const after = source?.status === 'published' ? await store.writeRow(trx, source, now) : new Set<string>();
  if (rebuild) {
    for (const t of after) rebuild.terms.set(t, (rebuild.terms.get(t) ?? 0) + 1);
    if (after.size) rebuild.documents++;
  } else {
    await adjustTermCounts(trx, before, after);
  }
  return source;
}

interface RebuildCounts {
  terms: Map<string, number>;
  documents: number;
}

export const UPDATE_RELATED_ARTICLES = 'update-related-articles';

/**
 * Brings one article's index entry in line with the article, in the change's transaction, and queues
 * its related list: computing it ranks a thousand stories (related.ts), which a publish should not wait
 * for. The job then recomputes the lists of the stories it now lists, so an older story shows the newer
 * one most like it. An article taken down loses its list at once.
 */
export async function reindexArticle(trx: Db, id: string, now: Date): Promise<string[]> {
  const source = await indexOnly(trx, id, now);
  if (!source) return [];
  if (source.status !== 'published') await updateRelatedArticles(trx, source);
  else await enqueueJob(trx, { name: UPDATE_RELATED_ARTICLES, payload: { articleIds: [id], neighbours: true }, dedupeKey: `${UPDATE_RELATED_ARTICLES}:${id}` }, now);
  return [];
}

/**
 * The job: recomputes the given articles' related lists (and, with `neighbours`, the lists of the
 * stories they now list) and refreshes the pages whose list changed.
 */
export const updateRelatedArticlesJob = (deps: { db: Db; bus: { publish(tags: string[]): Promise<void> } }) =>
  defineJob({
    schema: z.object({ articleIds: z.array(z.string()).max(50), neighbours: z.boolean().optional() }),
    async run({ articleIds, neighbours }) {
      const changed: string[] = [];
      const recompute = async (id: string): Promise<string[]> =>
        deps.db.transaction().execute(async (trx) => {
          const source = await articleSearchSource(trx, id);
          if (!source) return [];
          const before = await storedRelated(trx, id);
          const after = await updateRelatedArticles(trx, source);
          if (before.join() !== after.join()) changed.push(id);
          return after;
        });
      for (const id of articleIds) {
        const listed = await recompute(id);
        if (neighbours) for (const other of listed) await recompute(other);
      }
      if (changed.length) await deps.bus.publish(changed.map((id) => `article:${id}`));
    },
  });

/** What the articles feature is given: every change to an article updates the index in its transaction. */
export function searchIndexer(clock: { now(): Date }): ArticleIndexer {
  return { articleChanged: (trx, id) => reindexArticle(trx, id, clock.now()) };
}

export const REBUILD_SEARCH_INDEX = 'rebuild-search-index';

async function builtVersion(db: Db): Promise<number | undefined> {
  const state = await sql<{ analyzer_version: number }>`SELECT analyzer_version FROM search_index_state WHERE id = 1`.execute(db);
  return state.rows[0]?.analyzer_version;
}

async function markBuilt(db: Db, now: Date): Promise<void> {
  await sql`DELETE FROM search_index_state`.execute(db);
  await sql`INSERT INTO search_index_state (id, analyzer_version, built_at) VALUES (1, ${ANALYZER_VERSION}, ${toDbTime(now)})`.execute(db);
}

/**
 * At start: an index built by this analyzer needs nothing; an empty newsroom is marked built (every
 * article from now on is indexed as it changes); otherwise a rebuild job is queued, so a large archive
 * is re-indexed by the worker in the background instead of delaying the first page.
 */
export async function prepareSearchIndex(db: Db, now: Date): Promise<'current' | 'queued'> {
  if ((await builtVersion(db)) === ANALYZER_VERSION) return 'current';
  if (!(await publishedArticleIds(db, null, 1)).length) {
    await markBuilt(db, now);
    return 'current';
  }
  await enqueueJob(db, { name: REBUILD_SEARCH_INDEX, payload: {}, dedupeKey: REBUILD_SEARCH_INDEX }, now);
  return 'queued';
}

/**
 * Rebuilds the whole index and every related list, in batches so no transaction grows huge. Two
 * passes: related lists are ranked against the whole index, so it must be complete first.
 */
export async function rebuildSearchIndex(db: Db, log: Logger, now: Date, options: { related?: boolean } = {}): Promise<void> {
  const started = Date.now();
  await storeOf(db).clearRows(db);
  const counts: RebuildCounts = { terms: new Map(), documents: 0 };
  for (const pass of options.related === false ? (['index'] as const) : (['index', 'related'] as const)) {
    for (let after: string | null = null; ; ) {
      const ids = await publishedArticleIds(db, after, 200);
      if (!ids.length) break;
      await db.transaction().execute(async (trx) => {
        for (const id of ids) {
          if (pass === 'index') await indexOnly(trx, id, now, counts);
          else await updateRelatedArticles(trx, (await articleSearchSource(trx, id))!);
        }
      });
      after = ids.at(-1)!;
    }
    // Related lists weigh terms by these counts, so they are complete before that pass.
    if (pass === 'index') await replaceTermCounts(db, counts.terms, counts.documents);
  }
  // PostgreSQL plans with statistics; a table just filled has none until autovacuum gets to it.
  if (dialectOf(db) === 'postgres') await sql`ANALYZE article_search`.execute(db);
  await markBuilt(db, now);
  log.info({ articles: counts.documents, ms: Date.now() - started, analyzerVersion: ANALYZER_VERSION }, 'search index built');
}

export const rebuildSearchIndexJob = (deps: { db: Db; log: Logger; clock: { now(): Date } }) =>
  defineJob({
    schema: z.object({}),
    async run() {
      await rebuildSearchIndex(deps.db, deps.log, deps.clock.now());
    },
  });

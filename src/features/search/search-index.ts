import { sql } from 'kysely';
import type { Db } from '../../db-schema.js';
import { dialectOf } from '../../platform/db/dialect.js';
import { toDbTime } from '../../platform/db/time.js';
import type { Logger } from '../../platform/log.js';
import { articleSearchSource, publishedArticleIds, storedRelatedIds as storedRelated, type ArticleIndexer, type ArticleSearchSource } from '../articles/index.js';
import { analyzeText, indexableText } from './analysis/index.js';
import { updateRelatedArticles } from './related.js';
import { toTsvectorLiteral } from './tsvector.js';

/**
 * Bump when the analyzer's output changes (a rule, a protected name): the index is then rebuilt on the
 * next start, because documents indexed by the old rules would not match queries analyzed by the new.
 */
export const ANALYZER_VERSION = 1;

async function removeFromIndex(trx: Db, id: string): Promise<void> {
  await sql`DELETE FROM article_search WHERE article_id = ${id}`.execute(trx);
}

async function writeToIndex(trx: Db, a: ArticleSearchSource): Promise<void> {
  await removeFromIndex(trx, a.id);
  if (dialectOf(trx) === 'postgres') {
    const document = toTsvectorLiteral([
      { words: analyzeText(a.headline), weight: 'A' },
      { words: analyzeText(a.standfirst), weight: 'B' },
      { words: analyzeText(a.meta), weight: 'C' },
      { words: analyzeText(a.bodyText), weight: 'D' },
    ]);
    await sql`INSERT INTO article_search (article_id, document) VALUES (${a.id}, ${document}::tsvector)`.execute(trx);
    return;
  }
  const [headline, standfirst, body, meta] = [a.headline, a.standfirst, a.bodyText, a.meta].map(indexableText) as [ReturnType<typeof indexableText>, ReturnType<typeof indexableText>, ReturnType<typeof indexableText>, ReturnType<typeof indexableText>];
  await sql`INSERT INTO article_search (article_id, headline_exact, headline_stems, standfirst_exact, standfirst_stems, body_exact, body_stems, meta_exact, meta_stems)
    VALUES (${a.id}, ${headline.exact}, ${headline.stems}, ${standfirst.exact}, ${standfirst.stems}, ${body.exact}, ${body.stems}, ${meta.exact}, ${meta.stems})`.execute(trx);
}

/** Indexed while published, absent otherwise. */
async function indexOnly(trx: Db, id: string): Promise<ArticleSearchSource | undefined> {
  const source = await articleSearchSource(trx, id);
  if (source?.status === 'published') await writeToIndex(trx, source);
  else await removeFromIndex(trx, id);
  return source;
}

/**
 * Brings one article's index entry and related list in line with the article. The articles it now
 * lists as related get their lists recomputed too, so an older story shows the newer one most like
 * it; their ids are returned so their cached pages are refreshed.
 */
export async function reindexArticle(trx: Db, id: string): Promise<string[]> {
  const source = await indexOnly(trx, id);
  if (!source) return [];
  const related = await updateRelatedArticles(trx, source);
  const changed: string[] = [];
  for (const other of related) {
    const otherSource = await articleSearchSource(trx, other);
    const before = await storedRelated(trx, other);
    const after = otherSource ? await updateRelatedArticles(trx, otherSource) : [];
    if (before.join() !== after.join()) changed.push(other);
  }
  return changed;
}

/** What the articles feature is given: every change to an article updates the index in its transaction. */
export const searchIndexer: ArticleIndexer = { articleChanged: reindexArticle };

/**
 * Rebuilds the whole index when it was built by another analyzer version (or never), in batches so a
 * large archive neither holds one huge transaction nor blocks start-up for long. Run at start.
 */
export async function ensureSearchIndex(db: Db, log: Logger, now: Date): Promise<void> {
  const state = await sql<{ analyzer_version: number }>`SELECT analyzer_version FROM search_index_state WHERE id = 1`.execute(db);
  if (state.rows[0]?.analyzer_version === ANALYZER_VERSION) return;
  const started = Date.now();
  await sql`DELETE FROM article_search`.execute(db);
  let count = 0;
  // Two passes: related lists are ranked against the whole index, so it must be complete first.
  for (const pass of ['index', 'related'] as const) {
    for (let after: string | null = null; ; ) {
      const ids = await publishedArticleIds(db, after, 200);
      if (!ids.length) break;
      await db.transaction().execute(async (trx) => {
        for (const id of ids) {
          if (pass === 'index') await indexOnly(trx, id);
          else await updateRelatedArticles(trx, (await articleSearchSource(trx, id))!);
        }
      });
      if (pass === 'index') count += ids.length;
      after = ids.at(-1)!;
    }
  }
  await sql`DELETE FROM search_index_state`.execute(db);
  await sql`INSERT INTO search_index_state (id, analyzer_version, built_at) VALUES (1, ${ANALYZER_VERSION}, ${toDbTime(now)})`.execute(db);
  log.info({ articles: count, ms: Date.now() - started, analyzerVersion: ANALYZER_VERSION }, 'search index built');
}

/**
 * `npm run bench:search`: search over a large archive on SQLite and PostgreSQL. Fills 100,000 generated
 * articles (BENCH_SEARCH_ARTICLES to change it; 70 % English, 30 % Arabic) through the benchmark
 * seeder, builds the index as the rebuild job would, then measures in process, one query at a time:
 * - search: p50/p95 of the site's searchArticles over fixed English and Arabic queries (target p95 ≤ 50 ms);
 * - index update on publish: p50/p95 of reindexArticle in a transaction, which is what publishing or
 *   editing adds: the index entry and its term counts, and queueing the related-articles job (≤ 50 ms);
 * - related articles: p50/p95 of computing one article's list, what that job does per article.
 * Figures only; a miss is printed, never failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { closeDeps, createDeps } from '../src/deps.js';
import { articleSearchSource } from '../src/features/articles/index.js';
import { reindexArticle } from '../src/features/search/index.js';
import { updateRelatedArticles } from '../src/features/search/related.js';
import { searchArticles } from '../src/features/search/search.service.js';
import { createLogger } from '../src/platform/log.js';
import { POSTGRES_ADMIN_URL, postgresAvailable, postgresUrlFor } from '../tests/databases.js';
import { createRng, pick } from './corpus.js';
import { seedDatabase } from './seed.js';

const ARTICLES = Number(process.env['BENCH_SEARCH_ARTICLES'] ?? 100_000);
const SAMPLES = 200;
const TARGET_MS = 50;
const QUERIES = {
  en: ['oil', 'ceasefire talks', 'saudi investment', 'red sea shipping', 'elections', '"central bank"', 'tourism -hotel', 'minister', 'drone', 'startups funding'],
  ar: ['النفط', 'وقف إطلاق النار', 'الاستثمار السعودي', 'البحر الأحمر', 'الانتخابات', 'البنك المركزي', 'السياحة', 'الوزير', 'الطائرات المسيرة', 'الشركات الناشئة'],
} as const;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(label: string, ms: number[], target?: number): void {
  const p50 = percentile(ms, 50);
  const p95 = percentile(ms, 95);
  const verdict = target === undefined ? '' : p95 <= target ? `  PASS (p95 ≤ ${target} ms)` : `  MISS (p95 > ${target} ms)`;
  console.log(`  ${label.padEnd(34)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   (${ms.length} samples)${verdict}`);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

async function bench(label: string, dataDir: string, databaseUrl: string | undefined): Promise<void> {
  console.log(`\n== ${label}: ${ARTICLES.toLocaleString('en')} articles`);
  const english = Math.round(ARTICLES * 0.7);
  const seeded = await seedDatabase(
    dataDir,
    { english, arabic: ARTICLES - english, translations: 0 },
    { mode: 'bulk', budgetMs: 0, databaseUrl, relatedArticles: false, onProgress: () => {} },
  );
  console.log(`  filled and indexed in ${(seeded.ms / 1000).toFixed(0)} s`);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', AUDIO_PROVIDER: 'off', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }, dataDir);
  const deps = await createDeps(config, createLogger(config.log));
  try {
    const rng = createRng(42);
    for (const lang of ['en', 'ar'] as const) {
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const q = pick(rng, QUERIES[lang]);
        times.push(await time(() => searchArticles(deps.db, q, { languages: [lang], sort: 'relevance' }, { number: 1, size: 10 }, lang)));
      }
      report(`search (${lang})`, times, TARGET_MS);
    }
    const ids = (await deps.db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').execute()).map((r) => r.id);
    const sample = Array.from({ length: 50 }, () => pick(rng, ids));
    const related: number[] = [];
    for (const id of sample) {
      const source = (await articleSearchSource(deps.db, id))!;
      related.push(await time(() => deps.db.transaction().execute((trx) => updateRelatedArticles(trx, source))));
    }
    report('related articles, one article', related);
    const update: number[] = [];
    for (const id of sample) update.push(await time(() => deps.db.transaction().execute((trx) => reindexArticle(trx, id, new Date()))));
    report('index update on publish', update, TARGET_MS);
  } finally {
    await closeDeps(deps);
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'arabpress-bench-search-'));
try {
  await bench('SQLite', path.join(tmp, 'sqlite'), undefined);
  const problem = await postgresAvailable();
  if (problem) console.warn(`\n!! PostgreSQL SKIPPED: none at ${POSTGRES_ADMIN_URL} (${problem}).`);
  else {
    const name = `arabpress_bench_search_${process.pid}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    try {
      await bench('PostgreSQL', path.join(tmp, 'pg'), postgresUrlFor(name));
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

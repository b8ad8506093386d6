// `npm run eval:search`: the search relevance set (src/features/search/relevance/) over the demo
// newsroom, on a fresh SQLite database and, when reachable, a fresh PostgreSQL one. Prints the rank of
// the first relevant result per query, MRR@5 and recall@10; exits 1 when MRR@5 is below 0.9.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrations } from '../migrations/index.js';
import { loadConfig } from '../src/config.js';
import { closeDeps, createDeps } from '../src/deps.js';
import { seedDemoIfEmpty } from '../src/features/demo/index.js';
import { firstRelevantRank, mrrAt, recallAt } from '../src/features/search/relevance/evaluate.js';
import { runRelevanceSet } from '../src/features/search/relevance/run-relevance.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/log.js';
import { POSTGRES_ADMIN_URL, postgresAvailable, postgresUrlFor } from '../tests/databases.js';

const TARGET_MRR = 0.9;

async function evaluate(label: string, databaseUrl: string, dataDir: string): Promise<number> {
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', LOG_FORMAT: 'json', AUDIO_PROVIDER: 'off' }, dataDir);
  const deps = await createDeps(config, createLogger(config.log));
  try {
    await migrateToLatest(deps.db as never, migrations, deps.log);
    await seedDemoIfEmpty(deps);
    const results = await runRelevanceSet(deps.db);
    console.log(`\n== ${label}`);
    for (const r of results) {
      const rank = firstRelevantRank(r);
      const mark = rank === 1 ? '  ' : rank !== undefined && rank <= 5 ? ' ~' : ' ✗';
      console.log(`${mark} ${String(rank ?? '-').padStart(2)}  [${r.case.language}] ${r.case.query}  (${r.case.why})`);
    }
    const mrr = mrrAt(5, results);
    console.log(`${label}: MRR@5 ${mrr.toFixed(3)} (target ≥ ${TARGET_MRR}), recall@10 ${recallAt(10, results).toFixed(3)}, ${results.length} queries`);
    return mrr;
  } finally {
    await closeDeps(deps);
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arabpress-eval-'));
const scores: number[] = [];
try {
  scores.push(await evaluate('SQLite', `sqlite:${path.join(dataDir, 'eval.sqlite')}`, dataDir));
  const problem = await postgresAvailable();
  if (problem) {
    console.warn(`\n!! PostgreSQL SKIPPED: none at ${POSTGRES_ADMIN_URL} (${problem}). Set TEST_POSTGRES_URL to evaluate it too.`);
  } else {
    const name = `arabpress_eval_${process.pid}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    try {
      scores.push(await evaluate('PostgreSQL', postgresUrlFor(name), dataDir));
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
if (scores.some((s) => s < TARGET_MRR)) process.exitCode = 1;

import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { postgresAvailable, POSTGRES_ADMIN_URL } from '../databases.js';
import { SCREENSHOT_DIR } from './browser.js';

// Browser tests: the built server in headless Chromium, once on SQLite and once on PostgreSQL
// (a vitest project each). One file at a time: each starts a server and a browser, and the
// machines that run this have two cores.
export default defineConfig(async () => {
  const pgProblem = await postgresAvailable();
  if (pgProblem) {
    if (process.env['CI']) throw new Error(`CI requires PostgreSQL at ${POSTGRES_ADMIN_URL} for the browser tests: ${pgProblem}`);
    const line = '!'.repeat(100);
    console.warn(
      `\n${line}\n!! SKIPPING every PostgreSQL BROWSER test: no PostgreSQL at ${POSTGRES_ADMIN_URL} (${pgProblem}).\n!! Only the SQLite half of the browser tests runs. Set TEST_POSTGRES_URL or start PostgreSQL to run both.\n${line}\n`,
    );
  }
  // Screenshots of this run only; page.screenshot() creates the files, the folder is made here.
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  console.log(`Browser test screenshots: ${SCREENSHOT_DIR}`);
  const project = (db: 'sqlite' | 'postgres') => ({
    extends: true as const,
    test: {
      name: db,
      env: { TEST_DB: db },
    },
  });
  return {
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
    test: {
      include: ['tests/e2e/**/*.e2e.test.ts'],
      // A real server seeds about 90 articles on start and Chromium renders every page twice over.
      testTimeout: 60_000,
      hookTimeout: 120_000,
      teardownTimeout: 60_000,
      fileParallelism: false,
      pool: 'forks',
      projects: pgProblem ? [project('sqlite')] : [project('sqlite'), project('postgres')],
    },
  };
});

import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { postgresAvailable, POSTGRES_ADMIN_URL } from '../databases.js';
import { SCREENSHOT_DIR } from './browser.js';

// Browser tests: the built server in headless Chromium, once on SQLite and once on PostgreSQL
// (a vitest project each). One file at a time: each starts a server and a browser, and the
// machines that run this have two cores.

// Vitest evaluates this file once for the run and again for each project: say things only once.
const announced = globalThis as { arabpressE2eAnnounced?: boolean };

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const pgProblem = await postgresAvailable();
  const firstTime = !announced.arabpressE2eAnnounced;
  announced.arabpressE2eAnnounced = true;
  if (pgProblem && firstTime) {
    if (process.env['CI']) throw new Error(`CI requires PostgreSQL at ${POSTGRES_ADMIN_URL} for the browser tests: ${pgProblem}`);
    const line = '!'.repeat(100);
    console.warn(
      `\n${line}\n!! SKIPPING every PostgreSQL BROWSER test: no PostgreSQL at ${POSTGRES_ADMIN_URL} (${pgProblem}).\n!! Only the SQLite half of the browser tests runs. Set TEST_POSTGRES_URL or start PostgreSQL to run both.\n${line}\n`,
    );
  }
  if (firstTime) {
    // Screenshots of this run only; the tests write the files, the folder is made here.
    rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    console.log(`Browser test screenshots go to ${SCREENSHOT_DIR}`);
  }
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
      // Each file starts the real server, which seeds about 90 articles, and a real Chromium.
      testTimeout: 60_000,
      hookTimeout: 120_000,
      teardownTimeout: 60_000,
      fileParallelism: false,
      pool: 'forks' as const,
      projects: pgProblem ? [project('sqlite')] : [project('sqlite'), project('postgres')],
    },
  };
});

import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { postgresAvailable, POSTGRES_ADMIN_URL } from './tests/databases.js';

// Every test file runs twice: once on SQLite and once on PostgreSQL (a vitest project each).
export default defineConfig(async (): Promise<ViteUserConfig> => {
  const pgProblem = await postgresAvailable();
  if (pgProblem) {
    if (process.env['CI']) throw new Error(`CI requires PostgreSQL at ${POSTGRES_ADMIN_URL}: ${pgProblem}`);
    const line = '!'.repeat(100);
    console.warn(`\n${line}\n!! SKIPPING every PostgreSQL test: no PostgreSQL at ${POSTGRES_ADMIN_URL} (${pgProblem}).\n!! Only the SQLite half of the suite runs. Set TEST_POSTGRES_URL or start PostgreSQL to run both.\n${line}\n`);
  }
  const project = (db: 'sqlite' | 'postgres') => ({
    extends: true as const,
    test: {
      name: db,
      env: { TEST_DB: db },
      globalSetup: ['tests/global-setup.ts'],
    },
  });
  return {
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'migrations/**/*.test.ts', 'tests/*.test.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
      pool: 'forks' as const,
      projects: pgProblem ? [project('sqlite')] : [project('sqlite'), project('postgres')],
    },
  };
});

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { loadConfig, type Config } from '../src/config.js';
import { closeDeps, createDeps, type Deps } from '../src/deps.js';
import { createApp } from '../src/server.js';
import { createWorker } from '../src/worker.js';
import { fixedClock } from '../src/platform/clock.js';
import { createLogger } from '../src/platform/log.js';
import { POSTGRES_ADMIN_URL, postgresUrlFor, TEST_DB_PREFIX } from './databases.js';

export const TEST_DB: 'sqlite' | 'postgres' = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';

export interface TestSite {
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  app: ReturnType<typeof createApp>;
  dataDir: string;
  /** An in-process request (no socket), as a reader's browser would send it. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, form: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
}

async function createPostgresCopy(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEST_DB_PREFIX}${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  // Copies from one template can collide ("source database is being accessed"): retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${inject('postgresTemplate')}"`);
      break;
    } catch (err) {
      if (attempt > 50 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  await admin.end();
  return {
    url: postgresUrlFor(name),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/**
 * Stops the site (closing its database as a server shutdown would) and starts it again on the same
 * database and files, optionally at another time: for restarts across a scheduled time.
 */
export async function restartSite(site: TestSite, at?: Date): Promise<TestSite> {
  await closeDeps(site.deps);
  if (at) site.clock.set(at);
  const deps = await createDeps(site.deps.config, site.deps.log, { clock: site.clock });
  const app = createApp(deps);
  // Mutated in place so the file's afterAll closes the running instance, not the stopped one.
  Object.assign(site, { deps, app, get: async (p: string, headers = {}) => app.request(p, { headers }), post: async (p: string, form: Record<string, string>, headers = {}) => app.request(p, { method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } }) });
  return site;
}

/** A second web process on the same database, as when running several instances on PostgreSQL. */
export async function createSecondInstance(site: TestSite): Promise<TestSite> {
  const deps = await createDeps(site.deps.config, site.deps.log, { clock: site.clock });
  const app = createApp(deps);
  afterAll(() => closeDeps(deps));
  return { ...site, deps, app, get: async (p, headers = {}) => app.request(p, { headers }), post: async (p, form, headers = {}) => app.request(p, { method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } }) };
}

/**
 * A fresh, migrated, empty database of the project's kind (TEST_DB) with the whole app on top.
 * Closed and deleted after the test file.
 */
export async function createTestSite(opts: { env?: Record<string, string>; now?: Date } = {}): Promise<TestSite> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arabpress-site-'));
  let databaseUrl: string;
  let drop = async () => {};
  if (TEST_DB === 'postgres') {
    const copy = await createPostgresCopy();
    databaseUrl = copy.url;
    drop = copy.drop;
  } else {
    const file = path.join(dataDir, 'test.sqlite');
    copyFileSync(inject('sqliteTemplate'), file);
    databaseUrl = `sqlite:${file}`;
  }
  const config: Config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SEED_DEMO: 'false', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', NODE_ENV: 'test', AUDIO_PROVIDER: 'off', ...opts.env }, dataDir);
  const clock = fixedClock(opts.now ?? new Date('2024-04-26T09:00:00.000Z'));
  const deps = await createDeps(config, createLogger(config.log), { clock });
  const app = createApp(deps);
  const site: TestSite = {
    deps,
    clock,
    app,
    dataDir,
    get: async (p, headers = {}) => app.request(p, { headers }),
    post: async (p, form, headers = {}) =>
      app.request(p, { method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } }),
  };
  afterAll(async () => {
    await closeDeps(site.deps);
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return site;
}

/** Runs every job that is due until none is left, as the worker would; returns how many ran. */
export async function runDueJobs(site: TestSite): Promise<number> {
  let ran = 0;
  for (let n = 1; n > 0; ran += n) n = await createWorker(site.deps).runDue();
  return ran;
}

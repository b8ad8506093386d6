import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrations } from '../migrations/index.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/log.js';
import { isOrphanTestDatabase, POSTGRES_ADMIN_URL, postgresUrlFor, TEMPLATE_DB } from './databases.js';

/**
 * Builds one migrated template database per run; each test file then gets its own copy
 * (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), so files never share state.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env?.['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
  const log = createLogger({ level: 'warn', format: 'json' });
  if (kind === 'sqlite') {
    const dir = path.join(os.tmpdir(), `arabpress-test-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'template.sqlite');
    const database = await openDatabase({ kind: 'sqlite', file }, log);
    await migrateToLatest(database.db, migrations, log);
    // Fold the WAL into the main file so a plain copy of it is complete.
    await database.destroy();
    project.provide('sqliteTemplate', file);
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  // Databases left behind by an interrupted run.
  const existing = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'arabpress\\_%'");
  for (const { datname } of existing.rows.filter((r) => isOrphanTestDatabase(r.datname))) {
    await admin.query(`drop database if exists "${datname}" with (force)`);
  }
  await admin.query(`create database "${TEMPLATE_DB}"`);
  const database = await openDatabase({ kind: 'postgres', url: postgresUrlFor(TEMPLATE_DB) }, log);
  await migrateToLatest(database.db, migrations, log);
  await database.destroy();
  project.provide('postgresTemplate', TEMPLATE_DB);
  return async () => {
    await admin.query(`drop database if exists "${TEMPLATE_DB}" with (force)`).catch(() => {});
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplate: string;
  }
}

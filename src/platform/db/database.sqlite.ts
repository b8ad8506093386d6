import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Logger } from '../log.js';
import type { Database } from './database.js';

export function openSqlite<T>(file: string, log: Logger): Database<T> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers proceed while one writer commits; NORMAL sync is safe with WAL and much faster.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Gives the query planner fresh statistics where they are missing or stale (SQLite's advice at open).
  sqlite.pragma('optimize = 0x10002');
  log.debug({ file }, 'sqlite opened');
  const db = new Kysely<T>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: 'sqlite', destroy: () => db.destroy() };
}

import { PostgresAdapter, type Kysely } from 'kysely';
import type { DatabaseKind } from './database.js';

/**
 * Which database a Kysely handle (or transaction) talks to, for the few statements that must differ
 * (full-text search, SKIP LOCKED). Read from the handle itself, so code and migrations that only get a
 * handle need not be told.
 */
export function dialectOf<T>(db: Kysely<T>): DatabaseKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

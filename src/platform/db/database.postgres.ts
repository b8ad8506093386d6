import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Logger } from '../log.js';
import type { Database } from './database.js';

// pg returns int8 (count(*), sum) as strings; SQLite returns numbers. Make both numbers here, once.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export function openPostgres<T>(url: string, log: Logger): Database<T> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', (err) => log.error({ err }, 'postgres pool error'));
  const db = new Kysely<T>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', destroy: () => db.destroy() };
}

import type { Kysely } from 'kysely';
import type { Logger } from '../log.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export type DatabaseSettings = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** A connected database: the Kysely handle plus what the dialect-neutral code needs to know. */
export interface Database<T> {
  readonly db: Kysely<T>;
  readonly kind: DatabaseKind;
  destroy(): Promise<void>;
}

export async function openDatabase<T>(settings: DatabaseSettings, log: Logger): Promise<Database<T>> {
  // Each dialect lives in its own file so only the one in use is loaded (pg is never required on SQLite).
  if (settings.kind === 'postgres') {
    const { openPostgres } = await import('./database.postgres.js');
    return openPostgres<T>(settings.url, log);
  }
  const { openSqlite } = await import('./database.sqlite.js');
  return openSqlite<T>(settings.file, log);
}

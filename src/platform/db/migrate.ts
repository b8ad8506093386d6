import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Logger } from '../log.js';

/** Runs the literal list of migrations (no folder scanning) up to the latest. */
export async function migrateToLatest(db: Kysely<unknown>, migrations: Record<string, Migration>, log: Logger): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') log.info({ migration: r.migrationName }, 'migration applied');
    if (r.status === 'Error') log.error({ migration: r.migrationName }, 'migration failed');
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

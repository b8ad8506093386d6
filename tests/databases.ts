import pg from 'pg';

/**
 * Which databases the suite runs on. PostgreSQL is at TEST_POSTGRES_URL (default: the local test
 * server). In CI both are required; elsewhere a missing PostgreSQL skips its half loudly.
 */
export const POSTGRES_ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Per test-run names (with the runner's pid) so runs side by side never touch each other's databases. */
export const TEMPLATE_DB = `arabpress_tpl_${process.pid}`;
export const TEST_DB_PREFIX = 'arabpress_t_';

/** A database left by a run whose process is gone: the pid in its name no longer exists. */
export function isOrphanTestDatabase(name: string): boolean {
  const m = /^arabpress_(?:tpl_(\d+)$|t_(\d+)_)/.exec(name);
  if (!m) return false;
  try {
    process.kill(Number(m[1] ?? m[2]), 0);
    return false;
  } catch {
    return true;
  }
}

export function postgresUrlFor(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function postgresAvailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { migrations } from '../migrations/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { closeDeps, createDeps, type Deps } from './deps.js';
import { seedDemoIfEmpty } from './features/demo/index.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createLogger } from './platform/log.js';
import { createApp } from './server.js';

const USAGE = `Usage: arabpress <command>

Commands:
  web       migrate, fill an empty database with demo content (unless SEED_DEMO=false), serve the site
  migrate   apply pending database migrations and exit
  seed      fill an empty database with demo content and exit`;

async function prepare(deps: Deps, seed: boolean): Promise<void> {
  await migrateToLatest(deps.db as never, migrations, deps.log);
  if (seed) await seedDemoIfEmpty(deps);
}

async function web(config: Config, deps: Deps): Promise<void> {
  await prepare(deps, config.seedDemo);
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    deps.log.info({ port: info.port, database: deps.database.kind }, `Arab Press is serving on http://localhost:${info.port}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info({ signal }, 'shutting down: finishing requests in flight');
    // Stop accepting connections, let in-flight requests finish, then close the database.
    const force = setTimeout(() => {
      deps.log.warn('requests still open after the shutdown timeout; closing anyway');
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    force.unref();
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    server.close(() => {
      void closeDeps(deps).then(
        () => {
          deps.log.info('stopped');
          process.exit(0);
        },
        (err: unknown) => {
          deps.log.error({ err }, 'error while closing');
          process.exit(1);
        },
      );
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'web';
  if (!['web', 'migrate', 'seed'].includes(command)) {
    console.error(USAGE);
    process.exit(command === 'help' || command === '--help' ? 0 : 2);
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.log);
  const deps = await createDeps(config, log);
  if (command === 'web') return web(config, deps);
  await prepare(deps, command === 'seed');
  await closeDeps(deps);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

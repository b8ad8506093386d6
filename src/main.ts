import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { migrations } from '../migrations/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { closeDeps, createDeps, type Deps } from './deps.js';
import { seedDemoIfEmpty } from './features/demo/index.js';
import { prepareSearchIndex } from './features/search/index.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createLogger } from './platform/log.js';
import { createApp } from './server.js';
import { createNewsletterWorker, createWorker } from './worker.js';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { createStaffUser, issuePasswordToken, issueSetupTokenIfNoStaff } from './features/staff/index.js';
import { STAFF_ROLES, type StaffRole } from './http/access.js';
import { AppError } from './platform/errors.js';
import { createIntegration } from './features/integrations/index.js';

const USAGE = `Usage: arabpress <command>

Commands:
  web       migrate, fill an empty database with demo content (unless SEED_DEMO=false), serve the site
            (and run background jobs unless RUN_JOBS=false)
  worker    run background jobs only (scheduled publishing…), for a separate worker process
  migrate   apply pending database migrations and exit
  seed      fill an empty database with demo content and exit
  user create --email <address> --role <contributor|author|editor|admin|owner> [--name <name>] [--language en|ar]
            create a staff account and print a one-time link to choose its password
  integration create --name <name>
            create an integration and print its Content API key and Admin API key`;

async function prepare(deps: Deps, seed: boolean): Promise<void> {
  await migrateToLatest(deps.db as never, migrations, deps.log);
  // Before seeding: an empty newsroom is marked indexed, and the demo is indexed as it is written.
  await prepareSearchIndex(deps.db, deps.clock.now());
  if (seed) await seedDemoIfEmpty(deps);
}

async function web(config: Config, deps: Deps): Promise<void> {
  await prepare(deps, config.seedDemo);
  const app = createApp(deps);
  // Jobs whose time passed while the server was down (a scheduled article) run now, then on schedule.
  const worker = config.runJobs ? createWorker(deps) : undefined;
  await worker?.runDue();
  worker?.start({ pollMs: 1000 });
  const newsletters = config.runJobs ? createNewsletterWorker(deps) : undefined;
  newsletters?.startAll();
  const setupToken = await issueSetupTokenIfNoStaff(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    deps.log.info({ port: info.port, database: deps.database.kind }, `Arab Press is serving on http://localhost:${info.port}`);
    if (setupToken) {
      // Printed, not logged as data: it is a one-time secret meant for the person at the console.
      const link = `${config.publicUrl ?? `http://localhost:${info.port}`}/admin/setup/${setupToken}`;
      console.log(`\nNo newsroom staff yet. Open this one-time link to create the owner account:\n  ${link}\n`);
    }
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
      void Promise.all([worker?.stop(), newsletters?.stop()])
        .then(() => closeDeps(deps))
        .then(
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

async function userCommand(deps: Deps, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, language: { type: 'string' } },
  });
  if (positionals[0] !== 'create' || !values.email || !values.role) throw new UsageError();
  const role = values.role as StaffRole;
  if (!STAFF_ROLES.includes(role)) throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
  const user = await createStaffUser(deps, { userId: null, label: 'cli', ip: 'local' }, {
    email: values.email,
    name: values.name ?? values.email,
    role,
    language: values.language === 'ar' ? 'ar' : 'en',
  });
  const token = await issuePasswordToken(deps, user.id);
  const base = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  console.log(`Created ${user.role} ${user.email}. One-time link to choose a password (valid for one hour):\n  ${base}/admin/password/reset/${token}`);
}

async function integrationCommand(deps: Deps, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' } } });
  if (positionals[0] !== 'create' || !values.name) throw new UsageError();
  const integration = await createIntegration(deps.db, values.name, deps.clock.now());
  const base = deps.config.publicUrl ?? `http://localhost:${deps.config.port}`;
  // Printed for the person at the console: the keys are secrets shown where they asked for them.
  console.log(`Created integration "${integration.name}".\n  API URL:         ${base}\n  Content API key: ${integration.contentKey}\n  Admin API key:   ${integration.adminKey}`);
}

async function runWorker(deps: Deps): Promise<void> {
  await migrateToLatest(deps.db as never, migrations, deps.log);
  const worker = createWorker(deps);
  worker.start({ pollMs: 1000 });
  const newsletters = createNewsletterWorker(deps);
  newsletters.startAll();
  deps.log.info('worker started');
  const stop = () => void Promise.all([worker.stop(), newsletters.stop()]).then(() => closeDeps(deps)).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

class UsageError extends Error {}

/** What to tell the person at the console about a mistake of theirs; undefined for real failures. */
function cliErrorMessage(err: unknown): string | undefined {
  if (err instanceof UsageError) return err.message || USAGE;
  if (err instanceof AppError) return err.code === 'STAFF_EMAIL_TAKEN' ? 'An account with that email address already exists.' : err.code;
  // The CLI validates one value at a time, so an issue without a path is about the option just read.
  if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join('.') || (i.message.toLowerCase().includes('email') ? '--email' : 'value')}: ${i.message}`).join('\n');
  return undefined;
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'web';
  if (!['web', 'worker', 'migrate', 'seed', 'user', 'integration'].includes(command)) {
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
  if (command === 'worker') return runWorker(deps);
  try {
    await prepare(deps, command === 'seed');
    if (command === 'user') await userCommand(deps, argv.slice(1));
    if (command === 'integration') await integrationCommand(deps, argv.slice(1));
  } catch (err) {
    const message = cliErrorMessage(err);
    if (message === undefined) throw err;
    console.error(message);
    process.exitCode = 2;
  } finally {
    await closeDeps(deps);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

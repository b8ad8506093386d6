import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { POSTGRES_ADMIN_URL, postgresUrlFor } from '../databases.js';

/**
 * The real built server (`node dist/main.js web`) as a child process, on a free loopback port,
 * with its own data folder and, on PostgreSQL, its own database. It seeds the demo newsroom on
 * first start, exactly as `npm start` does on an empty install.
 */
export interface RunningServer {
  baseUrl: string;
  /** Everything the server wrote to stdout and stderr so far, interleaved (for failure messages). */
  output(): string;
  /** What it wrote to stderr alone: the logger writes to stdout, so this is crashes and Node warnings. */
  stderr(): string;
  /** Runs `arabpress <args>` against the same data folder and database (e.g. `user create`); its output. */
  cli(args: string[]): Promise<string>;
  /** SIGTERM, wait for the exit, require exit code 0, then delete the data folder and database. */
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

async function withAdmin<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end().catch(() => {});
  }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** True when the test process named in an arabpress_e2e_<pid>_… database is gone (an interrupted run). */
function isOrphanE2eDatabase(name: string): boolean {
  const m = /^arabpress_e2e_(\d+)_/.exec(name);
  if (!m) return false;
  try {
    process.kill(Number(m[1]), 0);
    return false;
  } catch {
    return true;
  }
}

export async function startServer(db: 'sqlite' | 'postgres', options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arabpress-e2e-data-'));
  let databaseUrl = `sqlite:${path.join(dataDir, 'arabpress.sqlite')}`;
  let dropDatabase = async () => {};
  if (db === 'postgres') {
    const name = `arabpress_e2e_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await withAdmin(async (admin) => {
      const existing = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'arabpress\\_e2e\\_%'");
      for (const { datname } of existing.rows.filter((r) => isOrphanE2eDatabase(r.datname))) {
        await admin.query(`drop database if exists "${datname}" with (force)`);
      }
      await admin.query(`create database "${name}"`);
    });
    databaseUrl = postgresUrlFor(name);
    dropDatabase = () => withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`)).then(() => {});
  }
  const cleanUp = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase();
  };

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Every setting the server reads is given here, so a developer's .env cannot change what is tested.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: baseUrl,
    NODE_ENV: 'production',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    // Synthesizing the ~90 demo articles would keep both cores busy for minutes; the audio tests turn it on.
    AUDIO_PROVIDER: 'off',
    ...options.env,
  };
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js', 'web'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    stderr += chunk;
  });
  const exited = exitOf(child);
  // If the test process ends without stop() (an interrupted run), take the server with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  try {
    await waitUntilHealthy(baseUrl, exited, () => output);
  } catch (err) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await cleanUp();
    throw err;
  }

  let stopped = false;
  return {
    baseUrl,
    output: () => output,
    stderr: () => stderr,
    cli: (args) =>
      new Promise((resolve, reject) => {
        execFile(process.execPath, ['dist/main.js', ...args], { cwd: REPO_ROOT, env, timeout: 60_000 }, (err, stdout, stderrText) => (err ? reject(new Error(`${err.message}\n${stderrText}`)) : resolve(stdout)));
      }),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`The server had already exited (code ${child.exitCode}, signal ${child.signalCode}) before it was asked to stop.\n${output}`);
        }
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        const { code, signal } = await exited;
        clearTimeout(timer);
        if (code !== 0) {
          const why = signal === 'SIGKILL' ? `it did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM and was killed` : `it exited with code ${code}, signal ${signal}`;
          throw new Error(`The server did not shut down cleanly on SIGTERM: ${why}.\nServer output:\n${output}`);
        }
      } finally {
        await cleanUp();
      }
    },
  };
}

async function waitUntilHealthy(baseUrl: string, exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>, output: () => string): Promise<void> {
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exited.then((e) => (exit = e));
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (exit) throw new Error(`The server exited during start-up (code ${exit.code}, signal ${exit.signal}).\nServer output:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`GET ${baseUrl}/healthz did not answer 200 within ${START_TIMEOUT_MS / 1000} s (last: ${last}).\nServer output:\n${output()}`);
}

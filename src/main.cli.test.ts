import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.js';
import { TEST_DB } from '../tests/kit.js';
import { alertIn, Browser, noticeIn, submitSignIn, visibleText } from '../tests/staff-kit.js';
import { loadConfig } from './config.js';
import { closeDeps, createDeps } from './deps.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { createLogger } from './platform/log.js';
import { createApp } from './server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arabpress-cli-'));
  dirs.push(dir);
  return dir;
}

/** The environment of a fresh install on SQLite: nothing inherited that could point elsewhere. */
function envFor(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], HOME: process.env['HOME'], TMPDIR: os.tmpdir(), DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', ...extra };
}

/** Runs `arabpress <args>` from source, as `node --import tsx src/main.ts` does. */
function arabpress(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The app on an existing DATA_DIR, as the web process would open it. */
async function openSite(dataDir: string) {
  const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }, dataDir);
  const deps = await createDeps(config, createLogger(config.log));
  await migrateToLatest(deps.db as never, migrations, deps.log);
  return { deps, app: createApp(deps), close: () => closeDeps(deps) };
}

type Run = ReturnType<typeof arabpress>;

// Each case starts Node with tsx; on a busy 2-core machine that alone can take several seconds.
describe('arabpress user create', { timeout: 90_000 }, () => {
  // Each run starts Node and compiles the app (seconds): start them all at once, then check each.
  // Made here, not at collection: on the PostgreSQL project every test is skipped and no hook runs.
  let deskDir: string;
  let runs: { desk: Run; badRole: Run; badEmail: Run };
  beforeAll(() => {
    if (TEST_DB === 'postgres') return;
    deskDir = freshDataDir();
    runs = {
      desk: arabpress(['user', 'create', '--email', 'Desk@Example.com', '--role', 'editor', '--name', 'News Desk'], envFor(deskDir)),
      badRole: arabpress(['user', 'create', '--email', 'someone@example.com', '--role', 'chief'], envFor(freshDataDir())),
      badEmail: arabpress(['user', 'create', '--email', 'not-an-address', '--role', 'author'], envFor(freshDataDir())),
    };
    // Each is awaited by its test; this only keeps a failed start from being an unhandled rejection meanwhile.
    for (const run of Object.values(runs)) run.catch(() => undefined);
  });

  it.skipIf(TEST_DB === 'postgres')('creates the account and prints a one-time password link that works in the app', async () => {
    const dataDir = deskDir;
    const run = await runs.desk;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created editor desk@example.com.');
    const link = /https?:\/\/\S+(\/admin\/password\/reset\/[A-Za-z0-9_-]+)/.exec(run.stdout);
    expect(link).not.toBeNull();

    const site = await openSite(dataDir);
    try {
      const browser = new Browser(site);
      const form = await browser.get(link![1]!);
      expect(form.status).toBe(200);
      expect(visibleText(await form.text())).toContain('Choose a new password');
      const set = await browser.post(link![1]!, { password: 'the desk passphrase' });
      expect(set.status).toBe(200);
      expect(noticeIn(await set.text())).toMatch(/^Your password has been changed/);
      const signIn = await submitSignIn(browser, 'desk@example.com', 'the desk passphrase');
      expect(signIn.status).toBe(303);
      expect(signIn.headers.get('Location')).toBe('/admin');
      const account = visibleText(await (await browser.get('/admin/account')).text());
      expect(account).toContain('News Desk');
      expect(account).toContain('Editor');
      // Once.
      const again = await new Browser(site).get(link![1]!);
      expect(again.status).toBe(410);
      expect(alertIn(await again.text())).toBe('This link has been used or has expired. Ask for a new one.');
    } finally {
      await site.close();
    }
  });

  it.skipIf(TEST_DB === 'postgres')('exits 2 with one clear line for an unknown role', async () => {
    const run = await runs.badRole;
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('--role must be one of contributor, author, editor, admin, owner');
  });

  it.skipIf(TEST_DB === 'postgres')('exits 2 with one clear line for an invalid email address', async () => {
    const run = await runs.badEmail;
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/email/i);
  });
});

describe('arabpress web on a fresh install', { timeout: 90_000 }, () => {
  it.skipIf(TEST_DB === 'postgres')('prints a one-time setup link that opens the owner form', async () => {
    const dataDir = freshDataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'web'], {
      cwd: ROOT,
      env: envFor(dataDir, { PORT: '0', HOST: '127.0.0.1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const link = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no setup link within 30 s: ${out}`)), 30_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/localhost:\d+\/admin\/setup\/[A-Za-z0-9_-]+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`web exited with ${code} before printing a link: ${out}`)));
      });
      const res = await fetch(link.replace('localhost', '127.0.0.1'));
      expect(res.status).toBe(200);
      expect(visibleText(await res.text())).toContain('Create the owner account');
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});

describe('arabpress integration create', { timeout: 90_000 }, () => {
  it('prints a Content API key and an Admin API key in Ghost’s formats, and the content key opens the API', async () => {
    const dataDir = freshDataDir();
    const run = await arabpress(['integration', 'create', '--name', 'Wire desk'], envFor(dataDir, { PUBLIC_URL: 'https://news.example' }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created integration "Wire desk".');
    expect(run.stdout).toContain('API URL:         https://news.example');
    const contentKey = /Content API key: ([0-9a-f]{26})\n/.exec(run.stdout)?.[1];
    expect(run.stdout).toMatch(/Admin API key: {3}[0-9a-f]{24}:[0-9a-f]{64}/);
    const site = await openSite(dataDir);
    try {
      expect((await site.app.request(`/ghost/api/content/posts/?key=${contentKey}`)).status).toBe(200);
    } finally {
      await site.close();
    }
    const missing = await arabpress(['integration', 'create'], envFor(dataDir));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('integration create --name <name>');
  });
});

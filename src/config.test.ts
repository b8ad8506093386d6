import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'arabpress-config-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The ConfigError thrown for `env`, or a failure if none is thrown. */
function configErrorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, tmp());
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('needs no configuration at all: port 3000, a SQLite file under <dir>/data/, demo content on', () => {
    const dir = tmp();
    const c = loadConfig({}, dir);
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe(path.join(dir, 'data'));
    expect(c.database.kind).toBe('sqlite');
    if (c.database.kind !== 'sqlite') throw new Error('unreachable');
    expect(path.dirname(c.database.file)).toBe(path.join(dir, 'data'));
    expect(c.database.file.endsWith('.sqlite')).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.publicUrl).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  for (const [name, value] of [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['SEED_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['PUBLIC_URL', 'ftp://example.com'],
  ] as const) {
    it(`refuses ${name}=${value} with one line naming ${name}`, () => {
      const err = configErrorFor({ [name]: value });
      expect(err.message).toContain(name);
      expect(err.message).toContain(value);
      expect(err.message).not.toContain('\n');
      expect(err.message.length).toBeLessThan(300);
    });
  }

  it('refuses an empty PORT instead of quietly listening on a random port', () => {
    // `PORT=` in a compose file or .env is a mistake; Number('') is 0, which means "any free port".
    let port: number | undefined;
    try {
      port = loadConfig({ PORT: '' }, tmp()).port;
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain('PORT');
      return;
    }
    expect(port).toBe(3000);
  });

  it('accepts the yes/no spellings of SEED_DEMO', () => {
    for (const v of ['false', '0', 'no']) expect(loadConfig({ SEED_DEMO: v }, tmp()).seedDemo, v).toBe(false);
    for (const v of ['true', '1', 'yes']) expect(loadConfig({ SEED_DEMO: v }, tmp()).seedDemo, v).toBe(true);
  });

  it('selects PostgreSQL for a postgres:// or postgresql:// DATABASE_URL', () => {
    for (const url of ['postgres://user:pw@db.internal:5432/arabpress', 'postgresql://db/arabpress']) {
      const c = loadConfig({ DATABASE_URL: url }, tmp());
      expect(c.database).toEqual({ kind: 'postgres', url });
    }
  });

  it('resolves sqlite:<file> and DATA_DIR against the working directory', () => {
    const dir = tmp();
    const c = loadConfig({ DATABASE_URL: 'sqlite:db/site.sqlite', DATA_DIR: 'store' }, dir);
    expect(c.database).toEqual({ kind: 'sqlite', file: path.join(dir, 'db', 'site.sqlite') });
    expect(c.dataDir).toBe(path.join(dir, 'store'));
  });

  it('reads a .env file in the working directory, with real environment values winning', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.env'), ['# local settings', 'PORT=4000', 'LOG_LEVEL=debug', 'SEED_DEMO=false', ''].join('\n'));
    const fromFile = loadConfig({}, dir);
    expect(fromFile.port).toBe(4000);
    expect(fromFile.log.level).toBe('debug');
    expect(fromFile.seedDemo).toBe(false);
    const overridden = loadConfig({ PORT: '5000', SEED_DEMO: 'true' }, dir);
    expect(overridden.port).toBe(5000);
    expect(overridden.seedDemo).toBe(true);
    expect(overridden.log.level).toBe('debug');
  });

  it('names the variable when the bad value comes from .env', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.env'), 'LOG_LEVEL=loud\n');
    expect(() => loadConfig({}, dir)).toThrow(ConfigError);
    expect(() => loadConfig({}, dir)).toThrow(/LOG_LEVEL/);
    // A good real value hides the bad one in the file.
    expect(loadConfig({ LOG_LEVEL: 'warn' }, dir).log.level).toBe('warn');
  });

  it('strips a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://arabpress.example/' }, tmp()).publicUrl).toBe('https://arabpress.example');
  });
});

describe('the arabpress command with a bad setting', () => {
  it('exits non-zero within seconds, printing one line that names PORT', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const cwd = tmp(); // no .env here, and nothing to write into
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], PORT: 'abc', NODE_OPTIONS: '' };
    const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');
    const child = spawn(process.execPath, ['--import', tsx, path.join(root, 'src', 'main.ts'), 'web'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 15_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code, `still running after 15 s; stderr: ${stderr}`).not.toBeNull();
    expect(code).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    const lines = (stdout + stderr).split('\n').filter((l) => l.trim() !== '');
    expect(lines, stdout + stderr).toHaveLength(1);
    expect(lines[0]).toContain('PORT');
    expect(lines[0]).toContain('abc');
  }, 30_000);
});

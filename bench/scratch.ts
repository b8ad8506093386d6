import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signalAllChildren, stopAllChildren } from './processes.js';

/** The benchmarks' scratch folder: a private copy of the build, removed with every child on exit or Ctrl-C. */

export const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * Copies the fresh build into `tmp/app` and answers its entry (`dist/main.js`), so a rebuild of dist/ by
 * anyone else during the run cannot swap the server between scenarios. The bundle keeps npm packages
 * external: a node_modules link beside it resolves them, and package.json marks the .js files as ES modules.
 */
export function snapshotBuild(tmp: string): string {
  const app = path.join(tmp, 'app');
  mkdirSync(app);
  cpSync(path.join(REPO, 'dist'), path.join(app, 'dist'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  return path.join(app, 'dist', 'main.js');
}

/**
 * Stops every child and removes `tmp`: call it when the run ends. Ctrl-C does the same: tsx relays the
 * signal and SIGKILLs this process if it does not acknowledge quickly (as on a busy machine), so the
 * folder goes synchronously first, then the servers are waited for.
 */
export function scratchCleanup(tmp: string): () => Promise<void> {
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await stopAllChildren();
    rmSync(tmp, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (cleaned) return;
      console.error(`\n${signal}: stopping servers and removing ${tmp}`);
      signalAllChildren('SIGTERM');
      rmSync(tmp, { recursive: true, force: true });
      void cleanup().finally(() => process.exit(130));
    });
  }
  return cleanup;
}

/**
 * What every product process the benchmarks start is given: production mode, quiet JSON logs, its data
 * folder and loopback port, and nothing from the developer's own environment or .env but PATH and HOME.
 */
export function productionEnv(dataDir: string, port: number | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    DATA_DIR: dataDir,
    ...(port === undefined ? {} : { HOST: '127.0.0.1', PORT: String(port) }),
    ...extra,
  };
}

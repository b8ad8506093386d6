import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared fixtures live beside the repository (../shared/fixtures), never inside it. A user's own
 * clone may not have them: those tests are then skipped with a message; in CI they are required.
 */
export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures');

export function fixturePath(...parts: string[]): string | null {
  const p = path.join(FIXTURES_DIR, ...parts);
  if (existsSync(p)) return p;
  if (process.env['CI']) throw new Error(`CI requires the shared fixture ${p}`);
  console.warn(`\n!! SKIPPING tests that need ${p}: the shared fixtures folder is not beside this clone.\n`);
  return null;
}

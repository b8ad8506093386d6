import type { Migration } from 'kysely';
import * as createContent from './2026-11-24-1200-create-content.js';

/** Every migration, in order. A literal list: adding one is adding a line here. */
export const migrations: Record<string, Migration> = {
  '2026-11-24-1200-create-content': createContent,
};

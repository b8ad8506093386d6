import type { RouteDef } from '../../http/access.js';
import type { Deps } from '../../deps.js';

/** Newsroom pages for subscribers, imports, exports and suppressions (being written). */
export function newsletterSubscriberRoutes(_deps: Deps): RouteDef[] {
  return [];
}

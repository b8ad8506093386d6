import type { RouteDef } from '../../http/access.js';
import type { Deps } from '../../deps.js';

/** Newsroom pages for send history, composing, previews and breaking news (being written). */
export function newsletterSendRoutes(_deps: Deps): RouteDef[] {
  return [];
}

import type { Db } from '../../db-schema.js';
import { publicRoute, type RouteDef } from '../../http/access.js';
import { pingDatabase } from './site.repo.js';

/** For load balancers and process managers: 200 when the database answers. */
export function healthRoutes(deps: { db: Db }): RouteDef[] {
  return [
    publicRoute('GET', '/healthz', async (c) => {
      await pingDatabase(deps.db);
      c.header('Cache-Control', 'no-store');
      return c.json({ status: 'ok' });
    }),
  ];
}

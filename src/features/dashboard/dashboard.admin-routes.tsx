import { staffRoute, type RouteDef } from '../../http/access.js';
import type { Assets } from '../../http/assets.js';
import { adminTranslator, renderAdmin } from '../staff/index.js';

/** The newsroom's front page. */
export function dashboardRoutes(deps: { assets: Assets }): RouteDef[] {
  return [
    staffRoute('GET', '/admin', 'contributor', (c) => {
      const t = adminTranslator(c);
      return renderAdmin(c, deps.assets, { title: 'admin.dashboard.title', body: <p>{t.t('admin.dashboard.welcome', { name: c.get('staff')!.name })}</p> });
    }),
  ];
}

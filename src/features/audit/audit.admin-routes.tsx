import { staffRoute, type RouteDef } from '../../http/access.js';
import type { Assets } from '../../http/assets.js';
import type { Db } from '../../db-schema.js';
import { createDateFormatter } from '../../platform/i18n/dates.js';
import { adminTranslator, renderAdmin } from '../staff/index.js';
import { listAudit } from './audit.service.js';

/** Who did what, newest first: administrators only. */
export function auditRoutes(deps: { db: Db; assets: Assets }): RouteDef[] {
  return [
    staffRoute('GET', '/admin/audit', 'admin', async (c) => {
      const t = adminTranslator(c);
      const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
      const { items, total } = await listAudit(deps.db, page);
      const dates = createDateFormatter(t.lang, 'UTC', 'latn');
      return renderAdmin(c, deps.assets, {
        title: 'admin.audit.title',
        body: (
          <>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.t('admin.audit.when')}</th>
                    <th scope="col">{t.t('admin.audit.who')}</th>
                    <th scope="col">{t.t('admin.audit.action')}</th>
                    <th scope="col">{t.t('admin.audit.subject')}</th>
                    <th scope="col">{t.t('admin.audit.address')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr>
                      <td>
                        <time datetime={e.createdAt.toISOString()}>{dates.dateTime(e.createdAt)} UTC</time>
                      </td>
                      <td dir="ltr">{e.actorLabel}</td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td dir="ltr">
                        {e.subjectType} {e.subjectId} {Object.keys(e.details).length ? JSON.stringify(e.details) : ''}
                      </td>
                      <td dir="ltr">{e.ip}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page * 50 < total ? (
              <p>
                <a href={`/admin/audit?page=${page + 1}`}>{t.t('list.older')}</a>
              </p>
            ) : null}
          </>
        ),
      });
    }),
  ];
}

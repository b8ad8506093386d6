import { ZodError } from 'zod';
import { pathParam, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { clientInfo } from '../../http/client.js';
import type { Config } from '../../config.js';
import { recordAudit } from '../audit/index.js';
import type { TaxonomyAdminDeps } from '../sections/index.js';
import { adminTranslator, CsrfField, renderAdmin } from '../staff/index.js';
import { createIntegration, deleteIntegration, listIntegrations } from './integrations.service.js';

/** /admin/integrations: the integrations, their keys (for admins only), creating and deleting them. */
export function integrationAdminRoutes(deps: TaxonomyAdminDeps & { config: Config }): RouteDef[] {
  const page = async (c: AppContext, extra: { notice?: string; error?: string; status?: number } = {}) => {
    const t = adminTranslator(c);
    const integrations = await listIntegrations(deps.db);
    const apiUrl = deps.config.publicUrl ?? new URL(c.req.url).origin;
    return renderAdmin(c, deps.assets, {
      title: 'admin.nav.integrations',
      ...extra,
      body: (
        <>
          <p>{t.t('admin.integrations.intro')}</p>
          <form method="post" action="/admin/integrations" class="taxonomy-row">
            <CsrfField c={c} />
            <label for="integration-name">{t.t('admin.integrations.name')}</label>
            <input id="integration-name" name="name" maxlength={100} required dir="auto" />
            <button type="submit">{t.t('admin.integrations.add')}</button>
          </form>
          {integrations.length ? null : <p>{t.t('admin.integrations.none')}</p>}
          {integrations.map((i) => (
            <section class="integration" aria-labelledby={`integration-${i.id}`}>
              <h2 id={`integration-${i.id}`}>{i.name}</h2>
              <dl>
                <dt>{t.t('admin.integrations.apiUrl')}</dt>
                <dd>
                  <code dir="ltr">{apiUrl}</code>
                </dd>
                <dt>{t.t('admin.integrations.contentKey')}</dt>
                <dd>
                  <code dir="ltr">{i.contentKey}</code>
                </dd>
                <dt>{t.t('admin.integrations.adminKey')}</dt>
                <dd>
                  <code dir="ltr">{i.adminKey}</code>
                </dd>
                <dt>{t.t('admin.integrations.lastUsed')}</dt>
                <dd>{i.lastUsedAt ? <time datetime={i.lastUsedAt.toISOString()}>{i.lastUsedAt.toISOString().slice(0, 16).replace('T', ' ')}</time> : t.t('admin.integrations.never')}</dd>
              </dl>
              <p>
                <a href={`/admin/integrations/${i.id}/webhooks`}>{t.t('admin.webhooks.link')}</a>
              </p>
              <form method="post" action={`/admin/integrations/${i.id}/delete`}>
                <CsrfField c={c} />
                <button type="submit">{t.t('admin.integrations.delete')}</button>
              </form>
            </section>
          ))}
        </>
      ),
    });
  };
  const audit = (c: AppContext, action: 'integration-created' | 'integration-deleted', id: string, name: string) => {
    const s = c.get('staff')!;
    return recordAudit(deps.db, { userId: s.userId, label: s.email, ip: clientInfo(c, deps.config.trustProxy).ip }, action, { type: 'integration', id }, { name }, deps.clock.now());
  };
  return [
    staffRoute('GET', '/admin/integrations', 'admin', (c) => page(c)),
    staffRoute('POST', '/admin/integrations', 'admin', async (c) => {
      const t = adminTranslator(c);
      const form = await c.req.parseBody();
      try {
        const created = await createIntegration(deps.db, typeof form['name'] === 'string' ? form['name'] : '', deps.clock.now());
        await audit(c, 'integration-created', created.id, created.name);
      } catch (err) {
        if (err instanceof ZodError) return page(c, { error: t.t('admin.integrations.invalid'), status: 422 });
        throw err;
      }
      return page(c, { notice: t.t('admin.integrations.created') });
    }),
    staffRoute('POST', '/admin/integrations/:id/delete', 'admin', async (c) => {
      const t = adminTranslator(c);
      const id = pathParam(c, 'id');
      const existing = (await listIntegrations(deps.db)).find((i) => i.id === id);
      if (existing && (await deleteIntegration(deps.db, id))) await audit(c, 'integration-deleted', id, existing.name);
      return page(c, { notice: t.t('admin.integrations.deleted') });
    }),
  ];
}

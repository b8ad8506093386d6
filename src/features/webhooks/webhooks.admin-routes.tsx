import { ZodError } from 'zod';
import type { Config } from '../../config.js';
import { pathParam, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { clientInfo } from '../../http/client.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { listIntegrations } from '../integrations/index.js';
import type { TaxonomyAdminDeps } from '../sections/index.js';
import { adminTranslator, CsrfField, renderAdmin } from '../staff/index.js';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, WEBHOOK_EVENTS } from './webhooks.service.js';

const time = (d: Date) => <time datetime={d.toISOString()}>{d.toISOString().slice(0, 19).replace('T', ' ')} UTC</time>;

/** /admin/integrations/:id/webhooks: an integration's webhooks, adding and deleting them, and the delivery log. */
export function webhookAdminRoutes(deps: TaxonomyAdminDeps & { config: Config }): RouteDef[] {
  const integrationOf = async (c: AppContext) => {
    const found = (await listIntegrations(deps.db)).find((i) => i.id === pathParam(c, 'id'));
    if (!found) throw new AppError('INTEGRATION_NOT_FOUND', 404, 'error.notFound');
    return found;
  };

  const page = async (c: AppContext, extra: { notice?: string; error?: string; status?: number } = {}) => {
    const t = adminTranslator(c);
    const integration = await integrationOf(c);
    const [hooks, deliveries] = await Promise.all([listWebhooks(deps.db, integration.id), listDeliveries(deps.db, integration.id)]);
    const base = `/admin/integrations/${integration.id}/webhooks`;
    return renderAdmin(c, deps.assets, {
      title: { text: t.t('admin.webhooks.title', { name: integration.name }) },
      ...extra,
      body: (
        <>
          <p>
            <a href="/admin/integrations">{t.t('admin.webhooks.back')}</a>
          </p>
          <p>{t.t('admin.webhooks.intro')}</p>
          <form method="post" action={base} class="taxonomy-row">
            <CsrfField c={c} />
            <label for="webhook-event">{t.t('admin.webhooks.event')}</label>
            <select id="webhook-event" name="event">
              {WEBHOOK_EVENTS.map((e) => (
                <option value={e}>{t.t(`admin.webhooks.event.${e}`)}</option>
              ))}
            </select>
            <label for="webhook-url">{t.t('admin.webhooks.targetUrl')}</label>
            <input id="webhook-url" name="targetUrl" type="url" required maxlength={2048} dir="ltr" />
            <label for="webhook-name">{t.t('admin.webhooks.name')}</label>
            <input id="webhook-name" name="name" maxlength={100} dir="auto" />
            <button type="submit">{t.t('admin.webhooks.add')}</button>
          </form>
          {hooks.length ? null : <p>{t.t('admin.webhooks.none')}</p>}
          {hooks.map((h) => (
            <section class="integration" aria-labelledby={`webhook-${h.id}`}>
              <h2 id={`webhook-${h.id}`}>{h.name || t.t(`admin.webhooks.event.${h.event}`)}</h2>
              <dl>
                <dt>{t.t('admin.webhooks.event')}</dt>
                <dd>
                  {t.t(`admin.webhooks.event.${h.event}`)} (<code dir="ltr">{h.event}</code>)
                </dd>
                <dt>{t.t('admin.webhooks.targetUrl')}</dt>
                <dd>
                  <code dir="ltr">{h.targetUrl}</code>
                </dd>
                <dt>{t.t('admin.webhooks.secret')}</dt>
                <dd>
                  <code dir="ltr">{h.secret}</code>
                </dd>
              </dl>
              <form method="post" action={`${base}/${h.id}/delete`}>
                <CsrfField c={c} />
                <button type="submit">{t.t('admin.webhooks.delete')}</button>
              </form>
            </section>
          ))}
          <h2>{t.t('admin.webhooks.deliveries')}</h2>
          {deliveries.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.t('admin.webhooks.when')}</th>
                  <th scope="col">{t.t('admin.webhooks.event')}</th>
                  <th scope="col">{t.t('admin.webhooks.targetUrl')}</th>
                  <th scope="col">{t.t('admin.webhooks.state')}</th>
                  <th scope="col">{t.t('admin.webhooks.attempts')}</th>
                  <th scope="col">{t.t('admin.webhooks.response')}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr class={`delivery delivery--${d.state}`}>
                    <td>{time(d.lastAttemptAt ?? d.createdAt)}</td>
                    <td>{WEBHOOK_EVENTS.includes(d.event as (typeof WEBHOOK_EVENTS)[number]) ? t.t(`admin.webhooks.event.${d.event as (typeof WEBHOOK_EVENTS)[number]}`) : d.event}</td>
                    <td>
                      <code dir="ltr">{d.targetUrl}</code>
                    </td>
                    <td>{t.t(`admin.webhooks.state.${d.state}`)}</td>
                    <td>{d.attempts}</td>
                    <td dir="ltr">{d.error ?? (d.responseStatus === null ? '' : String(d.responseStatus))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t.t('admin.webhooks.noDeliveries')}</p>
          )}
        </>
      ),
    });
  };

  const audit = (c: AppContext, action: 'webhook-created' | 'webhook-deleted', id: string, details: Record<string, unknown>) => {
    const s = c.get('staff')!;
    return recordAudit(deps.db, { userId: s.userId, label: s.email, ip: clientInfo(c, deps.config.trustProxy).ip }, action, { type: 'webhook', id }, details, deps.clock.now());
  };

  return [
    staffRoute('GET', '/admin/integrations/:id/webhooks', 'admin', (c) => page(c)),
    staffRoute('POST', '/admin/integrations/:id/webhooks', 'admin', async (c) => {
      const t = adminTranslator(c);
      const integration = await integrationOf(c);
      const form = await c.req.parseBody();
      const field = (k: string) => (typeof form[k] === 'string' ? form[k] : '');
      try {
        const hook = await createWebhook(deps.db, integration.id, { event: field('event') as never, targetUrl: field('targetUrl').trim(), name: field('name') }, deps.clock.now());
        await audit(c, 'webhook-created', hook.id, { integration: integration.name, event: hook.event, targetUrl: hook.targetUrl });
      } catch (err) {
        if (err instanceof ZodError) return page(c, { error: t.t('admin.webhooks.invalid'), status: 422 });
        throw err;
      }
      return page(c, { notice: t.t('admin.webhooks.created') });
    }),
    staffRoute('POST', '/admin/integrations/:id/webhooks/:webhookId/delete', 'admin', async (c) => {
      const t = adminTranslator(c);
      const integration = await integrationOf(c);
      const id = pathParam(c, 'webhookId');
      if (await deleteWebhook(deps.db, integration.id, id)) await audit(c, 'webhook-deleted', id, { integration: integration.name });
      return page(c, { notice: t.t('admin.webhooks.deleted') });
    }),
  ];
}

import type { Translator } from '../../../platform/i18n/i18n.js';
import type { NewsletterOverview } from '../subscribers.admin.service.js';

/** Links between the newsletter pages; the personal-data pages only for admins. */
export function NewsletterNav(props: { t: Translator; isAdmin: boolean }) {
  const { t } = props;
  return (
    <nav aria-label={t.t('admin.newsletters.nav.label')}>
      <ul>
        {props.isAdmin ? (
          <>
            <li>
              <a href="/admin/newsletters/subscribers">{t.t('admin.newsletters.nav.subscribers')}</a>
            </li>
            <li>
              <a href="/admin/newsletters/suppressions">{t.t('admin.newsletters.nav.suppressions')}</a>
            </li>
          </>
        ) : null}
        <li>
          <a href="/admin/newsletters/sends">{t.t('admin.newsletters.nav.sends')}</a>
        </li>
      </ul>
    </nav>
  );
}

/** /admin/newsletters: who would receive each list, per language, and the address totals. */
export function NewsletterOverviewPage(props: { t: Translator; data: NewsletterOverview; isAdmin: boolean }) {
  const { t, data } = props;
  const name = (r: NewsletterOverview['rows'][number]) => r.name?.[t.lang] ?? t.t('admin.newsletters.retiredList', { key: r.key });
  return (
    <>
      <NewsletterNav t={t} isAdmin={props.isAdmin} />
      <p>{t.t('admin.newsletters.intro')}</p>
      <div class="table-wrap">
        <table class="newsletter-counts">
          <caption>{t.t('admin.newsletters.countsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('admin.newsletters.list')}</th>
              <th scope="col">{t.t('admin.newsletters.language.en')}</th>
              <th scope="col">{t.t('admin.newsletters.language.ar')}</th>
              <th scope="col">{t.t('admin.newsletters.total')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr data-list={r.key}>
                <th scope="row">{name(r)}</th>
                <td>{t.n(r.en)}</td>
                <td>{t.n(r.ar)}</td>
                <td>{t.n(r.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.t('admin.newsletters.allSubscriptions')}</th>
              <td>{t.n(data.totals.en)}</td>
              <td>{t.n(data.totals.ar)}</td>
              <td>{t.n(data.totals.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h2>{t.t('admin.newsletters.totalsTitle')}</h2>
      <dl class="newsletter-totals">
        <dt>{t.t('admin.newsletters.status.active')}</dt>
        <dd data-total="active">{t.n(data.byStatus.active)}</dd>
        <dt>{t.t('admin.newsletters.status.pending')}</dt>
        <dd data-total="pending">{t.n(data.byStatus.pending)}</dd>
        <dt>{t.t('admin.newsletters.status.unsubscribed')}</dt>
        <dd data-total="unsubscribed">{t.n(data.byStatus.unsubscribed)}</dd>
        <dt>{t.t('admin.newsletters.totals.suppressed')}</dt>
        <dd data-total="suppressed">{t.n(data.suppressed)}</dd>
      </dl>
      {data.activeSuppressed ? <p>{t.t('admin.newsletters.activeSuppressedNote', { count: data.activeSuppressed })}</p> : null}
    </>
  );
}

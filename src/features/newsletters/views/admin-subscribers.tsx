import { Pagination } from '../../../http/components/pagination.js';
import type { Translator } from '../../../platform/i18n/i18n.js';
import type { Section } from '../../sections/index.js';
import { availableLists, listName } from '../lists.js';
import type { ConsentEntry, SubscriberFilters } from '../subscribers.admin.service.js';
import type { SubscriberListRow, SuppressionRow } from '../subscribers.admin.repo.js';
import type { SubscriberRow } from '../subscribers.repo.js';

/** Shows a stored time in the site's zone, with the instant in `datetime`. */
export type TimeFormat = (iso: string) => string;

export function When(props: { at: string | null; fmt: TimeFormat }) {
  return props.at ? <time datetime={props.at}>{props.fmt(props.at)}</time> : <span>—</span>;
}

/** The query string for these filters (and a page), as the filter form itself would send it. */
export function filterQuery(f: SubscriberFilters, page?: number): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.status) params.set('status', f.status);
  if (f.language) params.set('language', f.language);
  if (f.list) params.set('list', f.list);
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function ListNames(props: { t: Translator; lists: readonly string[]; sections: readonly Section[] }) {
  if (!props.lists.length) return <span>{props.t.t('admin.newsletters.subscribers.noLists')}</span>;
  return <span>{props.lists.map((l) => listName(l, props.sections, props.t.lang)).join(props.t.t('admin.newsletters.listSeparator'))}</span>;
}

const STATUSES = ['active', 'pending', 'unsubscribed', 'suppressed'] as const;

export interface SubscriberListData {
  filters: SubscriberFilters;
  sections: Section[];
  total: number;
  page: number;
  pageCount: number;
  items: (SubscriberListRow & { lists: string[] })[];
  fmt: TimeFormat;
}

/** /admin/newsletters/subscribers: search and filters (a GET form), the count, one page of rows. */
export function SubscriberListPage(props: { t: Translator; data: SubscriberListData }) {
  const { t, data } = props;
  const f = data.filters;
  return (
    <>
      <p>
        <a href="/admin/newsletters">{t.t('admin.newsletters.back')}</a>
      </p>
      <form method="get" action="/admin/newsletters/subscribers" class="newsletter-filters" role="search" aria-label={t.t('admin.newsletters.subscribers.filters')}>
        <div>
          <label for="subscriber-q">{t.t('admin.newsletters.subscribers.search')}</label>
          <input id="subscriber-q" name="q" type="search" value={f.q} maxlength={254} dir="ltr" autocomplete="off" />
        </div>
        <div>
          <label for="subscriber-status">{t.t('admin.newsletters.subscribers.status')}</label>
          <select id="subscriber-status" name="status">
            <option value="">{t.t('admin.newsletters.subscribers.any')}</option>
            {STATUSES.map((s) => (
              <option value={s} selected={f.status === s}>
                {t.t(`admin.newsletters.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="subscriber-language">{t.t('admin.newsletters.subscribers.language')}</label>
          <select id="subscriber-language" name="language">
            <option value="">{t.t('admin.newsletters.subscribers.any')}</option>
            {(['en', 'ar'] as const).map((l) => (
              <option value={l} selected={f.language === l}>
                {t.t(`admin.newsletters.language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="subscriber-list">{t.t('admin.newsletters.subscribers.list')}</label>
          <select id="subscriber-list" name="list">
            <option value="">{t.t('admin.newsletters.subscribers.any')}</option>
            {availableLists(data.sections).map((l) => (
              <option value={l.key} selected={f.list === l.key}>
                {l.name[t.lang]}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit">{t.t('admin.newsletters.subscribers.apply')}</button> <a href="/admin/newsletters/subscribers">{t.t('admin.newsletters.subscribers.clear')}</a>
        </p>
      </form>
      <p class="newsletter-actions">
        <a href={`/admin/newsletters/subscribers.csv${filterQuery(f)}`} download>
          {t.t('admin.newsletters.subscribers.export')}
        </a>
        {' · '}
        <a href="/admin/newsletters/subscribers/import">{t.t('admin.newsletters.subscribers.import')}</a>
      </p>
      <p role="status" class="newsletter-count" data-count={data.total}>
        {t.t('admin.newsletters.subscribers.count', { count: data.total })}
      </p>
      {data.items.length ? (
        <div class="table-wrap">
          <table class="subscribers">
            <caption>{t.t('admin.newsletters.subscribers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('admin.newsletters.subscribers.email')}</th>
                <th scope="col">{t.t('admin.newsletters.subscribers.status')}</th>
                <th scope="col">{t.t('admin.newsletters.subscribers.language')}</th>
                <th scope="col">{t.t('admin.newsletters.subscribers.lists')}</th>
                <th scope="col">{t.t('admin.newsletters.subscribers.signedUp')}</th>
                <th scope="col">{t.t('admin.newsletters.subscribers.confirmed')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr class="subscriber" data-email={s.email}>
                  <td>
                    <a href={`/admin/newsletters/subscribers/${s.id}`} dir="ltr">
                      {s.email}
                    </a>
                  </td>
                  <td>
                    {t.t(`admin.newsletters.status.${s.status}`)}
                    {s.suppressed ? (
                      <>
                        {' '}
                        <span class="badge badge--off">{t.t('admin.newsletters.status.suppressed')}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{t.t(`admin.newsletters.language.${s.language}`)}</td>
                  <td>
                    <ListNames t={t} lists={s.lists} sections={data.sections} />
                  </td>
                  <td>
                    <When at={s.created_at} fmt={data.fmt} />
                  </td>
                  <td>
                    <When at={s.confirmed_at} fmt={data.fmt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.t('admin.newsletters.subscribers.none')}</p>
      )}
      <Pagination t={t} basePath="/admin/newsletters/subscribers" page={data.page} pageCount={data.pageCount} href={(p) => `/admin/newsletters/subscribers${filterQuery(f, p)}`} />
    </>
  );
}

export interface SubscriberDetailData {
  subscriber: SubscriberRow;
  lists: string[];
  consents: ConsentEntry[];
  suppression: SuppressionRow | undefined;
  sections: Section[];
  csrf: string;
  fmt: TimeFormat;
}

/** /admin/newsletters/subscribers/:id: the subscription, its consent record, and the unsubscribe button. */
export function SubscriberDetailPage(props: { t: Translator; data: SubscriberDetailData }) {
  const { t, data } = props;
  const s = data.subscriber;
  return (
    <>
      <p>
        <a href="/admin/newsletters/subscribers">{t.t('admin.newsletters.subscriber.back')}</a>
      </p>
      <dl class="subscriber-details">
        <dt>{t.t('admin.newsletters.subscribers.email')}</dt>
        <dd dir="ltr">{s.email}</dd>
        <dt>{t.t('admin.newsletters.subscribers.status')}</dt>
        <dd>{t.t(`admin.newsletters.status.${s.status}`)}</dd>
        <dt>{t.t('admin.newsletters.subscribers.language')}</dt>
        <dd>{t.t(`admin.newsletters.language.${s.language}`)}</dd>
        <dt>{t.t('admin.newsletters.subscribers.lists')}</dt>
        <dd>
          <ListNames t={t} lists={data.lists} sections={data.sections} />
        </dd>
        <dt>{t.t('admin.newsletters.subscriber.source')}</dt>
        <dd dir="auto">{s.source}</dd>
        <dt>{t.t('admin.newsletters.subscribers.signedUp')}</dt>
        <dd>
          <When at={s.created_at} fmt={data.fmt} />
        </dd>
        <dt>{t.t('admin.newsletters.subscribers.confirmed')}</dt>
        <dd>
          <When at={s.confirmed_at} fmt={data.fmt} />
        </dd>
        <dt>{t.t('admin.newsletters.subscriber.unsubscribedAt')}</dt>
        <dd>
          <When at={s.unsubscribed_at} fmt={data.fmt} />
        </dd>
        {data.suppression ? (
          <>
            <dt>{t.t('admin.newsletters.status.suppressed')}</dt>
            <dd class="subscriber-suppression">
              {t.t(`admin.newsletters.reason.${data.suppression.reason}`)} (<When at={data.suppression.created_at} fmt={data.fmt} />)
            </dd>
          </>
        ) : null}
      </dl>
      {s.status !== 'unsubscribed' ? (
        <form method="post" action={`/admin/newsletters/subscribers/${s.id}/unsubscribe`} class="stack">
          <input type="hidden" name="_csrf" value={data.csrf} />
          <p id="unsubscribe-help">{t.t('admin.newsletters.subscriber.unsubscribeHelp')}</p>
          <p>
            <button type="submit" aria-describedby="unsubscribe-help">
              {t.t('admin.newsletters.subscriber.unsubscribe')}
            </button>
          </p>
        </form>
      ) : null}
      <h2>{t.t('admin.newsletters.subscriber.consents')}</h2>
      {data.consents.length ? (
        <div class="table-wrap">
          <table class="consents">
            <caption>{t.t('admin.newsletters.subscriber.consentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('admin.newsletters.subscriber.when')}</th>
                <th scope="col">{t.t('admin.newsletters.subscriber.action')}</th>
                <th scope="col">{t.t('admin.newsletters.subscriber.form')}</th>
                <th scope="col">{t.t('admin.newsletters.subscribers.language')}</th>
                <th scope="col">{t.t('admin.newsletters.subscribers.lists')}</th>
              </tr>
            </thead>
            <tbody>
              {data.consents.map((c) => (
                <tr class="consent" data-action={c.action}>
                  <td>
                    <When at={c.created_at} fmt={data.fmt} />
                  </td>
                  <td>{t.t(`admin.newsletters.action.${c.action}`)}</td>
                  <td>
                    <code dir="ltr">{c.source}</code>
                  </td>
                  <td>{t.t(`admin.newsletters.language.${c.language}`)}</td>
                  <td>
                    <ListNames t={t} lists={c.lists} sections={data.sections} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.t('admin.newsletters.subscriber.noConsents')}</p>
      )}
    </>
  );
}

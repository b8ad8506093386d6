import { Pagination } from '../../../http/components/pagination.js';
import type { Translator } from '../../../platform/i18n/i18n.js';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../subscriber-import.js';
import type { SuppressionImportPlan } from '../subscribers.admin.service.js';
import type { SuppressionRow } from '../subscribers.admin.repo.js';
import type { CsvRowProblem } from '../suppressions.service.js';
import { RejectedTable } from './admin-import.js';
import { When, type TimeFormat } from './admin-subscribers.js';

export function suppressionProblemText(t: Translator, p: CsvRowProblem): string {
  switch (p.problem) {
    case 'invalid-email':
      return t.t('admin.newsletters.problem.invalidEmail');
    case 'unknown-reason':
      return t.t('admin.newsletters.problem.unknownReason');
    case 'duplicate':
      return t.t('admin.newsletters.problem.duplicateSuppression');
  }
}

export interface SuppressionsData {
  q: string;
  total: number;
  page: number;
  pageCount: number;
  items: SuppressionRow[];
  fmt: TimeFormat;
  csrf: string;
  webhookUrl: string;
  secret: string;
  /** What was typed in the "suppress an address" form, kept when it is refused. */
  typed?: { email: string; note: string; invalid: boolean };
}

/** /admin/newsletters/suppressions: the list, adding one address, importing a list, and the webhook's details. */
export function SuppressionsPage(props: { t: Translator; data: SuppressionsData }) {
  const { t, data } = props;
  const exampleOne = JSON.stringify({ type: 'bounce', email: 'reader@example.com' });
  const exampleMany = JSON.stringify({ events: [{ type: 'hard_bounce', email: 'a@example.com', detail: '550 5.1.1 user unknown' }, { type: 'complaint', email: 'b@example.com' }] }, null, 2);
  return (
    <>
      <p>
        <a href="/admin/newsletters">{t.t('admin.newsletters.back')}</a>
      </p>
      <p>{t.t('admin.newsletters.suppressions.intro')}</p>

      <form method="get" action="/admin/newsletters/suppressions" role="search" aria-label={t.t('admin.newsletters.suppressions.searchLabel')} class="taxonomy-row">
        <label for="suppression-q">{t.t('admin.newsletters.subscribers.search')}</label>
        <input id="suppression-q" name="q" type="search" value={data.q} maxlength={254} dir="ltr" autocomplete="off" />
        <button type="submit">{t.t('admin.newsletters.suppressions.searchButton')}</button>
      </form>
      <p role="status" class="newsletter-count" data-count={data.total}>
        {t.t('admin.newsletters.suppressions.count', { count: data.total })}
      </p>
      {data.items.length ? (
        <div class="table-wrap">
          <table class="suppressions">
            <caption>{t.t('admin.newsletters.suppressions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('admin.newsletters.subscribers.email')}</th>
                <th scope="col">{t.t('admin.newsletters.suppressions.reason')}</th>
                <th scope="col">{t.t('admin.newsletters.suppressions.source')}</th>
                <th scope="col">{t.t('admin.newsletters.suppressions.detail')}</th>
                <th scope="col">{t.t('admin.newsletters.suppressions.since')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr class="suppression" data-email={s.email}>
                  <td dir="ltr">{s.email}</td>
                  <td>{t.t(`admin.newsletters.reason.${s.reason}`)}</td>
                  <td>
                    <code dir="ltr">{s.source}</code>
                  </td>
                  <td dir="auto">{s.detail}</td>
                  <td>
                    <When at={s.created_at} fmt={data.fmt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.t('admin.newsletters.suppressions.none')}</p>
      )}
      <Pagination
        t={t}
        basePath="/admin/newsletters/suppressions"
        page={data.page}
        pageCount={data.pageCount}
        href={(p) => `/admin/newsletters/suppressions?${new URLSearchParams({ ...(data.q ? { q: data.q } : {}), page: String(p) }).toString()}`}
      />

      <h2 id="suppress-one">{t.t('admin.newsletters.suppressions.addTitle')}</h2>
      <form method="post" action="/admin/newsletters/suppressions" class="stack" aria-labelledby="suppress-one">
        <input type="hidden" name="_csrf" value={data.csrf} />
        <div>
          <label for="suppress-email">{t.t('admin.newsletters.subscribers.email')}</label>
          <input id="suppress-email" name="email" type="email" required maxlength={254} dir="ltr" value={data.typed?.email ?? ''} aria-invalid={data.typed?.invalid ? 'true' : undefined} />
        </div>
        <div>
          <label for="suppress-note">{t.t('admin.newsletters.suppressions.note')}</label>
          <input id="suppress-note" name="note" maxlength={300} dir="auto" value={data.typed?.note ?? ''} />
        </div>
        <p>
          <button type="submit">{t.t('admin.newsletters.suppressions.add')}</button>
        </p>
      </form>

      <h2 id="suppress-import">{t.t('admin.newsletters.suppressions.importTitle')}</h2>
      <p>{t.t('admin.newsletters.suppressions.importIntro')}</p>
      <p>{t.t('admin.newsletters.import.limits', { mb: IMPORT_MAX_BYTES / 1024 / 1024, rows: IMPORT_MAX_ROWS })}</p>
      <form method="post" action="/admin/newsletters/suppressions/import" enctype="multipart/form-data" class="stack" aria-labelledby="suppress-import">
        <input type="hidden" name="_csrf" value={data.csrf} />
        <div>
          <label for="suppression-file">{t.t('admin.newsletters.import.file')}</label>
          <input id="suppression-file" name="file" type="file" accept=".csv,text/csv,text/plain" required />
        </div>
        <p>
          <button type="submit">{t.t('admin.newsletters.import.preview')}</button>
        </p>
      </form>

      <h2 id="bounce-webhook">{t.t('admin.newsletters.webhook.title')}</h2>
      <p>{t.t('admin.newsletters.webhook.intro')}</p>
      <dl class="webhook-details">
        <dt>{t.t('admin.newsletters.webhook.url')}</dt>
        <dd>
          <code dir="ltr" class="webhook-url">
            {data.webhookUrl}
          </code>
        </dd>
        <dt>{t.t('admin.newsletters.webhook.secret')}</dt>
        <dd>
          <code dir="ltr" class="webhook-secret">
            {data.secret}
          </code>
        </dd>
      </dl>
      <p>{t.t('admin.newsletters.webhook.secretWarning')}</p>
      <p>{t.t('admin.newsletters.webhook.how')}</p>
      <pre dir="ltr">
        <code>{`POST ${data.webhookUrl}\nAuthorization: Bearer ${data.secret}\nContent-Type: application/json\n\n${exampleOne}`}</code>
      </pre>
      <p>{t.t('admin.newsletters.webhook.many')}</p>
      <pre dir="ltr">
        <code>{exampleMany}</code>
      </pre>
      <p>{t.t('admin.newsletters.webhook.answer')}</p>
      <pre dir="ltr">
        <code>{'{"suppressed": 1, "ignored": 0}'}</code>
      </pre>
    </>
  );
}

export interface SuppressionPreviewData {
  plan: SuppressionImportPlan;
  payload: string;
  csrf: string;
}

export function SuppressionImportPreview(props: { t: Translator; data: SuppressionPreviewData }) {
  const { t, data } = props;
  const { plan } = data;
  return (
    <>
      <dl class="import-summary">
        <dt>{t.t('admin.newsletters.suppressions.willAdd')}</dt>
        <dd data-count="add">{t.n(plan.counts.add)}</dd>
        <dt>{t.t('admin.newsletters.suppressions.already')}</dt>
        <dd data-count="already">{t.n(plan.counts.already)}</dd>
        <dt>{t.t('admin.newsletters.import.rejected')}</dt>
        <dd data-count="rejected">{t.n(plan.counts.rejected)}</dd>
      </dl>
      {plan.counts.add ? (
        <form method="post" action="/admin/newsletters/suppressions/import/confirm" class="import-confirm">
          <input type="hidden" name="_csrf" value={data.csrf} />
          <input type="hidden" name="payload" value={data.payload} />
          <input type="hidden" name="plan" value={plan.fingerprint} />
          <button type="submit">{t.t('admin.newsletters.suppressions.confirm', { count: plan.counts.add })}</button>
        </form>
      ) : (
        <p>{t.t('admin.newsletters.suppressions.nothing')}</p>
      )}
      <p>
        <a href="/admin/newsletters/suppressions#suppress-import">{t.t('admin.newsletters.import.again')}</a>
      </p>
      {plan.rows.length ? (
        <div class="table-wrap">
          <table class="import-rows">
            <caption>{t.t('admin.newsletters.import.rowsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('admin.newsletters.subscribers.email')}</th>
                <th scope="col">{t.t('admin.newsletters.suppressions.reason')}</th>
                <th scope="col">{t.t('admin.newsletters.import.result')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.slice(0, 20).map((r) => (
                <tr class="import-row">
                  <td dir="ltr">{r.email}</td>
                  <td>{t.t(`admin.newsletters.reason.${r.reason}`)}</td>
                  <td>{r.already ? t.t('admin.newsletters.suppressions.already') : t.t('admin.newsletters.import.action.add')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {plan.rejected.length ? (
        <>
          <h2>{t.t('admin.newsletters.import.rejectedTitle')}</h2>
          <RejectedTable t={t} rejected={plan.rejected} reason={(i) => suppressionProblemText(t, plan.rejected[i]!)} />
        </>
      ) : null}
    </>
  );
}

import type { Language, Translator } from '../../../platform/i18n/i18n.js';
import type { Section } from '../../sections/index.js';
import { availableLists, listName } from '../lists.js';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type RejectedRow } from '../subscriber-import.js';
import type { SubscriberImportPlan } from '../subscribers.admin.service.js';

/** Rows of the file shown as read in the preview, and rejected rows listed on the page (all in the CSV). */
export const PREVIEW_ROWS = 20;
export const REJECTED_SHOWN = 1000;

/** Why a row was rejected, in the staff member's words. */
export function rejectionText(t: Translator, r: RejectedRow): string {
  switch (r.problem) {
    case 'invalid-email':
      return t.t('admin.newsletters.problem.invalidEmail');
    case 'unknown-language':
      return t.t('admin.newsletters.problem.unknownLanguage', { value: r.detail ?? '' });
    case 'unknown-list':
      return t.t('admin.newsletters.problem.unknownList', { value: r.detail ?? '' });
    case 'no-lists':
      return t.t('admin.newsletters.problem.noLists');
    case 'duplicate':
      return t.t('admin.newsletters.problem.duplicate', { line: r.detail ?? '' });
    case 'not-active-in-file':
      return t.t('admin.newsletters.problem.notActiveInFile', { value: r.detail ?? '' });
    case 'unsubscribed':
      return t.t('admin.newsletters.problem.unsubscribed');
    case 'suppressed':
      return t.t('admin.newsletters.problem.suppressed');
  }
}

export interface ImportChoices {
  language: Language;
  lists: string[];
}

/** The upload form; after a refused file it keeps the choices made (a file field cannot be refilled). */
export function SubscriberImportForm(props: { t: Translator; csrf: string; sections: Section[]; choices: ImportChoices }) {
  const { t, choices } = props;
  return (
    <>
      <p>
        <a href="/admin/newsletters/subscribers">{t.t('admin.newsletters.subscriber.back')}</a>
      </p>
      <p>{t.t('admin.newsletters.import.intro')}</p>
      <p>
        <code dir="ltr">email,language,lists</code>
        <br />
        <code dir="ltr">reader@example.com,ar,daily;weekly:politics</code>
      </p>
      <p>{t.t('admin.newsletters.import.consent')}</p>
      <p>{t.t('admin.newsletters.import.limits', { mb: IMPORT_MAX_BYTES / 1024 / 1024, rows: IMPORT_MAX_ROWS })}</p>
      <form method="post" action="/admin/newsletters/subscribers/import" enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <div>
          <label for="import-file">{t.t('admin.newsletters.import.file')}</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv,text/plain" required />
        </div>
        <fieldset>
          <legend>{t.t('admin.newsletters.import.defaultLanguage')}</legend>
          {(['en', 'ar'] as const).map((l) => (
            <label>
              <input type="radio" name="language" value={l} checked={choices.language === l} /> {t.t(`admin.newsletters.language.${l}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.t('admin.newsletters.import.defaultLists')}</legend>
          {availableLists(props.sections).map((l) => (
            <label>
              <input type="checkbox" name="lists" value={l.key} checked={choices.lists.includes(l.key)} /> {l.name[t.lang]}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit">{t.t('admin.newsletters.import.preview')}</button>
        </p>
      </form>
    </>
  );
}

export function RejectedTable(props: { t: Translator; rejected: readonly { line: number; value: string }[]; reason: (i: number) => string }) {
  const { t } = props;
  const shown = props.rejected.slice(0, REJECTED_SHOWN);
  return (
    <div class="table-wrap">
      <table class="rejected">
        <caption>{t.t('admin.newsletters.import.rejectedCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('admin.newsletters.import.line')}</th>
            <th scope="col">{t.t('admin.newsletters.import.value')}</th>
            <th scope="col">{t.t('admin.newsletters.import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr class="rejected-row" data-line={r.line}>
              <td>{t.n(r.line)}</td>
              <td dir="ltr">{r.value}</td>
              <td>{props.reason(i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rejected.length > shown.length ? <p>{t.t('admin.newsletters.import.rejectedMore', { shown: shown.length, total: props.rejected.length })}</p> : null}
    </div>
  );
}

export interface ImportPreviewData {
  plan: SubscriberImportPlan;
  payload: string;
  choices: ImportChoices;
  sections: Section[];
  csrf: string;
}

/** The preview: what the import would do, the first rows as read, every rejected row, and the confirm button. */
export function SubscriberImportPreview(props: { t: Translator; data: ImportPreviewData }) {
  const { t, data } = props;
  const { plan } = data;
  const toImport = plan.counts.add + plan.counts.update;
  const names = (lists: readonly string[]) => lists.map((l) => listName(l, data.sections, t.lang)).join(t.t('admin.newsletters.listSeparator'));
  return (
    <>
      <dl class="import-summary">
        <dt>{t.t('admin.newsletters.import.willAdd')}</dt>
        <dd data-count="add">{t.n(plan.counts.add)}</dd>
        <dt>{t.t('admin.newsletters.import.willUpdate')}</dt>
        <dd data-count="update">{t.n(plan.counts.update)}</dd>
        <dt>{t.t('admin.newsletters.import.unchanged')}</dt>
        <dd data-count="unchanged">{t.n(plan.counts.unchanged)}</dd>
        <dt>{t.t('admin.newsletters.import.rejected')}</dt>
        <dd data-count="rejected">{t.n(plan.counts.rejected)}</dd>
      </dl>
      <form method="post" action="/admin/newsletters/subscribers/import/confirm" class="import-confirm">
        <input type="hidden" name="_csrf" value={data.csrf} />
        <input type="hidden" name="payload" value={data.payload} />
        <input type="hidden" name="plan" value={plan.fingerprint} />
        <input type="hidden" name="language" value={data.choices.language} />
        {data.choices.lists.map((l) => (
          <input type="hidden" name="lists" value={l} />
        ))}
        {toImport ? (
          <button type="submit">{t.t('admin.newsletters.import.confirm', { count: toImport })}</button>
        ) : (
          <p>{t.t('admin.newsletters.import.nothing')}</p>
        )}
        {plan.rejected.length ? (
          <>
            {' '}
            <button type="submit" class="secondary" formaction="/admin/newsletters/subscribers/import/rejected.csv">
              {t.t('admin.newsletters.import.downloadRejected')}
            </button>
          </>
        ) : null}
      </form>
      <p>
        <a href="/admin/newsletters/subscribers/import">{t.t('admin.newsletters.import.again')}</a>
      </p>
      {plan.rows.length ? (
        <>
          <h2>{t.t('admin.newsletters.import.firstRows', { count: Math.min(PREVIEW_ROWS, plan.rows.length), total: plan.rows.length })}</h2>
          <div class="table-wrap">
            <table class="import-rows">
              <caption>{t.t('admin.newsletters.import.rowsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.t('admin.newsletters.import.line')}</th>
                  <th scope="col">{t.t('admin.newsletters.subscribers.email')}</th>
                  <th scope="col">{t.t('admin.newsletters.subscribers.language')}</th>
                  <th scope="col">{t.t('admin.newsletters.subscribers.lists')}</th>
                  <th scope="col">{t.t('admin.newsletters.import.result')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr class="import-row" data-line={r.line} data-action={r.action}>
                    <td>{t.n(r.line)}</td>
                    <td dir="ltr">{r.email}</td>
                    <td>{t.t(`admin.newsletters.language.${r.languageAfter}`)}</td>
                    <td>{names(r.after)}</td>
                    <td>{t.t(`admin.newsletters.import.action.${r.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {plan.rejected.length ? (
        <>
          <h2>{t.t('admin.newsletters.import.rejectedTitle')}</h2>
          <RejectedTable t={t} rejected={plan.rejected} reason={(i) => rejectionText(t, plan.rejected[i]!)} />
        </>
      ) : null}
    </>
  );
}

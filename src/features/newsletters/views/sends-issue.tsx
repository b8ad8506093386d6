import type { Child } from 'hono/jsx';
import { DL_STYLE, issuePath, kindLabel, languageLabel, ProgressBar, statusLabel, When, type IssueSummary, type SendsView } from './sends-common.js';

export interface IssueReport {
  possibleRepeats: { email: string; status: string; sentAt: Date | null }[];
  failures: { email: string; attempts: number; answer: string }[];
}

export interface IssuePageData {
  issue: IssueSummary;
  report: IssueReport;
  /** Confirmed, unsuppressed subscribers a draft would reach now. */
  recipients: number;
  staffEmail: string;
  canEdit: boolean;
  csrf: Child;
  /** The live-progress script, when built; without it the page asks the browser to reload itself. */
  progressScript: string | undefined;
}

function Details(props: { v: SendsView; issue: IssueSummary }) {
  const { v, issue } = props;
  const { t } = v;
  return (
    <dl class="send-details" style={DL_STYLE}>
      <dt>{t.t('admin.sends.col.status')}</dt>
      <dd style="margin: 0;" data-status-label="">{statusLabel(t, issue.status)}</dd>
      <dt>{t.t('admin.sends.col.kind')}</dt>
      <dd style="margin: 0;">{kindLabel(t, issue.kind)}</dd>
      <dt>{t.t('admin.sends.col.list')}</dt>
      <dd style="margin: 0;">{issue.listName}</dd>
      <dt>{t.t('admin.sends.col.language')}</dt>
      <dd style="margin: 0;">{languageLabel(t, issue.language)}</dd>
      <dt>{t.t('admin.sends.issue.createdBy')}</dt>
      <dd style="margin: 0;" dir="auto">{issue.createdBy ?? t.t('admin.sends.issue.automatic')}</dd>
      <dt>{t.t('admin.sends.issue.createdAt')}</dt>
      <dd style="margin: 0;">
        <When v={v} at={issue.createdAt} />
      </dd>
      <dt>{t.t('admin.sends.col.started')}</dt>
      <dd style="margin: 0;">
        <When v={v} at={issue.startedAt} />
      </dd>
      <dt>{t.t('admin.sends.col.finished')}</dt>
      <dd style="margin: 0;" data-finished="">
        <When v={v} at={issue.finishedAt} />
      </dd>
    </dl>
  );
}

/**
 * The counts and the bar. While sending, `data-progress-url` lets the progress script poll the JSON
 * endpoint and update the numbers in place; the status line is the only live region, so a screen
 * reader hears the end of the send, not every tick.
 */
function Progress(props: { v: SendsView; issue: IssueSummary }) {
  const { t } = props.v;
  const { issue } = props;
  const c = issue.counts;
  const count = (key: 'total' | 'queued' | 'sent' | 'failed' | 'suppressed', value: number) => (
    <>
      <dt>{t.t(`admin.sends.count.${key}`)}</dt>
      <dd style="margin: 0;" data-count={key}>{t.n(value)}</dd>
    </>
  );
  return (
    <section aria-labelledby="progress-title" class="send-progress" data-progress-url={`${issuePath(issue.id)}/progress`} data-status={issue.status}>
      <h2 id="progress-title">{t.t('admin.sends.issue.progress')}</h2>
      <label for="send-progress">{t.t('admin.sends.issue.progressLabel')}</label>
      <ProgressBar t={t} counts={c} status={issue.status} id="send-progress" />
      <dl class="send-counts" style={DL_STYLE}>
        {count('total', c.total)}
        {count('queued', c.queued + c.sending)}
        {count('sent', c.sent)}
        {count('failed', c.failed)}
        {count('suppressed', c.suppressed)}
      </dl>
      <p class="help">
        {t.t('admin.sends.issue.progressHelp')} {t.t('admin.sends.count.suppressedHelp')}
      </p>
      <p role="status" data-progress-status="">
        {issue.status === 'sent' ? t.t('admin.sends.issue.finishedNow') : ''}
      </p>
    </section>
  );
}

function Report(props: { v: SendsView; report: IssueReport }) {
  const { v, report } = props;
  const { t } = v;
  return (
    <>
      <section aria-labelledby="repeats-title">
        <h2 id="repeats-title">{t.t('admin.sends.repeats.title')}</h2>
        <p>{t.t('admin.sends.repeats.explain')}</p>
        {report.possibleRepeats.length ? (
          <div class="table-wrap">
            <table class="send-repeats">
              <thead>
                <tr>
                  <th scope="col">{t.t('admin.sends.col.email')}</th>
                  <th scope="col">{t.t('admin.sends.col.status')}</th>
                  <th scope="col">{t.t('admin.sends.col.sentAt')}</th>
                </tr>
              </thead>
              <tbody>
                {report.possibleRepeats.map((r) => (
                  <tr>
                    <td dir="ltr">{r.email}</td>
                    <td>{t.t(`admin.sends.count.${r.status === 'sending' ? 'queued' : (r.status as 'queued' | 'sent' | 'failed' | 'suppressed')}`)}</td>
                    <td>
                      <When v={v} at={r.sentAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t.t('admin.sends.repeats.none')}</p>
        )}
      </section>
      <section aria-labelledby="failures-title">
        <h2 id="failures-title">{t.t('admin.sends.failures.title')}</h2>
        {report.failures.length ? (
          <>
            <p>{t.t('admin.sends.failures.explain')}</p>
            <div class="table-wrap">
              <table class="send-failures">
                <thead>
                  <tr>
                    <th scope="col">{t.t('admin.sends.col.email')}</th>
                    <th scope="col">{t.t('admin.sends.col.attempts')}</th>
                    <th scope="col">{t.t('admin.sends.col.answer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.failures.map((f) => (
                    <tr>
                      <td dir="ltr">{f.email}</td>
                      <td>{t.n(f.attempts)}</td>
                      <td>
                        <code dir="ltr">{f.answer}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>{t.t('admin.sends.failures.none')}</p>
        )}
      </section>
    </>
  );
}

/** A draft: its preview, a test to oneself, editing, and the way to the confirmation step. */
function DraftTools(props: { v: SendsView; data: IssuePageData }) {
  const { t } = props.v;
  const { issue, recipients } = props.data;
  const base = issuePath(issue.id);
  return (
    <>
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t.t('admin.sends.preview.title')}</h2>
        <p>{t.t('admin.sends.preview.help')}</p>
        <iframe
          src={`${base}/preview`}
          title={t.t('admin.sends.preview.frame', { subject: issue.subject })}
          sandbox="allow-same-origin"
          loading="lazy"
          style="inline-size: 100%; block-size: 40rem; border: 1px solid var(--line); background: #fff;"
        ></iframe>
        <p>
          <a href={`${base}/preview`} target="_blank" rel="noopener">
            {t.t('admin.sends.preview.open')}
          </a>
        </p>
      </section>
      <form method="post" action={`${base}/test`}>
        {props.data.csrf}
        <button type="submit" class="secondary">
          {t.t('admin.sends.test.button', { email: props.data.staffEmail })}
        </button>
      </form>
      {props.data.canEdit ? (
        <p>
          <a href={`${base}/edit`}>{t.t('admin.sends.edit')}</a>
        </p>
      ) : null}
      {recipients > 0 ? (
        <p>
          <a class="button" href={`${base}/send`}>
            {t.t('admin.sends.send.button', { count: recipients })}
          </a>
        </p>
      ) : (
        <p>{t.t('admin.sends.send.nobody')}</p>
      )}
    </>
  );
}

/** /admin/newsletters/sends/:id: the issue, its progress while sending, and the send report. */
export function IssuePage(props: { v: SendsView; data: IssuePageData }) {
  const { v, data } = props;
  const { t } = v;
  const { issue } = data;
  return (
    <>
      <p>
        <a href="/admin/newsletters/sends">{t.t('admin.sends.back')}</a>
      </p>
      <h2 class="visually-hidden">{t.t('admin.sends.issue.details')}</h2>
      <Details v={v} issue={issue} />
      {issue.status === 'draft' ? <DraftTools v={v} data={data} /> : null}
      {issue.status === 'draft' ? null : (
        <>
          <Progress v={v} issue={issue} />
          <Report v={v} report={data.report} />
        </>
      )}
      {issue.status === 'sending' && data.progressScript ? <script type="module" src={data.progressScript}></script> : null}
    </>
  );
}

/** /admin/newsletters/sends/:id/send: the last look before the send starts. */
export function ConfirmSend(props: { v: SendsView; issue: IssueSummary; recipients: number; csrf: Child }) {
  const { v, issue, recipients } = props;
  const { t } = v;
  const base = issuePath(issue.id);
  return (
    <>
      <p>{t.t('admin.sends.send.confirmIntro')}</p>
      <dl class="send-details" style={DL_STYLE}>
        <dt>{t.t('admin.sends.col.subject')}</dt>
        <dd style="margin: 0;" lang={issue.language} dir="auto">
          {issue.subject}
        </dd>
        <dt>{t.t('admin.sends.col.list')}</dt>
        <dd style="margin: 0;">{issue.listName}</dd>
        <dt>{t.t('admin.sends.col.language')}</dt>
        <dd style="margin: 0;">{languageLabel(t, issue.language)}</dd>
        <dt>{t.t('admin.sends.send.recipients')}</dt>
        <dd style="margin: 0;" data-recipients="">{t.n(recipients)}</dd>
      </dl>
      {recipients > 0 ? (
        <form method="post" action={`${base}/send`}>
          {props.csrf}
          <button type="submit">{t.t('admin.sends.send.confirm')}</button>
        </form>
      ) : (
        <p>{t.t('admin.sends.send.nobody')}</p>
      )}
      <p>
        <a href={base}>{t.t('admin.sends.send.cancel')}</a>
      </p>
    </>
  );
}

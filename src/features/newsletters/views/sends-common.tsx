import type { DateFormatter } from '../../../platform/i18n/dates.js';
import type { Language, Translator } from '../../../platform/i18n/i18n.js';
import type { IssueCounts } from '../issues.service.js';
import type { NewsletterIssuesTable } from '../newsletters.table.js';

/** What the send pages show of an issue (never its frozen email). */
export interface IssueSummary {
  id: string;
  subject: string;
  kind: NewsletterIssuesTable['kind'];
  listName: string;
  language: Language;
  status: NewsletterIssuesTable['status'];
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  counts: IssueCounts;
}

/** The labels and formats every send page shares, in the staff member's language. */
export interface SendsView {
  t: Translator;
  dates: DateFormatter;
}

/** Messages dealt with one way or another: the progress bar's value. */
export const handled = (c: IssueCounts) => c.sent + c.failed + c.suppressed;

/** Term and value side by side (the admin stylesheet has no rule for description lists). */
export const DL_STYLE = 'display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.5rem; margin-block: 0 1rem;';

export const issuePath = (id: string) => `/admin/newsletters/sends/${id}`;

export const kindLabel = (t: Translator, kind: IssueSummary['kind']) => t.t(`admin.sends.kind.${kind}`);
export const statusLabel = (t: Translator, status: IssueSummary['status']) => t.t(`admin.sends.status.${status}`);
export const languageLabel = (t: Translator, lang: Language) => t.t(`admin.sends.language.${lang}`);

/** A time in the site's zone, or "Not yet". */
export function When(props: { v: SendsView; at: Date | null }) {
  if (!props.at) return <>{props.v.t.t('admin.sends.notYet')}</>;
  return <time datetime={props.at.toISOString()}>{props.v.dates.dateTime(props.at)}</time>;
}

/**
 * The progress bar (handled of total) with its text. An issue without recipients counts as done once
 * it is sent, so the bar is full rather than empty.
 */
export function ProgressBar(props: { t: Translator; counts: IssueCounts; status: IssueSummary['status']; id: string; label?: string }) {
  const { t, counts } = props;
  const done = handled(counts);
  const max = Math.max(counts.total, 1);
  const value = counts.total === 0 ? (props.status === 'sent' ? 1 : 0) : done;
  const textId = `${props.id}-text`;
  return (
    <>
      <progress id={props.id} max={max} value={value} aria-label={props.label} aria-describedby={textId} style="inline-size: 100%; max-inline-size: 24rem;" data-progress-bar="">
        {t.t('admin.sends.progressOf', { done, total: counts.total })}
      </progress>
      <span id={textId} data-progress-text="" style="display: block;">
        {t.t('admin.sends.progressOf', { done, total: counts.total })}
      </span>
    </>
  );
}

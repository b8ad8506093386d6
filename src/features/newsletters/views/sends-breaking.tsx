import type { Child } from 'hono/jsx';
import type { Language } from '../../../platform/i18n/i18n.js';
import { DL_STYLE, issuePath, languageLabel, type SendsView } from './sends-common.js';

export interface BreakingData {
  article: { id: string; headline: string; language: Language; path: string };
  recipients: number;
  /** The issue this story already went out as, if it did. */
  existingIssueId: string | undefined;
  csrf: Child;
}

/**
 * /admin/newsletters/breaking?article=…: the confirmation step; nothing is sent until the button. A story
 * already sent shows the way to that issue instead (the route says so in its notice).
 */
export function BreakingConfirm(props: { v: SendsView; data: BreakingData }) {
  const { t } = props.v;
  const { article, recipients, existingIssueId } = props.data;
  return (
    <>
      <p>{t.t('admin.sends.breaking.intro')}</p>
      <dl class="send-details" style={DL_STYLE}>
        <dt>{t.t('admin.sends.breaking.story')}</dt>
        <dd style="margin: 0;">
          <a href={article.path} lang={article.language} dir="auto" data-headline="">
            {article.headline}
          </a>
        </dd>
        <dt>{t.t('admin.sends.col.language')}</dt>
        <dd style="margin: 0;">{languageLabel(t, article.language)}</dd>
      </dl>
      {existingIssueId ? (
        <p>
          <a href={issuePath(existingIssueId)}>{t.t('admin.sends.breaking.seeIssue')}</a>
        </p>
      ) : recipients === 0 ? (
        <p data-recipients="0">{t.t('admin.sends.send.nobody')}</p>
      ) : (
        <>
          <p data-recipients={String(recipients)}>{t.t('admin.sends.breaking.recipients', { count: recipients, inLanguage: t.t(`admin.sends.inLanguage.${article.language}`) })}</p>
          <form method="post" action="/admin/newsletters/breaking">
            {props.data.csrf}
            <input type="hidden" name="article" value={article.id} />
            <button type="submit">{t.t('admin.sends.breaking.send')}</button>
          </form>
        </>
      )}
      <p>
        <a href={`/admin/articles/${article.id}/edit`}>{t.t('admin.sends.breaking.cancel')}</a>
      </p>
    </>
  );
}

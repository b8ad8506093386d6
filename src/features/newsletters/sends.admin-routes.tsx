import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { pathParam, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { clientInfo } from '../../http/client.js';
import { fromDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { createDateFormatter } from '../../platform/i18n/dates.js';
import type { Language, MessageKey, Translator } from '../../platform/i18n/i18n.js';
import { articleRecordsByIds, browsePublishedArticles, listLatestArticles } from '../articles/index.js';
import { recordAudit } from '../audit/index.js';
import { listSections, type Section } from '../sections/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { adminTranslator, CsrfField, renderAdmin } from '../staff/index.js';
import { manualIssueSchema, saveManualIssue, sendBreakingNews, sendManualIssue, sendTestIssue } from './compose.service.js';
import { fillRecipientPlaceholders } from './email/index.js';
import { parseIssueContent, PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER } from './issue-content.js';
import { breakingIssueOf, countRecipients, countsByIssue, findIssue, issueCounts, ISSUES_PAGE_SIZE, listIssuePage, renderIssue, sendReport, type IssueCounts, type IssueRow } from './issues.service.js';
import { availableLists, listName } from './lists.js';
import { mailOrigin } from './newsletter-links.js';
import { BreakingConfirm } from './views/sends-breaking.js';
import { handled, issuePath, statusLabel, type IssueSummary, type SendsView } from './views/sends-common.js';
import { ComposeForm, type ComposeData, type ComposeValues, type StoryChoice } from './views/sends-compose.js';
import { SendsHistory } from './views/sends-history.js';
import { ConfirmSend, IssuePage, type IssueReport } from './views/sends-issue.js';

// ---- Queries the send pages need that issues.service.ts does not offer (yet) ----
// ---- Helpers ----

type SendAuditAction = 'newsletter-test-sent' | 'newsletter-send-started' | 'newsletter-breaking-sent';

/** Notices after a redirect: `?done=<name>`; anything else shows none. */
const NOTICES: Record<string, MessageKey> = {
  saved: 'admin.sends.saved',
  test: 'admin.sends.test.sent',
  started: 'admin.sends.send.started',
  'not-draft': 'admin.sends.send.notDraft',
  breaking: 'admin.sends.breaking.started',
  already: 'admin.sends.breaking.already',
};

const pageSchema = z.coerce.number().int().min(1).max(100_000).default(1);

/** The stories a hand-made issue can carry: this many of the newest per language. */
const RECENT_STORIES = 30;
/** issue-content.ts keeps at most ten lead stories. */
const MAX_STORIES = 10;

/** Lets this one page frame its own preview: the site's policy with 'self' added to frame-src. */
function allowSelfFrames(c: AppContext): void {
  const policy = c.res.headers.get('Content-Security-Policy');
  if (!policy) return;
  const withSelf = /(^|;)\s*frame-src(?=[\s;]|$)/.test(policy) ? policy.replace(/((?:^|;)\s*frame-src)(?=[\s;]|$)/, "$1 'self'") : `${policy}; frame-src 'self'`;
  c.header('Content-Security-Policy', withSelf);
}

function summaryOf(issue: Omit<IssueRow, 'email_html' | 'email_text' | 'content'>, counts: IssueCounts, sections: readonly Section[], lang: Language): IssueSummary {
  return {
    id: issue.id,
    subject: issue.subject,
    kind: issue.kind,
    listName: listName(issue.list, sections, lang),
    language: issue.language,
    status: issue.status,
    createdBy: issue.created_by,
    createdAt: fromDbTime(issue.created_at),
    startedAt: issue.send_started_at ? fromDbTime(issue.send_started_at) : null,
    finishedAt: issue.finished_at ? fromDbTime(issue.finished_at) : null,
    counts,
  };
}

function composeValuesFrom(form: Record<string, unknown>): ComposeValues {
  const one = (k: string) => {
    const v = form[k];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' ? s : '';
  };
  const raw = form['articleIds'];
  const ids = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
  return { subject: one('subject'), language: one('language'), list: one('list'), intro: one('intro'), articleIds: [...new Set(ids)] };
}

/** Newsroom pages for send history, composing, previews and breaking news. Every page is for editors and up. */
export function newsletterSendRoutes(deps: Deps): RouteDef[] {
  const view = async (c: AppContext): Promise<SendsView> => {
    const t = adminTranslator(c);
    const settings = await getSiteSettings(deps.db);
    return { t, dates: createDateFormatter(t.lang, settings.timeZone, 'latn') };
  };

  const issueOr404 = async (c: AppContext): Promise<IssueRow> => {
    const issue = await findIssue(deps.db, pathParam(c, 'id'));
    if (!issue) throw new AppError('NEWSLETTER_ISSUE_NOT_FOUND', 404, 'admin.sends.error.notFound');
    return issue;
  };

  const summary = async (issue: IssueRow, t: Translator) => summaryOf(issue, await issueCounts(deps.db, issue.id), await listSections(deps.db), t.lang);

  /** The built live-progress script (scripts/build-client.mjs), when there is one. */
  const progressScript = () => [...deps.assets.byUrl.keys()].find((url) => url.startsWith('/assets/newsletter-progress.'));

  const audit = (c: AppContext, action: SendAuditAction, issue: Pick<IssueRow, 'id' | 'subject' | 'list' | 'language' | 'kind'>, details: Record<string, unknown> = {}) => {
    const s = c.get('staff')!;
    return recordAudit(
      deps.db,
      { userId: s.userId, label: s.email, ip: clientInfo(c, deps.config.trustProxy).ip },
      action,
      { type: 'newsletter-issue', id: issue.id },
      { subject: issue.subject, kind: issue.kind, list: issue.list, language: issue.language, ...details },
      deps.clock.now(),
    );
  };

  const issuePage = async (c: AppContext, extra: { error?: string; status?: number } = {}) => {
    const v = await view(c);
    const { t } = v;
    const issue = await issueOr404(c);
    const s = await summary(issue, t);
    const staff = c.get('staff')!;
    const raw = issue.status === 'draft' ? { possibleRepeats: [], failures: [] } : await sendReport(deps.db, issue.id);
    const report: IssueReport = {
      possibleRepeats: raw.possibleRepeats.map((r) => ({ email: r.email, status: r.status, sentAt: r.sent_at ? fromDbTime(r.sent_at) : null })),
      failures: raw.failures.map((f) => ({ email: f.email, attempts: f.attempts, answer: [f.smtp_response, f.error].filter(Boolean).join(' ') })),
    };
    const script = progressScript();
    if (issue.status === 'draft') allowSelfFrames(c);
    // Without the script the page still moves: the browser reloads it while the issue is sending.
    if (issue.status === 'sending' && !script) c.header('Refresh', '3');
    const done = c.req.query('done');
    const noticeKey = done ? NOTICES[done] : undefined;
    return renderAdmin(c, deps.assets, {
      title: { text: issue.subject },
      ...(noticeKey ? { notice: t.t(noticeKey, { email: staff.email }) } : {}),
      ...extra,
      body: (
        <IssuePage
          v={v}
          data={{
            issue: s,
            report,
            recipients: issue.status === 'draft' ? await countRecipients(deps.db, issue.list, issue.language) : 0,
            staffEmail: staff.email,
            canEdit: issue.kind === 'manual',
            csrf: <CsrfField c={c} />,
            progressScript: script,
          }}
        />
      ),
    });
  };

  // ---- Composing ----

  const storyChoices = async (chosen: readonly string[]): Promise<Record<Language, StoryChoice[]>> => {
    const out: Record<Language, StoryChoice[]> = { en: [], ar: [] };
    for (const lang of ['en', 'ar'] as const) {
      const recent = await listLatestArticles(deps.db, { language: lang }, RECENT_STORIES);
      out[lang] = recent.map((a) => ({ id: a.id, headline: a.headline, section: a.section.name, language: a.language, publishedAt: a.publishedAt }));
    }
    // Stories chosen earlier that are no longer among the newest stay on the form, chosen, at the top.
    const shown = new Set([...out.en, ...out.ar].map((s) => s.id));
    const missing = chosen.filter((id) => !shown.has(id));
    if (missing.length) {
      const { articles } = await browsePublishedArticles(deps.db, (eb) => eb('a.id', 'in', missing), [{ column: 'published_at', direction: 'desc' }], missing.length, 0);
      for (const a of [...articles].reverse()) out[a.language].unshift({ id: a.id, headline: a.headline, section: a.section.name, language: a.language, publishedAt: a.publishedAt });
    }
    return out;
  };

  const composePage = async (c: AppContext, issueId: string | undefined, values: ComposeValues, problem?: { error: string; invalid?: ComposeData['invalid']; status: number }) => {
    const v = await view(c);
    const { t } = v;
    const sections = await listSections(deps.db);
    return renderAdmin(c, deps.assets, {
      title: issueId ? 'admin.sends.compose.editTitle' : 'admin.sends.compose.title',
      ...(problem ? { error: problem.error, status: problem.status } : {}),
      body: (
        <ComposeForm
          v={v}
          data={{
            issueId,
            values,
            lists: availableLists(sections).map((l) => ({ key: l.key, name: l.name[t.lang] })),
            stories: await storyChoices(values.articleIds),
            ...(problem?.invalid ? { invalid: problem.invalid } : {}),
            csrf: <CsrfField c={c} />,
          }}
        />
      ),
    });
  };

  /** What is wrong with a composed issue before the service sees it, in the staff member's words. */
  const composeProblem = async (t: Translator, values: ComposeValues): Promise<{ key: MessageKey; invalid: ComposeData['invalid']; params?: Record<string, string> } | undefined> => {
    const parsed = manualIssueSchema.safeParse(values);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      if (field === 'language') return { key: 'admin.sends.error.language', invalid: 'language' };
      if (field === 'intro') return { key: 'admin.sends.error.intro', invalid: 'intro' };
      if (field === 'list') return { key: 'admin.sends.error.list', invalid: 'list' };
      if (field === 'articleIds') return { key: 'admin.sends.error.tooManyStories', invalid: 'stories' };
      return { key: 'admin.sends.error.subject', invalid: 'subject' };
    }
    if (values.articleIds.length > MAX_STORIES) return { key: 'admin.sends.error.tooManyStories', invalid: 'stories' };
    if (values.articleIds.length) {
      const { articles } = await browsePublishedArticles(deps.db, (eb) => eb('a.id', 'in', values.articleIds), [], values.articleIds.length, 0);
      if (articles.some((a) => a.language !== parsed.data.language)) {
        const lang = parsed.data.language;
        return { key: 'admin.sends.error.storyLanguage', invalid: 'stories', params: { inLanguage: t.t(`admin.sends.inLanguage.${lang}`) } };
      }
    }
    return undefined;
  };

  const saveCompose = async (c: AppContext, issueId: string | undefined) => {
    const t = adminTranslator(c);
    const values = composeValuesFrom(await c.req.parseBody({ all: true }));
    const problem = await composeProblem(t, values);
    if (problem) return composePage(c, issueId, values, { error: t.t(problem.key, problem.params), invalid: problem.invalid, status: 422 });
    try {
      // composeProblem has checked the language; this only tells TypeScript.
      const issue = await saveManualIssue(deps, { ...values, language: values.language === 'ar' ? 'ar' : 'en' }, c.get('staff')!.email, issueId);
      return c.redirect(`${issuePath(issue.id)}?done=saved`, 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'NEWSLETTER_LIST_UNKNOWN') return composePage(c, issueId, values, { error: t.t('admin.sends.error.list'), invalid: 'list', status: 422 });
      if (err.code === 'NEWSLETTER_ISSUE_EMPTY') return composePage(c, issueId, values, { error: t.t('admin.sends.error.empty'), invalid: 'intro', status: 422 });
      if (err.code === 'NEWSLETTER_ISSUE_SENT') return composePage(c, issueId, values, { error: t.t('admin.sends.error.alreadySent'), status: 409 });
      if (err.code === 'NEWSLETTER_ISSUE_NOT_FOUND') throw new AppError(err.code, 404, 'admin.sends.error.notFound');
      throw err;
    }
  };

  const editableIssue = async (c: AppContext): Promise<IssueRow> => {
    const issue = await issueOr404(c);
    if (issue.kind !== 'manual') throw new AppError('NEWSLETTER_ISSUE_NOT_FOUND', 404, 'admin.sends.error.notFound');
    if (issue.status !== 'draft') throw new AppError('NEWSLETTER_ISSUE_SENT', 409, 'admin.sends.error.alreadySent');
    return issue;
  };

  // ---- Breaking news ----

  /** The published story behind a breaking-news request, or an error page saying what is wrong. */
  const breakingStory = async (articleId: string) => {
    const [record] = articleId ? await articleRecordsByIds(deps.db, [articleId]) : [];
    if (!record) throw new AppError('ARTICLE_NOT_FOUND', 404, 'admin.sends.breaking.unknown');
    if (record.status !== 'published') throw new AppError('ARTICLE_NOT_PUBLISHED', 409, 'admin.sends.breaking.notPublished');
    return record.page;
  };

  return [
    staffRoute('GET', '/admin/newsletters/sends', 'editor', async (c) => {
      const v = await view(c);
      const parsedPage = pageSchema.safeParse(c.req.query('page'));
      if (!parsedPage.success) throw new AppError('BAD_PAGE', 400, 'error.badPage');
      const page = parsedPage.data;
      const [{ rows, total }, sections] = await Promise.all([listIssuePage(deps.db, page), listSections(deps.db)]);
      const counts = await countsByIssue(
        deps.db,
        rows.map((r) => r.id),
      );
      const issues = rows.map((r) => summaryOf(r, counts.get(r.id)!, sections, v.t.lang));
      return renderAdmin(c, deps.assets, {
        title: 'admin.sends.title',
        body: <SendsHistory v={v} issues={issues} page={page} pageCount={Math.max(1, Math.ceil(total / ISSUES_PAGE_SIZE))} />,
      });
    }),

    staffRoute('GET', '/admin/newsletters/compose', 'editor', async (c) => {
      const t = adminTranslator(c);
      const language = c.req.query('language') === 'ar' || c.req.query('language') === 'en' ? (c.req.query('language') as Language) : t.lang;
      return composePage(c, undefined, { subject: '', language, list: 'daily', intro: '', articleIds: [] });
    }),
    staffRoute('POST', '/admin/newsletters/compose', 'editor', (c) => saveCompose(c, undefined)),

    staffRoute('GET', '/admin/newsletters/breaking', 'editor', async (c) => {
      const v = await view(c);
      const article = await breakingStory(c.req.query('article') ?? '');
      const existing = await breakingIssueOf(deps.db, article.id);
      return renderAdmin(c, deps.assets, {
        title: 'admin.sends.breaking.title',
        ...(existing ? { notice: v.t.t('admin.sends.breaking.alreadyHere') } : {}),
        body: (
          <BreakingConfirm
            v={v}
            data={{
              article: { id: article.id, headline: article.headline, language: article.language, path: article.path },
              recipients: existing ? 0 : await countRecipients(deps.db, 'breaking', article.language),
              existingIssueId: existing,
              csrf: <CsrfField c={c} />,
            }}
          />
        ),
      });
    }),
    staffRoute('POST', '/admin/newsletters/breaking', 'editor', async (c) => {
      const form = await c.req.parseBody();
      const articleId = typeof form['article'] === 'string' ? form['article'] : '';
      await breakingStory(articleId);
      let result: Awaited<ReturnType<typeof sendBreakingNews>>;
      try {
        result = await sendBreakingNews(deps, articleId, c.get('staff')!.email);
      } catch (err) {
        // Unpublished between the confirmation and the click.
        if (err instanceof AppError && err.code === 'ARTICLE_NOT_PUBLISHED') throw new AppError(err.code, 409, 'admin.sends.breaking.notPublished');
        throw err;
      }
      if (result.started) await audit(c, 'newsletter-breaking-sent', result.issue, { articleId, recipients: (await issueCounts(deps.db, result.issue.id)).total });
      return c.redirect(`${issuePath(result.issue.id)}?done=${result.started ? 'breaking' : 'already'}`, 303);
    }),

    staffRoute('GET', '/admin/newsletters/sends/:id', 'editor', (c) => issuePage(c)),

    staffRoute('GET', '/admin/newsletters/sends/:id/progress', 'editor', async (c) => {
      const t = adminTranslator(c);
      const issue = await issueOr404(c);
      const counts = await issueCounts(deps.db, issue.id);
      c.header('Cache-Control', 'no-store');
      return c.json({
        id: issue.id,
        status: issue.status,
        statusLabel: statusLabel(t, issue.status),
        counts,
        handled: handled(counts),
        text: t.t('admin.sends.progressOf', { done: handled(counts), total: counts.total }),
      });
    }),

    staffRoute('GET', '/admin/newsletters/sends/:id/preview', 'editor', async (c) => {
      const issue = await issueOr404(c);
      // A started issue shows exactly what went out; a draft is rendered as it would go out now.
      const email = issue.email_html !== null && issue.email_text !== null ? { html: issue.email_html, text: issue.email_text } : await renderIssue(deps, issue);
      const origin = new URL(mailOrigin(deps.config)).origin;
      const signup = `${origin}${issue.language === 'ar' ? '/ar' : ''}/newsletter`;
      const { html } = fillRecipientPlaceholders(email, { [PREFERENCES_PLACEHOLDER]: signup, [UNSUBSCRIBE_PLACEHOLDER]: signup });
      // The email's own HTML runs nothing (no scripts, forms, popups or navigation of the newsroom page),
      // fetches only our images, and may be framed only by us. It keeps our origin (allow-same-origin,
      // harmless without scripts) because an opaque origin would have its images refused by the site's
      // Cross-Origin-Resource-Policy.
      c.header('Content-Security-Policy', `sandbox allow-same-origin; default-src 'none'; img-src ${origin} data:; style-src 'unsafe-inline'; font-src ${origin} data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`);
      c.header('Cache-Control', 'no-store');
      c.header('X-Robots-Tag', 'noindex');
      return c.html(html);
    }),

    staffRoute('POST', '/admin/newsletters/sends/:id/test', 'editor', async (c) => {
      const t = adminTranslator(c);
      const issue = await issueOr404(c);
      const to = c.get('staff')!.email;
      try {
        await sendTestIssue(deps, issue.id, to);
      } catch (err) {
        if (err instanceof AppError) throw err;
        const answer = err instanceof Error ? err.message : String(err);
        return issuePage(c, { error: t.t('admin.sends.test.failed', { answer }), status: 503 });
      }
      await audit(c, 'newsletter-test-sent', issue, { to });
      return c.redirect(`${issuePath(issue.id)}?done=test`, 303);
    }),

    staffRoute('GET', '/admin/newsletters/sends/:id/edit', 'editor', async (c) => {
      const issue = await editableIssue(c);
      const content = parseIssueContent(issue.content);
      return composePage(c, issue.id, { subject: issue.subject, language: issue.language, list: issue.list, intro: content.intro, articleIds: content.leadIds });
    }),
    staffRoute('POST', '/admin/newsletters/sends/:id/edit', 'editor', async (c) => {
      const issue = await issueOr404(c);
      if (issue.kind !== 'manual') throw new AppError('NEWSLETTER_ISSUE_NOT_FOUND', 404, 'admin.sends.error.notFound');
      return saveCompose(c, issue.id);
    }),

    staffRoute('GET', '/admin/newsletters/sends/:id/send', 'editor', async (c) => {
      const v = await view(c);
      const issue = await issueOr404(c);
      if (issue.status !== 'draft') return c.redirect(`${issuePath(issue.id)}?done=not-draft`, 303);
      return renderAdmin(c, deps.assets, {
        title: 'admin.sends.send.confirmTitle',
        body: <ConfirmSend v={v} issue={await summary(issue, v.t)} recipients={await countRecipients(deps.db, issue.list, issue.language)} csrf={<CsrfField c={c} />} />,
      });
    }),
    staffRoute('POST', '/admin/newsletters/sends/:id/send', 'editor', async (c) => {
      const issue = await issueOr404(c);
      const recipients = await countRecipients(deps.db, issue.list, issue.language);
      if (issue.status === 'draft' && recipients === 0) {
        const v = await view(c);
        return renderAdmin(c, deps.assets, {
          title: 'admin.sends.send.confirmTitle',
          error: v.t.t('admin.sends.send.nobody'),
          status: 409,
          body: <ConfirmSend v={v} issue={await summary(issue, v.t)} recipients={0} csrf={<CsrfField c={c} />} />,
        });
      }
      const started = await sendManualIssue(deps, issue.id);
      if (!started) return c.redirect(`${issuePath(issue.id)}?done=not-draft`, 303);
      await audit(c, 'newsletter-send-started', issue, { recipients: (await issueCounts(deps.db, issue.id)).total });
      return c.redirect(`${issuePath(issue.id)}?done=started`, 303);
    }),
  ];
}

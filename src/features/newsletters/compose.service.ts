import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { AppError } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n/i18n.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { browsePublishedArticles } from '../articles/index.js';
import { listSections } from '../sections/index.js';
import { fillRecipientPlaceholders } from './email/index.js';
import { PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER } from './issue-content.js';
import { createIssue, findIssue, renderIssue, startSend, type IssueDeps, type IssueRow } from './issues.service.js';
import { validLists } from './lists.js';
import { mailDomain, mailOrigin } from './newsletter-links.js';
import type { Config } from '../../config.js';

/** The published article, or a 404/409 the admin shows in the editor's language. */
async function publishedArticle(db: Db, articleId: string) {
  const { articles } = await browsePublishedArticles(db, (eb) => eb('a.id', '=', articleId), [], 1, 0);
  const a = articles[0];
  if (!a) throw new AppError('ARTICLE_NOT_PUBLISHED', 409, 'error.badRequest');
  return a;
}

/**
 * Sends a published story to the Breaking news list of its language. Once per story: a second
 * confirmation (a double click, two editors) finds the first issue and sends nothing more.
 */
export async function sendBreakingNews(deps: IssueDeps, articleId: string, actor: string): Promise<{ issue: IssueRow; started: boolean }> {
  const a = await publishedArticle(deps.db, articleId);
  const now = deps.clock.now();
  const created = await createIssue(
    deps.db,
    { kind: 'breaking', list: 'breaking', language: a.language, subject: a.headline, content: { intro: '', leadIds: [a.id], sections: [] }, createdBy: actor, dedupeKey: `breaking:${a.id}` },
    now,
  );
  if (!created) {
    const existing = await deps.db.selectFrom('newsletter_issues').selectAll().where('dedupe_key', '=', `breaking:${a.id}`).executeTakeFirstOrThrow();
    return { issue: existing, started: false };
  }
  await startSend(deps, created.id);
  return { issue: (await findIssue(deps.db, created.id))!, started: true };
}

export const manualIssueSchema = z.object({
  subject: z.string().trim().min(1).max(200),
  language: z.enum(['en', 'ar']),
  list: z.string().max(100),
  intro: z.string().trim().max(5000).default(''),
  articleIds: z.array(z.string().max(64)).max(10).default([]),
});
export type ManualIssueInput = z.input<typeof manualIssueSchema>;

/** A hand-composed issue: the editor's text, then the chosen stories (in the chosen order). */
export async function saveManualIssue(deps: IssueDeps, input: ManualIssueInput, actor: string, issueId?: string): Promise<IssueRow> {
  const v = manualIssueSchema.parse(input);
  const [list] = validLists([v.list], await listSections(deps.db));
  if (!list) throw new AppError('NEWSLETTER_LIST_UNKNOWN', 422, 'error.badRequest');
  if (!v.intro && !v.articleIds.length) throw new AppError('NEWSLETTER_ISSUE_EMPTY', 422, 'error.badRequest');
  const content = { intro: v.intro, leadIds: v.articleIds, sections: [] };
  const now = deps.clock.now();
  if (issueId) {
    const existing = await findIssue(deps.db, issueId);
    if (!existing || existing.kind !== 'manual') throw new AppError('NEWSLETTER_ISSUE_NOT_FOUND', 404, 'error.notFound');
    if (existing.status !== 'draft') throw new AppError('NEWSLETTER_ISSUE_SENT', 409, 'error.badRequest');
    await deps.db
      .updateTable('newsletter_issues')
      .set({ subject: v.subject, language: v.language, list, content: JSON.stringify(content), updated_at: now.toISOString() })
      .where('id', '=', issueId)
      .where('status', '=', 'draft')
      .execute();
    return (await findIssue(deps.db, issueId))!;
  }
  return (await createIssue(deps.db, { kind: 'manual', list, language: v.language as Language, subject: v.subject, content, createdBy: actor }, now))!;
}

/**
 * The issue as a reader would get it, to one staff address, subject marked as a test. Its links to
 * preferences and unsubscribe lead to the signup page: a test copy belongs to no subscriber.
 */
export async function sendTestIssue(deps: IssueDeps & { mailer: Mailer; config: Pick<Config, 'publicUrl' | 'port' | 'mail'> }, issueId: string, to: string): Promise<void> {
  const issue = await findIssue(deps.db, issueId);
  if (!issue) throw new AppError('NEWSLETTER_ISSUE_NOT_FOUND', 404, 'error.notFound');
  const email = await renderIssue(deps, issue);
  const page = `${mailOrigin(deps.config)}${issue.language === 'ar' ? '/ar' : ''}/newsletter`;
  const filled = fillRecipientPlaceholders(email, { [PREFERENCES_PLACEHOLDER]: page, [UNSUBSCRIBE_PLACEHOLDER]: page });
  await deps.mailer.send({
    to,
    subject: `[${issue.language === 'ar' ? 'تجربة' : 'Test'}] ${issue.subject}`,
    html: filled.html,
    text: filled.text,
    messageId: `<nl-test.${issue.id}.${Date.now()}@${mailDomain(deps.config)}>`,
  });
}

/** Sends a composed draft to its list. */
export async function sendManualIssue(deps: IssueDeps, issueId: string): Promise<boolean> {
  return startSend(deps, issueId);
}

import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { Db } from '../../db-schema.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { getSiteSettings } from '../site-settings/index.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import { renderIssueEmail } from './email/index.js';
import { issueContentSchema, issueEmailInput, type IssueContent } from './issue-content.js';
import { mailOrigin } from './newsletter-links.js';
import type { NewsletterIssuesTable } from './newsletters.table.js';

export type IssueRow = NewsletterIssuesTable;
export type IssueDeps = { db: Db; clock: Clock; config: Pick<Config, 'publicUrl' | 'port'> };

export interface NewIssue {
  kind: IssueRow['kind'];
  list: string;
  language: Language;
  subject: string;
  content: IssueContent;
  createdBy: string | null;
  /** Makes the issue at most once (`daily:en:2026-12-04`, `breaking:<article id>`). */
  dedupeKey?: string;
  status?: 'draft' | 'skipped';
}

/** Creates a draft; undefined when an issue with the same dedupe key already exists. */
export async function createIssue(db: Db, input: NewIssue, now: Date): Promise<IssueRow | undefined> {
  const at = toDbTime(now);
  const row: IssueRow = {
    id: newId(),
    kind: input.kind,
    list: input.list,
    language: input.language,
    subject: input.subject,
    content: JSON.stringify(issueContentSchema.parse(input.content)),
    status: input.status ?? 'draft',
    dedupe_key: input.dedupeKey ?? null,
    created_by: input.createdBy,
    created_at: at,
    updated_at: at,
    send_started_at: null,
    finished_at: null,
    email_html: null,
    email_text: null,
  };
  const res = await db.insertInto('newsletter_issues').values(row).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0 ? row : undefined;
}

export function findIssue(db: Db, id: string) {
  return db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Renders an issue as it would go out, links left as placeholders: previews and the send itself. */
export async function renderIssue(deps: IssueDeps, issue: Pick<IssueRow, 'kind' | 'language' | 'subject' | 'content'>) {
  const settings = await getSiteSettings(deps.db);
  return renderIssueEmail(await issueEmailInput(deps.db, issue, settings, mailOrigin(deps.config), deps.clock.now()));
}

/** How many confirmed, unsuppressed subscribers an issue to this list and language would reach. */
export async function countRecipients(db: Db, list: string, language: Language): Promise<number> {
  const row = await db
    .selectFrom('newsletter_subscriptions as l')
    .innerJoin('newsletter_subscribers as s', 's.id', 'l.subscriber_id')
    .leftJoin('newsletter_suppressions as x', 'x.email', 's.email')
    .where('l.list', '=', list)
    .where('s.status', '=', 'active')
    .where('s.language', '=', language)
    .where('x.email', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Starts sending a draft: the email is rendered once and frozen on the issue, and the outbox gets one
 * row per confirmed subscriber of the list in the issue's language, in the same transaction (one
 * INSERT … SELECT, however long the list). A suppressed address gets a row marked `suppressed`, so
 * the report counts it. Returns false when the issue was not a draft (already started elsewhere).
 */
export async function startSend(deps: IssueDeps, issueId: string): Promise<boolean> {
  const issue = await findIssue(deps.db, issueId);
  if (!issue || issue.status !== 'draft') return false;
  const email = await renderIssue(deps, issue);
  const now = deps.clock.now();
  const at = toDbTime(now);
  return deps.db.transaction().execute(async (trx) => {
    const started = await trx
      .updateTable('newsletter_issues')
      .set({ status: 'sending', email_html: email.html, email_text: email.text, send_started_at: at, updated_at: at })
      .where('id', '=', issueId)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(started.numUpdatedRows) === 0) return false;
    // Ids are `<issue>:<subscriber>`: made in SQL on both databases, unique, and in signup order.
    await sql`
      INSERT INTO newsletter_deliveries (id, issue_id, subscriber_id, email, language, status, attempts, run_at, possible_repeat)
      SELECT CAST(${issueId} AS text) || ':' || s.id, ${issueId}, s.id, s.email, s.language,
             CASE WHEN x.email IS NULL THEN 'queued' ELSE 'suppressed' END, 0, ${at}, 0
      FROM newsletter_subscriptions l
      JOIN newsletter_subscribers s ON s.id = l.subscriber_id
      LEFT JOIN newsletter_suppressions x ON x.email = s.email
      WHERE l.list = ${issue.list} AND s.status = 'active' AND s.language = ${issue.language}
    `.execute(trx);
    return true;
  });
}

export interface IssueCounts {
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  suppressed: number;
}

export async function issueCounts(db: Db, issueId: string): Promise<IssueCounts> {
  return (await countsByIssue(db, [issueId])).get(issueId)!;
}

/**
 * Marks a sending issue sent once no row is left to send, and tells webhooks (`newsletter.sent`).
 * Conditional, so two workers finishing the last rows at once mark it (and announce it) once.
 */
export async function finishIssueIfDone(deps: { db: Db; clock: Clock }, issueId: string): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const left = await trx
      .selectFrom('newsletter_deliveries')
      .select('id')
      .where('issue_id', '=', issueId)
      .where('status', 'in', ['queued', 'sending'])
      .limit(1)
      .executeTakeFirst();
    if (left) return false;
    const done = await trx
      .updateTable('newsletter_issues')
      .set({ status: 'sent', finished_at: toDbTime(now), updated_at: toDbTime(now) })
      .where('id', '=', issueId)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    const issue = await trx.selectFrom('newsletter_issues').selectAll().where('id', '=', issueId).executeTakeFirstOrThrow();
    const counts = await issueCounts(trx, issueId);
    await queueWebhookEvent(trx, 'newsletter.sent', async () => ({ newsletter: { id: issue.id, kind: issue.kind, list: issue.list, language: issue.language, subject: issue.subject, started_at: issue.send_started_at, finished_at: issue.finished_at, counts } }), now);
    return true;
  });
}

/** The send report: counts, and every recipient who may have received two copies or none. */
export async function sendReport(db: Db, issueId: string) {
  const [counts, possibleRepeats, failures] = await Promise.all([
    issueCounts(db, issueId),
    db.selectFrom('newsletter_deliveries').select(['email', 'status', 'attempts', 'sent_at']).where('issue_id', '=', issueId).where('possible_repeat', '=', 1).orderBy('id').execute(),
    db.selectFrom('newsletter_deliveries').select(['email', 'attempts', 'error', 'smtp_response']).where('issue_id', '=', issueId).where('status', '=', 'failed').orderBy('id').execute(),
  ]);
  return { counts, possibleRepeats, failures };
}

export const ISSUES_PAGE_SIZE = 20;

/** One page of issues, newest first, without their frozen emails. */
export async function listIssuePage(db: Db, page: number): Promise<{ rows: Omit<IssueRow, 'email_html' | 'email_text' | 'content'>[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('newsletter_issues')
      .select(['id', 'kind', 'list', 'language', 'subject', 'status', 'dedupe_key', 'created_by', 'created_at', 'updated_at', 'send_started_at', 'finished_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(ISSUES_PAGE_SIZE)
      .offset((page - 1) * ISSUES_PAGE_SIZE)
      .execute(),
    db
      .selectFrom('newsletter_issues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Delivery counts of several issues in one query (as issueCounts gives them for one). */
export async function countsByIssue(db: Db, ids: readonly string[]): Promise<Map<string, IssueCounts>> {
  const out = new Map<string, IssueCounts>(ids.map((id) => [id, { total: 0, queued: 0, sending: 0, sent: 0, failed: 0, suppressed: 0 }]));
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select(['issue_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('issue_id', 'in', ids)
    .groupBy(['issue_id', 'status'])
    .execute();
  for (const r of rows) {
    const c = out.get(r.issue_id)!;
    c[r.status] = Number(r.n);
    c.total += Number(r.n);
  }
  return out;
}

/** The issue a story already went out as breaking news (sendBreakingNews's dedupe key). */
export async function breakingIssueOf(db: Db, articleId: string): Promise<string | undefined> {
  const row = await db.selectFrom('newsletter_issues').select('id').where('dedupe_key', '=', `breaking:${articleId}`).executeTakeFirst();
  return row?.id;
}

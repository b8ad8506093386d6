import { createDateFormatter, zonedLocalToUtc } from '../../platform/i18n/dates.js';
import type { Language } from '../../platform/i18n/i18n.js';
import type { Logger } from '../../platform/log.js';
import { listSections, type Section } from '../sections/index.js';
import { getSiteSettings, type SiteSettings } from '../site-settings/index.js';
import { digestContent, parseIssueContent, storiesPublishedBetween } from './issue-content.js';
import { countRecipients, createIssue, startSend, type IssueDeps } from './issues.service.js';
import { listName } from './lists.js';
import { deleteOldThrottleRows } from './throttle.js';

const DAY_MS = 24 * 3600_000;

/** Where the last digest of this list and language ended, so nothing is left out or repeated. */
async function lastPeriodEnd(deps: IssueDeps, list: string, language: Language): Promise<Date | undefined> {
  const last = await deps.db
    .selectFrom('newsletter_issues')
    .select('content')
    .where('list', '=', list)
    .where('language', '=', language)
    .where('kind', 'in', ['daily', 'weekly'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const end = last ? parseIssueContent(last.content).periodEnd : undefined;
  return end ? new Date(end) : undefined;
}

/**
 * Makes one digest when its time has come: the stories published since the previous digest of the
 * same list (or over `fallbackMs` for the first), sent at once; with none, a `skipped` issue records
 * that the day was handled and nothing goes out. The dedupe key makes it once, however many workers.
 */
async function planDigest(
  deps: IssueDeps,
  d: { kind: 'daily' | 'weekly'; list: string; language: Language; key: string; subject: string; sectionId?: string; fallbackMs: number; sectionOrder: string[] },
): Promise<string | undefined> {
  const exists = await deps.db.selectFrom('newsletter_issues').select('id').where('dedupe_key', '=', d.key).executeTakeFirst();
  if (exists) return undefined;
  // No reader on the list in this language: nothing to make (checked again next minute, cheaply).
  if ((await countRecipients(deps.db, d.list, d.language)) === 0) return undefined;
  const now = deps.clock.now();
  const start = (await lastPeriodEnd(deps, d.list, d.language)) ?? new Date(now.getTime() - d.fallbackMs);
  const stories = await storiesPublishedBetween(deps.db, d.language, start, now, d.sectionId);
  const issue = await createIssue(
    deps.db,
    { kind: d.kind, list: d.list, language: d.language, subject: d.subject, content: digestContent(stories, { start, end: now }, d.sectionOrder), createdBy: null, dedupeKey: d.key, status: stories.length ? 'draft' : 'skipped' },
    now,
  );
  if (!issue || !stories.length) return undefined;
  await startSend(deps, issue.id);
  return issue.id;
}

function digestSubject(settings: SiteSettings, list: string, sections: Section[], lang: Language, now: Date): string {
  const dates = createDateFormatter(lang, settings.timeZone, settings.arabicDigits, settings.dateStyle);
  return `${listName(list, sections, lang)} · ${dates.shortDate(now)}`;
}

/**
 * Run every minute by the newsletter worker: starts each language's daily digest once its local time
 * has passed today, and on the weekly day each section's weekly digest. Returns the issues started.
 */
export async function planDigests(deps: IssueDeps & { log: Logger }): Promise<string[]> {
  const now = deps.clock.now();
  const settings = await getSiteSettings(deps.db);
  const sections = await listSections(deps.db);
  const sectionOrder = sections.map((s) => s.id);
  const day = createDateFormatter('en', settings.timeZone, 'latn').dayKey(now);
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  const started: string[] = [];
  const dailyAt = zonedLocalToUtc(`${day}T${settings.newsletterDailyTime}`, settings.timeZone);
  const weeklyAt = zonedLocalToUtc(`${day}T${settings.newsletterWeeklyTime}`, settings.timeZone);
  for (const language of settings.languages) {
    if (dailyAt && now >= dailyAt) {
      const id = await planDigest(deps, { kind: 'daily', list: 'daily', language, key: `daily:${language}:${day}`, subject: digestSubject(settings, 'daily', sections, language, now), fallbackMs: DAY_MS, sectionOrder });
      if (id) started.push(id);
    }
    if (weekday === settings.newsletterWeeklyDay && weeklyAt && now >= weeklyAt) {
      for (const s of sections) {
        const list = `weekly:${s.id}`;
        const id = await planDigest(deps, { kind: 'weekly', list, language, key: `${list}:${language}:${day}`, subject: digestSubject(settings, list, sections, language, now), sectionId: s.id, fallbackMs: 7 * DAY_MS, sectionOrder });
        if (id) started.push(id);
      }
    }
  }
  await deleteOldThrottleRows(deps.db, new Date(now.getTime() - DAY_MS));
  if (started.length) deps.log.info({ issues: started }, 'newsletter digests started');
  return started;
}

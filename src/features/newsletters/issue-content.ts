import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { toDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { createDateFormatter } from '../../platform/i18n/dates.js';
import { browsePublishedArticles, type ArticlePage } from '../articles/index.js';
import type { SiteSettings } from '../site-settings/index.js';
import type { EmailStory, IssueEmailInput } from './email/index.js';
import type { NewsletterIssuesTable } from './newsletters.table.js';

/**
 * What an issue holds, as ids: the stories are read when the send starts, so a headline corrected
 * between composing and sending goes out corrected. `intro` is an editor's own text (manual issues).
 */
export const issueContentSchema = z.object({
  intro: z.string().max(5000).default(''),
  leadIds: z.array(z.string()).max(10).default([]),
  sections: z.array(z.object({ sectionId: z.string(), articleIds: z.array(z.string()).max(50) })).max(50).default([]),
  /** The stretch of time a digest covers (ISO), for the next digest to start where this one ended. */
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
});
export type IssueContent = z.output<typeof issueContentSchema>;

export function parseIssueContent(json: string): IssueContent {
  return issueContentSchema.parse(JSON.parse(json));
}

/** How many stories lead a digest before the per-section blocks. */
const LEADS = 3;

/** A digest's content from stories (newest first): the first few lead, the rest by section. */
export function digestContent(stories: readonly ArticlePage[], period: { start: Date; end: Date }, sectionOrder: readonly string[]): IssueContent {
  const leads = stories.slice(0, LEADS);
  const rest = stories.slice(LEADS);
  const bySection = new Map<string, string[]>();
  for (const s of rest) bySection.set(s.section.id, [...(bySection.get(s.section.id) ?? []), s.id]);
  const order = (id: string) => {
    const i = sectionOrder.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return {
    intro: '',
    leadIds: leads.map((s) => s.id),
    sections: [...bySection].sort((a, b) => order(a[0]) - order(b[0])).map(([sectionId, articleIds]) => ({ sectionId, articleIds })),
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
  };
}

/** Published stories in a language within a period, newest first (optionally one section). */
export async function storiesPublishedBetween(db: Db, language: Language, start: Date, end: Date, sectionId?: string, limit = 60): Promise<ArticlePage[]> {
  const { articles } = await browsePublishedArticles(
    db,
    (eb) =>
      eb.and([
        eb('a.language', '=', language),
        eb('a.published_at', '>', toDbTime(start)),
        eb('a.published_at', '<=', toDbTime(end)),
        ...(sectionId ? [eb('a.section_id', '=', sectionId)] : []),
      ]),
    [{ column: 'published_at', direction: 'desc' }],
    limit,
    0,
  );
  return articles;
}

function toStory(a: ArticlePage, origin: string): EmailStory {
  return {
    headline: a.headline,
    standfirst: a.standfirst,
    url: `${origin}${a.path}`,
    section: a.section.name,
    ...(a.image ? { imageUrl: a.image.url.startsWith('http') ? a.image.url : `${origin}${a.image.url}`, imageAlt: a.image.alt } : {}),
    ...(a.bylines.length ? { byline: a.bylines.map((b) => b.name).join(', ') } : {}),
  };
}

export const PREFERENCES_PLACEHOLDER = '%%PREFERENCES_URL%%';
export const UNSUBSCRIBE_PLACEHOLDER = '%%UNSUBSCRIBE_URL%%';

/**
 * The email renderer's input for an issue, with the per-recipient links left as placeholders: the
 * issue is rendered once and each message only substitutes its reader's links.
 */
export async function issueEmailInput(db: Db, issue: Pick<NewsletterIssuesTable, 'kind' | 'language' | 'subject' | 'content'>, settings: SiteSettings, origin: string, now: Date): Promise<IssueEmailInput> {
  const content = parseIssueContent(issue.content);
  const lang = issue.language;
  const ids = [...content.leadIds, ...content.sections.flatMap((s) => s.articleIds)];
  const { articles } = ids.length ? await browsePublishedArticles(db, (eb) => eb('a.id', 'in', ids), [], ids.length, 0) : { articles: [] };
  const byId = new Map(articles.map((a) => [a.id, a]));
  const pick = (list: readonly string[]) => list.map((id) => byId.get(id)).filter((a): a is ArticlePage => a !== undefined);
  const dates = createDateFormatter(lang, settings.timeZone, settings.arabicDigits, settings.dateStyle);
  const leads = pick(content.leadIds);
  const sections = content.sections
    .map((s) => ({ stories: pick(s.articleIds) }))
    .filter((s) => s.stories.length)
    .map((s) => ({ title: s.stories[0]!.section.name, stories: s.stories.map((a) => toStory(a, origin)) }));
  const preheader = leads[0]?.headline ?? content.intro.slice(0, 140);
  return {
    lang,
    kind: issue.kind,
    siteName: settings.name[lang],
    motto: settings.motto,
    siteUrl: `${origin}${lang === 'ar' ? '/ar/' : '/'}`,
    dateLabel: dates.longDate(now),
    title: issue.subject,
    preheader: preheader || issue.subject,
    ...(content.intro ? { intro: content.intro } : {}),
    leads: leads.map((a) => toStory(a, origin)),
    sections,
    preferencesUrl: PREFERENCES_PLACEHOLDER,
    unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
  };
}

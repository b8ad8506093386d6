import { createTranslator, type Language, type MessageKey } from '../../../platform/i18n/i18n.js';
import {
  attrs,
  COLORS,
  emailTheme,
  escapeHtml,
  httpUrl,
  linkHtml,
  oneLine,
  RECIPIENT_PLACEHOLDER,
  renderEmailHtml,
  requireHttpUrl,
  requireRecipientLink,
  textParagraphs,
  type EmailTheme,
  type FooterLink,
} from './email-layout.js';
import { joinTextBlocks, textFooter, textMasthead, type TextBlock } from './email-text.js';

export interface EmailStory {
  headline: string;
  standfirst: string;
  url: string;
  section?: string;
  imageUrl?: string;
  imageAlt?: string;
  byline?: string;
}

export interface IssueEmailInput {
  lang: Language;
  kind: 'daily' | 'weekly' | 'breaking' | 'manual';
  /** "Arab Press" or "عرب برس". */
  siteName: string;
  /** "بالشعب و للشعب": Arabic in both editions. */
  motto: string;
  /** Absolute home page of this language, e.g. https://news.example. */
  siteUrl: string;
  /** Already formatted date for the masthead. */
  dateLabel: string;
  /** e.g. "Daily digest", "Breaking news", "Politics this week", or the editor's subject. */
  title: string;
  /** Hidden preview text shown by mail clients. */
  preheader: string;
  /** Written by an editor: plain text, paragraphs separated by blank lines. */
  intro?: string;
  /** Shown large; the first one with its image, if it has one. */
  leads: EmailStory[];
  /** A block per section, in this order. */
  sections: { title: string; stories: EmailStory[] }[];
  /** Link to manage lists and language: an http(s) URL or a `%%NAME%%` placeholder. */
  preferencesUrl: string;
  /** One-click unsubscribe page: an http(s) URL or a `%%NAME%%` placeholder. */
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  html: string;
  text: string;
}

const REASON: Record<IssueEmailInput['kind'], MessageKey> = {
  daily: 'email.reason.daily',
  weekly: 'email.reason.weekly',
  breaking: 'email.reason.breaking',
  manual: 'email.reason.manual',
};

/** A story with its text on one line and only the links and images that may go into an email. */
interface CleanStory {
  headline: string;
  standfirst: string;
  url?: string;
  section?: string;
  image?: { src: string; alt: string };
  byline?: string;
}

function cleanStory(story: EmailStory): CleanStory {
  const imageSrc = httpUrl(story.imageUrl);
  const section = oneLine(story.section ?? '');
  const byline = oneLine(story.byline ?? '');
  return {
    headline: oneLine(story.headline),
    standfirst: oneLine(story.standfirst),
    url: httpUrl(story.url),
    section: section || undefined,
    image: imageSrc ? { src: imageSrc, alt: oneLine(story.imageAlt ?? '') } : undefined,
    byline: byline || undefined,
  };
}

/**
 * Renders one newsletter issue (HTML and plain text). It is rendered once per issue; the preferences and
 * unsubscribe placeholders come out verbatim in both parts for the sender to fill per recipient (see
 * fillRecipientPlaceholders).
 */
export async function renderIssueEmail(input: IssueEmailInput): Promise<RenderedEmail> {
  const t = createTranslator(input.lang);
  const theme = emailTheme(input.lang);
  const siteName = oneLine(input.siteName);
  const motto = oneLine(input.motto);
  const title = oneLine(input.title);
  const dateLabel = oneLine(input.dateLabel);
  const siteUrl = requireHttpUrl(input.siteUrl, 'siteUrl');
  const links: FooterLink[] = [
    { label: t.t('email.preferences'), href: requireRecipientLink(input.preferencesUrl, 'preferencesUrl') },
    { label: t.t('email.unsubscribe'), href: requireRecipientLink(input.unsubscribeUrl, 'unsubscribeUrl') },
    { label: t.t('email.visitSite', { site: siteName }), href: siteUrl },
  ];
  const reason = t.t(REASON[input.kind], { site: siteName });
  const intro = textParagraphs(input.intro ?? '');
  const leads = input.leads.map(cleanStory);
  const sections = input.sections
    .map((s) => ({ title: oneLine(s.title), stories: s.stories.map(cleanStory) }))
    .filter((s) => s.stories.length > 0);
  // A "Top stories" heading only where it tells the leads apart from section blocks.
  const leadsHeading = leads.length > 0 && sections.length > 0 ? t.t('email.topStories') : undefined;
  const byline = (s: CleanStory) => (s.byline ? t.t('email.byline', { names: s.byline }) : undefined);

  const body = [
    titleSection(theme, title, intro),
    leads.length > 0 ? leadsSection(theme, leadsHeading, leads, byline, t.t('email.readMore')) : '',
    ...sections.map((s) => sectionBlock(theme, s.title, s.stories)),
  ].join('\n');

  const html = await renderEmailHtml({
    theme,
    siteName,
    motto,
    siteUrl,
    dateLabel,
    documentTitle: `${title} – ${siteName}`,
    preheader: oneLine(input.preheader),
    body,
    footer: { reason, links },
  });

  const storyText = (s: CleanStory, withByline: boolean): TextBlock => [s.headline, s.standfirst || undefined, withByline && byline(s), s.url];
  const text = joinTextBlocks([
    textMasthead(siteName, motto, dateLabel),
    [title],
    ...intro,
    leadsHeading !== undefined && [sectionTextHeading(leadsHeading)],
    ...leads.map((s) => storyText(s, true)),
    ...sections.flatMap((s) => [[s.title !== '' && sectionTextHeading(s.title)], ...s.stories.map((story) => storyText(story, false))]),
    ...textFooter(reason, links),
  ].filter((b): b is TextBlock => b !== false));

  return { html, text };
}

function sectionTextHeading(title: string): string {
  return `=== ${title} ===`;
}

/**
 * Puts per-recipient links into a rendered email: each `%%NAME%%` token becomes its URL, HTML-escaped in
 * the HTML part (`&` → `&amp;`) and verbatim in the text part. Split/join rather than replaceAll, whose
 * replacement string would treat `$&` in a URL as a pattern.
 */
export function fillRecipientPlaceholders(email: RenderedEmail, values: Record<string, string>): RenderedEmail {
  let { html, text } = email;
  for (const [token, value] of Object.entries(values)) {
    if (!RECIPIENT_PLACEHOLDER.test(token)) throw new Error(`Newsletter email: ${JSON.stringify(token)} is not a %%NAME%% placeholder`);
    const url = requireHttpUrl(value, token);
    html = html.split(token).join(escapeHtml(url));
    text = text.split(token).join(url);
  }
  return { html, text };
}

// ---- HTML blocks (MJML sections) ----

function titleSection(theme: EmailTheme, title: string, intro: string[][]): string {
  const paragraphs = intro
    .map((lines) => `<p dir="auto" style="margin:0 0 14px;">${lines.map(escapeHtml).join('<br>')}</p>`)
    .join('');
  const introText = paragraphs ? `\n        <mj-text${attrs({ padding: '14px 24px 0px' })}>${paragraphs}</mj-text>` : '';
  return `    <mj-section${attrs({ padding: '20px 0px 0px' })}>
      <mj-column>
        <mj-text><h1 dir="auto" style="margin:0;font-family:${theme.headlineFont};font-size:28px;line-height:${theme.headlineLineHeight};font-weight:700;">${escapeHtml(title)}</h1></mj-text>${introText}
      </mj-column>
    </mj-section>`;
}

/** `dir`: the email's direction for our own labels, "auto" for titles editors wrote (may be in either script). */
function sectionHeadingHtml(theme: EmailTheme, title: string, dir: string): string {
  // Letter spacing and capitals are for Latin type; spacing pulls Arabic letters apart.
  const latin = theme.dir === 'ltr' ? 'text-transform:uppercase;letter-spacing:1px;' : '';
  return `<h2 dir="${dir}" style="margin:0;padding-top:8px;border-top:3px solid ${COLORS.accent};color:${COLORS.accent};font-family:${theme.bodyFont};font-size:14px;line-height:1.4;font-weight:700;${latin}">${escapeHtml(title)}</h2>`;
}

function headlineHtml(theme: EmailTheme, story: CleanStory, size: number): string {
  const style = `margin:0 0 6px;font-family:${theme.headlineFont};font-size:${size}px;line-height:${theme.headlineLineHeight};font-weight:700;`;
  const text = story.url ? linkHtml(story.url, story.headline, `color:${COLORS.ink};text-decoration:none;`) : escapeHtml(story.headline);
  return `<h3 dir="auto" style="${style}">${text}</h3>`;
}

function leadsSection(
  theme: EmailTheme,
  heading: string | undefined,
  leads: CleanStory[],
  byline: (s: CleanStory) => string | undefined,
  readMore: string,
): string {
  const arrow = theme.dir === 'rtl' ? '←' : '→';
  const parts: string[] = [];
  if (heading) parts.push(`<mj-text${attrs({ padding: '28px 24px 0px' })}>${sectionHeadingHtml(theme, heading, theme.dir)}</mj-text>`);
  leads.forEach((story, i) => {
    if (i > 0) parts.push(`<mj-divider${attrs({ padding: '20px 24px 0px' })} />`);
    const top = i === 0 && !heading ? '24px' : '16px';
    if (i === 0 && story.image) {
      parts.push(`<mj-image${attrs({ src: story.image.src, alt: story.image.alt, href: story.url, padding: `${top} 24px 0px` })} />`);
    }
    const kicker = story.section
      ? `<p dir="auto" style="margin:0 0 4px;color:${COLORS.accent};font-size:13px;font-weight:700;">${escapeHtml(story.section)}</p>`
      : '';
    const by = byline(story);
    const bylineHtml = by ? `<p dir="${theme.dir}" style="margin:0 0 6px;color:${COLORS.muted};font-size:13px;">${escapeHtml(by)}</p>` : '';
    const standfirst = story.standfirst ? `<p dir="auto" style="margin:0 0 8px;">${escapeHtml(story.standfirst)}</p>` : '';
    const more = story.url
      ? `<p dir="${theme.dir}" style="margin:0;font-size:15px;font-weight:700;">${linkHtml(story.url, `${readMore} ${arrow}`, `color:${COLORS.accent};text-decoration:none;`)}</p>`
      : '';
    const padTop = i === 0 && story.image ? '14px' : top;
    parts.push(`<mj-text${attrs({ padding: `${padTop} 24px 0px` })}>${kicker}${headlineHtml(theme, story, i === 0 ? 28 : 22)}${standfirst}${bylineHtml}${more}</mj-text>`);
  });
  return `    <mj-section>
      <mj-column>
        ${parts.join('\n        ')}
      </mj-column>
    </mj-section>`;
}

function sectionBlock(theme: EmailTheme, title: string, stories: CleanStory[]): string {
  const items = stories.map((story, i) => {
    const rule = i < stories.length - 1 ? `border-bottom:1px solid ${COLORS.hairline};` : '';
    const standfirst = story.standfirst ? `<p dir="auto" style="margin:0;color:#333333;">${escapeHtml(story.standfirst)}</p>` : '';
    return `<mj-text${attrs({ padding: '12px 24px 0px' })}><div style="padding-bottom:12px;${rule}">${headlineHtml(theme, story, 19)}${standfirst}</div></mj-text>`;
  });
  return `    <mj-section${attrs({ padding: '28px 0px 0px' })}>
      <mj-column>
        ${title ? `<mj-text>${sectionHeadingHtml(theme, title, 'auto')}</mj-text>` : ''}
        ${items.join('\n        ')}
      </mj-column>
    </mj-section>`;
}

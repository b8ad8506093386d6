import mjml2html from 'mjml';
import { escapeHtml } from '../../../editor/index.js';
import type { Language } from '../../../platform/i18n/i18n.js';

/**
 * The frame every newsletter email shares: masthead, body sections, footer, rendered by MJML into the
 * table layout with inline styles that mail clients understand. Everything put into MJML here is already
 * HTML-escaped text or markup we wrote; nothing else reaches the template.
 */

/** Body width in pixels: the width mail clients render reliably. */
export const BODY_WIDTH = 600;

export const COLORS = {
  ink: '#111111',
  muted: '#595959',
  hairline: '#d6d3cc',
  accent: '#a3122a',
  footer: '#f4f2ee',
  page: '#ffffff',
} as const;

const ARABIC_FONTS = "'Noto Naskh Arabic', 'Geeza Pro', Tahoma, Arial, sans-serif";

/** Typography and direction of one language: Arabic gets its own faces, sizes and line heights. */
export interface EmailTheme {
  lang: Language;
  dir: 'ltr' | 'rtl';
  align: 'left' | 'right';
  bodyFont: string;
  headlineFont: string;
  arabicFont: string;
  bodySize: number;
  bodyLineHeight: string;
  headlineLineHeight: string;
}

export function emailTheme(lang: Language): EmailTheme {
  return lang === 'ar'
    ? {
        lang,
        dir: 'rtl',
        align: 'right',
        bodyFont: ARABIC_FONTS,
        headlineFont: ARABIC_FONTS,
        arabicFont: ARABIC_FONTS,
        bodySize: 17,
        bodyLineHeight: '1.8',
        headlineLineHeight: '1.5',
      }
    : {
        lang,
        dir: 'ltr',
        align: 'left',
        bodyFont: "'Helvetica Neue', Helvetica, Arial, sans-serif",
        headlineFont: "Georgia, 'Times New Roman', Times, serif",
        arabicFont: ARABIC_FONTS,
        bodySize: 16,
        bodyLineHeight: '1.6',
        headlineLineHeight: '1.25',
      };
}

export { escapeHtml };

/** An absolute http(s) URL, trimmed and otherwise as given; anything else (javascript:, data:, relative) is undefined. */
export function httpUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  // Whitespace or control characters inside would make a different link in each client.
  if (!url || /[\s\p{Cc}]/u.test(url)) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A per-recipient token the sender replaces after rendering, e.g. `%%UNSUBSCRIBE_URL%%`. */
export const RECIPIENT_PLACEHOLDER = /^%%[A-Za-z0-9_]+%%$/;

/** A link the email cannot do without (site, confirmation): a bad one is the caller's bug, so it throws. */
export function requireHttpUrl(value: string, field: string): string {
  const url = httpUrl(value);
  if (!url) throw new Error(`Newsletter email: ${field} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  return url;
}

/** The preferences and unsubscribe links: an http(s) URL or a `%%NAME%%` placeholder, kept verbatim. */
export function requireRecipientLink(value: string, field: string): string {
  const trimmed = value.trim();
  if (RECIPIENT_PLACEHOLDER.test(trimmed)) return trimmed;
  return requireHttpUrl(value, field);
}

/**
 * `name="value"` pairs for an MJML tag; undefined values are left out. Values are escaped for a
 * double-quoted attribute, but single quotes stay: MJML copies font stacks into style attributes, where
 * `'Noto Naskh Arabic'` should read as written.
 */
export function attrs(values: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const escaped = String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    out += ` ${name}="${escaped}"`;
  }
  return out;
}

/** An inline link; `href` must already be checked (httpUrl / requireRecipientLink). */
export function linkHtml(href: string, label: string, style: string): string {
  return `<a href="${escapeHtml(href)}" target="_blank" style="${style}">${escapeHtml(label)}</a>`;
}

/** Plain text → paragraphs: blank lines separate paragraphs, single line breaks stay line breaks. */
export function textParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}

/** One line of plain text: newlines and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface FooterLink {
  label: string;
  href: string;
}

export interface EmailFrame {
  theme: EmailTheme;
  siteName: string;
  motto: string;
  siteUrl: string;
  dateLabel?: string;
  /** The document title (<title>, the label screen readers give the message). */
  documentTitle: string;
  /** Hidden preview text shown by mail clients next to the subject. */
  preheader: string;
  /** MJML `mj-section` elements between masthead and footer. */
  body: string;
  footer: { reason: string; links: FooterLink[] };
}

/** Renders the frame with MJML; throws when MJML finds the markup invalid (strict validation). */
export async function renderEmailHtml(frame: EmailFrame): Promise<string> {
  const mjml = frameToMjml(frame);
  // No minify: htmlnano would rewrite whitespace and template-like tokens, and the per-recipient
  // placeholders must come out exactly as they went in. `fonts: {}` keeps MJML from linking Google Fonts.
  const { html, errors } = await mjml2html(mjml, { validationLevel: 'strict', fonts: {}, minify: false, beautify: false, keepComments: false });
  if (errors.length > 0) throw new Error(`MJML reported errors:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  return html;
}

function frameToMjml(frame: EmailFrame): string {
  const { theme } = frame;
  const dir = theme.dir;
  return `<mjml${attrs({ lang: theme.lang, dir })}>
  <mj-head>
    <mj-title>${escapeHtml(frame.documentTitle)}</mj-title>
    <mj-preview>${escapeHtml(frame.preheader)}</mj-preview>
    <mj-attributes>
      <mj-all${attrs({ 'font-family': theme.bodyFont })} />
      <mj-section${attrs({ padding: '0px', direction: dir, 'background-color': COLORS.page })} />
      <mj-column${attrs({ direction: dir })} />
      <mj-text${attrs({ align: theme.align, color: COLORS.ink, 'font-size': `${theme.bodySize}px`, 'line-height': theme.bodyLineHeight, padding: '0px 24px' })} />
      <mj-image${attrs({ padding: '0px 24px', align: 'center' })} />
      <mj-divider${attrs({ 'border-width': '1px', 'border-color': COLORS.hairline, padding: '20px 24px' })} />
      <mj-button${attrs({ align: theme.align, 'background-color': COLORS.accent, color: '#ffffff', 'font-size': `${theme.bodySize + 1}px`, 'font-weight': '700', 'border-radius': '4px', 'inner-padding': '14px 28px', padding: '8px 24px' })} />
    </mj-attributes>
  </mj-head>
  <mj-body${attrs({ width: `${BODY_WIDTH}px`, 'background-color': COLORS.page })}>
${masthead(frame)}
${frame.body}
${footer(frame)}
  </mj-body>
</mjml>`;
}

function masthead(frame: EmailFrame): string {
  const { theme } = frame;
  const siteLink = linkHtml(frame.siteUrl, frame.siteName, `color:${COLORS.ink};text-decoration:none;`);
  const date = frame.dateLabel
    ? `<mj-text${attrs({ align: 'center', color: COLORS.muted, 'font-size': '13px', padding: '6px 24px 0px' })}><div dir="${theme.dir}">${escapeHtml(frame.dateLabel)}</div></mj-text>`
    : '';
  return `    <mj-section${attrs({ padding: '24px 0px 8px' })}>
      <mj-column>
        <mj-text${attrs({ align: 'center', 'font-family': theme.headlineFont, 'font-size': '34px', 'font-weight': '700', 'line-height': '1.2' })}><div dir="${theme.dir}">${siteLink}</div></mj-text>
        <mj-text${attrs({ align: 'center', 'font-family': theme.arabicFont, color: COLORS.muted, 'font-size': '16px', 'line-height': '1.6', padding: '4px 24px 0px' })}><div lang="ar" dir="rtl">${escapeHtml(frame.motto)}</div></mj-text>
        ${date}
        <mj-divider${attrs({ 'border-width': '3px', 'border-color': COLORS.ink, padding: '14px 24px 0px' })} />
        <mj-divider${attrs({ 'border-width': '1px', 'border-color': COLORS.ink, padding: '3px 24px 0px' })} />
      </mj-column>
    </mj-section>`;
}

function footer(frame: EmailFrame): string {
  const { theme } = frame;
  const linkStyle = `color:${COLORS.ink};text-decoration:underline;`;
  const links = frame.footer.links.map((l) => linkHtml(l.href, l.label, linkStyle)).join('&nbsp;&nbsp;|&nbsp;&nbsp;');
  return `    <mj-section${attrs({ padding: '36px 0px 0px' })}>
      <mj-column><mj-spacer${attrs({ height: '1px' })} /></mj-column>
    </mj-section>
    <mj-section${attrs({ padding: '24px 0px', 'background-color': COLORS.footer })}>
      <mj-column>
        <mj-text${attrs({ color: COLORS.muted, 'font-size': '13px' })}><p dir="${theme.dir}" style="margin:0 0 12px;">${escapeHtml(frame.footer.reason)}</p></mj-text>
        <mj-text${attrs({ 'font-size': '13px' })}><p dir="${theme.dir}" style="margin:0;">${links}</p></mj-text>
      </mj-column>
    </mj-section>`;
}

import { createTranslator, type Language, type MessageKey } from '../../../platform/i18n/i18n.js';
import { attrs, COLORS, emailTheme, escapeHtml, linkHtml, oneLine, renderEmailHtml, requireHttpUrl, type FooterLink } from './email-layout.js';
import { joinTextBlocks, textFooter, textMasthead } from './email-text.js';
import type { RenderedEmail } from './issue-email.js';

export interface ConfirmationEmailInput {
  lang: Language;
  siteName: string;
  motto: string;
  siteUrl: string;
  /** The per-recipient double opt-in link (absolute http(s)). */
  confirmUrl: string;
  /** Names of the lists the reader chose, in the email's language. */
  listNames: string[];
  expiresInHours: number;
}

/** "works for one hour / two hours / 3 hours / 48 hours": Arabic counts need their own forms. */
function expiryKey(lang: Language, hours: number): MessageKey {
  switch (new Intl.PluralRules(lang).select(hours)) {
    case 'one':
      return 'email.confirm.expiry.one';
    case 'two':
      return 'email.confirm.expiry.two';
    case 'few':
      return 'email.confirm.expiry.few';
    default:
      return 'email.confirm.expiry.other';
  }
}

/** The double opt-in email: a big confirm button, the same link as text, the lists chosen and the expiry. */
export async function renderConfirmationEmail(input: ConfirmationEmailInput): Promise<RenderedEmail & { subject: string }> {
  if (!Number.isInteger(input.expiresInHours) || input.expiresInHours <= 0) {
    throw new Error(`Newsletter email: expiresInHours must be a positive whole number, got ${input.expiresInHours}`);
  }
  const t = createTranslator(input.lang);
  const theme = emailTheme(input.lang);
  const siteName = oneLine(input.siteName);
  const motto = oneLine(input.motto);
  const siteUrl = requireHttpUrl(input.siteUrl, 'siteUrl');
  const confirmUrl = requireHttpUrl(input.confirmUrl, 'confirmUrl');
  const lists = input.listNames.map(oneLine).filter((name) => name !== '');

  const subject = t.t('email.confirm.subject', { site: siteName });
  const heading = t.t('email.confirm.heading');
  const intro = t.t(lists.length > 0 ? 'email.confirm.intro' : 'email.confirm.introNoLists', { site: siteName });
  const button = t.t('email.confirm.button');
  const expiry = t.t(expiryKey(input.lang, input.expiresInHours), { hours: input.expiresInHours });
  const ignore = t.t('email.confirm.ignore');
  const reason = t.t('email.confirm.reason', { site: siteName });
  const links: FooterLink[] = [{ label: t.t('email.visitSite', { site: siteName }), href: siteUrl }];

  const dir = theme.dir;
  // Email clients ignore logical properties; the list indent goes on the side the text starts from.
  const listIndent = dir === 'rtl' ? 'padding:0 22px 0 0;' : 'padding:0 0 0 22px;';
  const listHtml = lists.length > 0 ? `<ul dir="${dir}" style="margin:0 0 8px;${listIndent}">${lists.map((name) => `<li style="margin:0 0 4px;font-weight:700;">${escapeHtml(name)}</li>`).join('')}</ul>` : '';
  const body = `    <mj-section${attrs({ padding: '24px 0px 0px' })}>
      <mj-column>
        <mj-text><h1 dir="${dir}" style="margin:0;font-family:${theme.headlineFont};font-size:28px;line-height:${theme.headlineLineHeight};font-weight:700;">${escapeHtml(heading)}</h1></mj-text>
        <mj-text${attrs({ padding: '14px 24px 0px' })}><p dir="${dir}" style="margin:0 0 8px;">${escapeHtml(intro)}</p>${listHtml}</mj-text>
        <mj-button${attrs({ href: confirmUrl, padding: '16px 24px' })}>${escapeHtml(button)}</mj-button>
        <mj-text${attrs({ padding: '0px 24px' })}><p dir="${dir}" style="margin:0 0 14px;font-weight:700;">${escapeHtml(expiry)}</p><p dir="${dir}" style="margin:0 0 4px;color:${COLORS.muted};font-size:14px;">${escapeHtml(t.t('email.confirm.linkFallback'))}</p><p dir="ltr" style="margin:0 0 14px;font-size:14px;word-break:break-all;text-align:left;">${linkHtml(confirmUrl, confirmUrl, `color:${COLORS.accent};`)}</p><p dir="${dir}" style="margin:0;color:${COLORS.muted};font-size:14px;">${escapeHtml(ignore)}</p></mj-text>
      </mj-column>
    </mj-section>`;

  const html = await renderEmailHtml({
    theme,
    siteName,
    motto,
    siteUrl,
    documentTitle: subject,
    preheader: t.t('email.confirm.preheader', { site: siteName }),
    body,
    footer: { reason, links },
  });

  const text = joinTextBlocks([
    textMasthead(siteName, motto),
    [heading],
    [intro, ...lists.map((name) => `- ${name}`)],
    [`${button}:`, confirmUrl],
    [expiry],
    [ignore],
    ...textFooter(reason, links),
  ]);

  return { subject, html, text };
}

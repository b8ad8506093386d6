import type { Config } from '../../config.js';
import type { Language } from '../../platform/i18n/i18n.js';

/** The site's address as mail links need it: PUBLIC_URL, or this server's own when unset (a demo). */
export function mailOrigin(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/** The right-hand side of our Message-IDs: MAIL_FROM's domain, or arabpress.local for a dotless one. */
export function mailDomain(config: Pick<Config, 'mail'>): string {
  return /@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)>?\s*$/.exec(config.mail.from)?.[1] ?? 'arabpress.local';
}

const prefix = (lang: Language) => (lang === 'ar' ? '/ar' : '');

export const confirmUrl = (origin: string, lang: Language, token: string) => `${origin}${prefix(lang)}/newsletter/confirm?token=${encodeURIComponent(token)}`;
export const preferencesUrl = (origin: string, lang: Language, token: string) => `${origin}${prefix(lang)}/newsletter/preferences?token=${encodeURIComponent(token)}`;
/** GET shows a one-button page (mail scanners follow links); POST unsubscribes (RFC 8058 one-click). */
export const unsubscribeUrl = (origin: string, lang: Language, token: string) => `${origin}${prefix(lang)}/newsletter/unsubscribe?token=${encodeURIComponent(token)}`;

import { z } from 'zod';
import { isValidTimeZone } from '../../platform/i18n/dates.js';

/** The site's own settings, stored as one validated JSON value; defaults make a fresh install right. */
export const siteSettingsSchema = z.object({
  name: z.object({ en: z.string().min(1).max(80), ar: z.string().min(1).max(80) }),
  motto: z.string().max(120),
  languages: z.array(z.enum(['en', 'ar'])).min(1),
  timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone such as Asia/Riyadh'),
  /** Digits on Arabic pages: Latin (0-9, common in Gulf news sites) or Arabic-Indic (٠-٩). */
  arabicDigits: z.enum(['latn', 'arab']),
  /** English month names short ("Apr 26, 2024", as on the seed page) or long ("April 26, 2024"). */
  dateStyle: z.enum(['medium', 'long']),
  showHijriDate: z.boolean(),
  /** Set by an owner: every staff member must turn on two-step verification to use the newsroom. */
  requireTwoFactor: z.boolean(),
  /** What the RSS, Atom and JSON feeds carry: whole articles, or the standfirst with a link. */
  feedContent: z.enum(['full', 'summary']),
  /** A WebSub hub to announce new stories to (feeds name it; publishing pings it); empty for none. */
  webSubHub: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  /** Local time (site zone) the daily digest goes out, per language; "HH:MM". */
  newsletterDailyTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** Day (0 Sunday … 6 Saturday) and local time of the weekly section digests. */
  newsletterWeeklyDay: z.number().int().min(0).max(6),
  newsletterWeeklyTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const defaultSiteSettings: SiteSettings = {
  name: { en: 'Arab Press', ar: 'عرب برس' },
  motto: 'بالشعب و للشعب',
  languages: ['en', 'ar'],
  timeZone: 'Asia/Riyadh',
  arabicDigits: 'latn',
  dateStyle: 'medium',
  showHijriDate: true,
  requireTwoFactor: false,
  feedContent: 'full',
  webSubHub: '',
  newsletterDailyTime: '07:00',
  newsletterWeeklyDay: 5,
  newsletterWeeklyTime: '08:00',
};

import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { publicRoute, type RouteDef } from '../../http/access.js';
import { createDateFormatter } from '../../platform/i18n/dates.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { getSiteSettings } from '../site-settings/index.js';
import { instantSearch } from './search.service.js';

const paramsSchema = z.object({
  q: z.string().catch('').transform((q) => q.slice(0, 200)),
  lang: z.enum(['en', 'ar']).catch('en'),
});

export const INSTANT_RESULTS = 6;

/**
 * GET /search/instant?q=…&lang=…: the masthead's results-while-typing. The last word matches as a
 * prefix (the reader is still typing it). JSON; the plain /search page is the fallback without scripts.
 * Cached briefly by browsers only: the same letters typed again answer at once, and a story published a
 * minute ago still shows up soon.
 */
export function instantSearchRoutes(deps: { db: Db }): RouteDef[] {
  return [
    publicRoute('GET', '/search/instant', async (c) => {
      const { q, lang } = paramsSchema.parse(c.req.query());
      const settings = await getSiteSettings(deps.db);
      const dates = createDateFormatter(lang as Language, settings.timeZone, lang === 'ar' ? settings.arabicDigits : 'latn', settings.dateStyle);
      const hits = await instantSearch(deps.db, q, lang, INSTANT_RESULTS);
      c.header('Cache-Control', 'private, max-age=30');
      return c.json({
        q,
        results: hits.map((h) => ({ headline: h.headline, url: h.path, section: h.section.name, date: dates.shortDate(h.publishedAt), language: h.language })),
      });
    }),
  ];
}

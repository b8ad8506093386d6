import type { Language } from '../../platform/i18n/i18n.js';

export interface Section {
  id: string;
  slug: string;
  name: Record<Language, string>;
  position: number;
  color: string;
}

/** Slugs that name site routes, so no section may take them. */
export const RESERVED_SLUGS = new Set(['ar', 'en', 'tag', 'author', 'archive', 'search', 'newsletter', 'assets', 'media', 'admin', 'api', 'feeds', 'feed', 'rss', 'sitemap.xml', 'sitemaps', 'sitemap-news.xml', 'feed.xml', 'feed.atom', 'feed.json', 'robots.txt', 'favicon.ico', 'ghost', 'healthz']);

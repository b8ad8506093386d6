import type { Language } from '../../platform/i18n/i18n.js';
import type { ArticlePage } from '../articles/index.js';

/**
 * One feed, whatever its format: rss.ts, atom.ts and json-feed.ts each write this model, so the three
 * carry the same stories with the same ids, links and dates. URLs are absolute (feed readers resolve
 * nothing); ids are the articles' own, as `urn:uuid:` URIs, so a changed slug never makes a story new.
 */
export interface Feed {
  title: string;
  description: string;
  language: Language;
  /** The page the feed follows (home, section, tag or author page). */
  homeUrl: string;
  urls: { rss: string; atom: string; json: string };
  /** A WebSub hub that subscribers may use, if the site has one. */
  hubUrl?: string;
  siteName: string;
  /** The newest change among the entries (or now, for an empty feed). */
  updated: Date;
  entries: FeedEntry[];
}

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The article's body HTML with absolute URLs; absent when the site gives summaries only. */
  contentHtml?: string;
  published: Date;
  updated: Date;
  authors: { name: string; url?: string }[];
  /** Section first, then tags. */
  categories: string[];
  image?: { url: string; type: string; bytes: number; width: number; height: number; alt: string };
}

/** How many stories a feed carries: a day's news for a busy site, as most news feeds do. */
export const FEED_ENTRIES = 30;

/** Root-relative src and href attributes made absolute, so images and links work in a reader. */
export function absoluteUrls(html: string, origin: string): string {
  return html.replace(/\b(src|href|srcset)="([^"]*)"/g, (_m, attr: string, value: string) => {
    const fix = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? origin + url : url);
    const fixed = attr === 'srcset' ? value.split(',').map((part) => part.trim().replace(/^\S+/, fix)).join(', ') : fix(value);
    return `${attr}="${fixed}"`;
  });
}

export function toFeedEntry(a: ArticlePage, origin: string, full: boolean, authorUrl: (slug: string) => string): FeedEntry {
  const image = a.image;
  return {
    id: `urn:uuid:${a.id}`,
    url: origin + a.path,
    title: a.headline,
    summary: a.standfirst || a.headline,
    ...(full ? { contentHtml: absoluteUrls(a.bodyHtml, origin) } : {}),
    published: a.publishedAt,
    updated: a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt,
    authors: a.bylines.map((b) => ({ name: b.name, ...(b.personSlug ? { url: origin + authorUrl(b.personSlug) } : {}) })),
    categories: [a.section.name, ...a.tags.map((t) => t.name)],
    ...(image ? { image: { url: origin + image.url, type: image.media.contentType, bytes: image.bytes, width: image.width, height: image.height, alt: image.alt } } : {}),
  };
}

/**
 * Where a listing's feeds live: beside the listing's own address ("/ar/politics/" → "/ar/politics/feed.xml").
 * The feeds feature serves them at these paths; pages announce them with <link rel="alternate">.
 */
export const FEED_FORMATS = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'feed.atom', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
} as const;

export type FeedFormat = keyof typeof FEED_FORMATS;

export interface FeedLink {
  type: string;
  title: string;
  href: string;
}

export function feedPath(listingPath: string, format: FeedFormat): string {
  return `${listingPath.replace(/\/$/, '')}/${FEED_FORMATS[format].file}`;
}

/** The three formats of one listing's feed, titled "<title> (RSS)" and so on. */
export function feedLinks(listingPath: string, title: string): FeedLink[] {
  return (Object.keys(FEED_FORMATS) as FeedFormat[]).map((f) => ({ type: FEED_FORMATS[f].type, title: `${title} (${FEED_FORMATS[f].label})`, href: feedPath(listingPath, f) }));
}

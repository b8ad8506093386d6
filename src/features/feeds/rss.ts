import { create } from 'xmlbuilder2';
import type { Feed } from './feed.js';

/**
 * RSS 2.0 (the RSS Advisory Board's specification) with the usual modules: atom:link for the feed's
 * own address and its WebSub hub, content:encoded for the full text, dc:creator for each author
 * (RSS's own <author> must be an e-mail address), Media RSS for the image beside the enclosure.
 */
export function toRss(feed: Feed): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:media': 'http://search.yahoo.com/mrss/',
  });
  const ch = doc.ele('channel');
  ch.ele('title').txt(feed.title);
  ch.ele('link').txt(feed.homeUrl);
  ch.ele('description').txt(feed.description);
  ch.ele('language').txt(feed.language);
  ch.ele('lastBuildDate').txt(feed.updated.toUTCString());
  ch.ele('generator').txt('Arab Press');
  ch.ele('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' });
  if (feed.hubUrl) ch.ele('atom:link', { href: feed.hubUrl, rel: 'hub' });
  for (const e of feed.entries) {
    const item = ch.ele('item');
    item.ele('title').txt(e.title);
    item.ele('link').txt(e.url);
    item.ele('guid', { isPermaLink: 'false' }).txt(e.id);
    item.ele('pubDate').txt(e.published.toUTCString());
    item.ele('description').txt(e.summary);
    // Escaped text, not CDATA: the same to every parser, and no "]]>" in a body can break it.
    if (e.contentHtml) item.ele('content:encoded').txt(e.contentHtml);
    for (const a of e.authors) item.ele('dc:creator').txt(a.name);
    for (const c of e.categories) item.ele('category').txt(c);
    if (e.image) {
      item.ele('enclosure', { url: e.image.url, length: String(e.image.bytes), type: e.image.type });
      const media = item.ele('media:content', { url: e.image.url, medium: 'image', type: e.image.type, width: String(e.image.width), height: String(e.image.height) });
      if (e.image.alt) media.ele('media:description', { type: 'plain' }).txt(e.image.alt);
    }
  }
  return doc.end({ prettyPrint: false });
}

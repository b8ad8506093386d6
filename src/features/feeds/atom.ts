import { create } from 'xmlbuilder2';
import type { Feed } from './feed.js';

/**
 * Atom 1.0 (RFC 4287). The feed's id is its own address, which never changes; it has an author (the
 * site) because RFC 4287 wants one for every entry and an agency story may have no byline.
 */
export function toAtom(feed: Feed): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.w3.org/2005/Atom', 'feed', { 'xml:lang': feed.language });
  doc.ele('id').txt(feed.urls.atom);
  doc.ele('title').txt(feed.title);
  doc.ele('subtitle').txt(feed.description);
  doc.ele('updated').txt(feed.updated.toISOString());
  doc.ele('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom });
  doc.ele('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl });
  if (feed.hubUrl) doc.ele('link', { rel: 'hub', href: feed.hubUrl });
  doc.ele('author').ele('name').txt(feed.siteName);
  doc.ele('generator').txt('Arab Press');
  for (const e of feed.entries) {
    const entry = doc.ele('entry');
    entry.ele('id').txt(e.id);
    entry.ele('title').txt(e.title);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: e.url });
    entry.ele('published').txt(e.published.toISOString());
    entry.ele('updated').txt(e.updated.toISOString());
    for (const a of e.authors) {
      const author = entry.ele('author');
      author.ele('name').txt(a.name);
      if (a.url) author.ele('uri').txt(a.url);
    }
    for (const c of e.categories) entry.ele('category', { term: c });
    entry.ele('summary').txt(e.summary);
    if (e.contentHtml) entry.ele('content', { type: 'html' }).txt(e.contentHtml);
    if (e.image) entry.ele('link', { rel: 'enclosure', type: e.image.type, length: String(e.image.bytes), href: e.image.url });
  }
  return doc.end({ prettyPrint: false });
}

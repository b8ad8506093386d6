import type { Feed } from './feed.js';

/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1): `authors` and `language` are 1.1's; the WebSub hub goes in
 * `hubs`. Absent values are left out, never written as null, as the specification asks.
 */
export function toJsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.siteName, url: feed.homeUrl }],
    ...(feed.hubUrl ? { hubs: [{ type: 'WebSub', url: feed.hubUrl }] } : {}),
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      ...(e.contentHtml ? { content_html: e.contentHtml } : { content_text: e.summary }),
      ...(e.image ? { image: e.image.url } : {}),
      date_published: e.published.toISOString(),
      date_modified: e.updated.toISOString(),
      ...(e.authors.length ? { authors: e.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) })) } : {}),
      tags: e.categories,
      language: feed.language,
      ...(e.image ? { attachments: [{ url: e.image.url, mime_type: e.image.type, size_in_bytes: e.image.bytes }] } : {}),
    })),
  });
}

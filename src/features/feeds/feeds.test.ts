import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import RssParser from 'rss-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { checkFeed } from '../../../tests/feed-check.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { storeImage } from '../media/index.js';
import { getSiteSettings, saveSiteSettings } from '../site-settings/index.js';
import { unpublishArticle } from '../articles/index.js';
import { createWorker } from '../../worker.js';

// The feeds as feed readers see them: parsed by two independent parsers (rss-parser, feedsmith) and
// checked field by field, in both languages, on SQLite and PostgreSQL.
const ORIGIN = 'https://news.example';
let site: TestSite;
const ids: Record<string, string> = {};
beforeAll(async () => {
  site = await createTestSite({ env: { PUBLIC_URL: ORIGIN } });
  await seedNewsroom(site);
  const jpeg = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const image = await storeImage(site.deps, { bytes: jpeg, ext: 'jpg', contentType: 'image/jpeg', width: 1200, height: 675 });
  ids.en = (await publishedArticle(site, {
    headline: 'Ministers agree a water plan & a <budget>',
    standfirst: 'The plan covers desalination.',
    sectionSlug: 'economy',
    tagSlugs: ['trade'],
    bylines: [{ personSlug: 'layla-haddad' }, { name: 'Reuters' }],
    featuredImage: { mediaId: image.id, alt: 'A desalination plant', caption: '', credit: '' },
    blocks: [{ type: 'p', text: 'Read the [full plan](/economy/) here.' }, { type: 'h2', text: 'What next' }],
    publishedAt: new Date('2024-04-25T08:00:00.000Z'),
  })).id;
  ids.ar = (await publishedArticle(site, {
    language: 'ar',
    headline: 'الوزراء يتفقون على خطة للمياه',
    standfirst: 'تشمل الخطة تحلية مياه البحر.',
    sectionSlug: 'economy',
    bylines: [{ personSlug: 'omar-farouk' }],
    blocks: [{ type: 'p', text: 'قال الوزير إن العمل يبدأ الشهر المقبل.' }],
    publishedAt: new Date('2024-04-24T08:00:00.000Z'),
  })).id;
  ids.politics = (await publishedArticle(site, { headline: 'Parliament sits late', sectionSlug: 'politics', publishedAt: new Date('2024-04-23T08:00:00.000Z') })).id;
});

async function fetchFeed(path: string, type: string): Promise<string> {
  const res = await site.get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
  return res.text();
}

describe('RSS 2.0', () => {
  it('carries every story of the site in the feed language, whole, with absolute links and the image as enclosure', async () => {
    const xml = await fetchFeed('/feed.xml', 'application/rss+xml');
    const a = await new RssParser({ customFields: { item: ['dc:creator', 'content:encoded'] } }).parseString(xml);
    const b = parseRssFeed(xml);
    expect(a.title).toBe('Arab Press');
    expect(a.link).toBe(`${ORIGIN}/`);
    expect(a.items.map((i) => i.title)).toEqual(['Ministers agree a water plan & a <budget>', 'Parliament sits late']);
    const item = a.items[0]!;
    expect(item.link).toBe(`${ORIGIN}/economy/ministers-agree-a-water-plan-a-budget`);
    expect(item.guid).toBe(`urn:uuid:${ids.en}`);
    expect(new Date(item.pubDate!).toISOString()).toBe('2024-04-25T08:00:00.000Z');
    expect(item.categories).toEqual(['Economy', 'Trade']);
    expect(item.enclosure).toMatchObject({ type: 'image/jpeg', url: expect.stringMatching(new RegExp(`^${ORIGIN}/media/`)) });
    expect(Number(item.enclosure!.length)).toBeGreaterThan(1000);
    expect(item['content:encoded']).toContain(`href="${ORIGIN}/economy/"`);
    expect(item['content:encoded']).toMatch(/<h2[^>]*>What next<\/h2>/);
    // The second parser reads the same, including both authors and the Media RSS image.
    const bItem = b.items![0]!;
    expect(b.language).toBe('en');
    expect(bItem.title).toBe(item.title);
    expect(bItem.dc?.creators).toEqual(['Layla Haddad', 'Reuters']);
    expect(bItem.media?.contents?.[0]).toMatchObject({ medium: 'image', width: 1200, height: 675 });
    expect(b.atom?.links?.find((l) => l.rel === 'self')?.href).toBe(`${ORIGIN}/feed.xml`);
  });

  it('gives the standfirst only when the site says so, and leaves unpublished stories out', async () => {
    await saveSiteSettings(site.deps.db, { ...(await getSiteSettings(site.deps.db)), feedContent: 'summary' }, site.clock.now());
    await unpublishArticle(site.deps, ids.politics!);
    try {
      const feed = parseRssFeed(await fetchFeed('/feed.xml', 'application/rss+xml'));
      expect(feed.items!.map((i) => i.title)).toEqual(['Ministers agree a water plan & a <budget>']);
      expect(feed.items![0]!.content?.encoded).toBeUndefined();
      expect(feed.items![0]!.description).toBe('The plan covers desalination.');
    } finally {
      await saveSiteSettings(site.deps.db, { ...(await getSiteSettings(site.deps.db)), feedContent: 'full' }, site.clock.now());
    }
  });
});

describe('Atom 1.0', () => {
  it('has the Arabic stories in the Arabic feed, with authors linked to their pages', async () => {
    const xml = await fetchFeed('/ar/feed.atom', 'application/atom+xml');
    const a = await new RssParser().parseString(xml);
    const b = parseAtomFeed(xml);
    expect(a.title).toBe('عرب برس');
    expect(a.items.map((i) => i.title)).toEqual(['الوزراء يتفقون على خطة للمياه']);
    expect(b.id).toBe(`${ORIGIN}/ar/feed.atom`);
    const entry = b.entries![0]!;
    expect(entry.id).toBe(`urn:uuid:${ids.ar}`);
    expect(entry.authors).toEqual([{ name: 'عمر فاروق', uri: `${ORIGIN}/ar/author/omar-farouk` }]);
    expect(entry.links?.[0]).toMatchObject({ rel: 'alternate', href: `${ORIGIN}/ar/economy/${encodeURIComponent('الوزراء-يتفقون-على-خطة-للمياه')}` });
    expect(entry.published).toBe('2024-04-24T08:00:00.000Z');
    expect(a.items[0]!.content).toContain('قال الوزير');
  });
});

describe('JSON Feed 1.1', () => {
  it('lists a section, a tag and an author, each with its own stories only', async () => {
    const economy = parseJsonFeed(JSON.parse(await fetchFeed('/economy/feed.json', 'application/feed+json')));
    expect(economy.title).toBe('Arab Press: Economy');
    expect(economy.feed_url).toBe(`${ORIGIN}/economy/feed.json`);
    expect(economy.items!.map((i) => i.id)).toEqual([`urn:uuid:${ids.en}`]);
    expect(economy.items![0]).toMatchObject({ language: 'en', tags: ['Economy', 'Trade'], date_published: '2024-04-25T08:00:00.000Z' });
    const raw = JSON.parse(await fetchFeed('/tag/trade/feed.json', 'application/feed+json')) as { version: string; items: { id: string }[] };
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(raw.items.map((i) => i.id)).toEqual([`urn:uuid:${ids.en}`]);
    const author = parseJsonFeed(JSON.parse(await fetchFeed('/ar/author/omar-farouk/feed.json', 'application/feed+json')));
    expect(author.items!.map((i) => i.title)).toEqual(['الوزراء يتفقون على خطة للمياه']);
  });
});

describe('conformance', () => {
  // The W3C feed validator's rules (tests/feed-check.ts, shown to agree with its test cases): no
  // error and no warning in any RSS or Atom feed, whole or summary, in either language.
  it('passes the feed validator’s rules for every scope, format and language', async () => {
    const scopes = ['', '/economy', '/tag/trade', '/author/layla-haddad', '/author/omar-farouk'];
    for (const feedContent of ['full', 'summary'] as const) {
      await saveSiteSettings(site.deps.db, { ...(await getSiteSettings(site.deps.db)), feedContent }, site.clock.now());
      for (const lang of ['', '/ar'])
        for (const scope of scopes)
          for (const [file, type] of [['feed.xml', 'application/rss+xml'], ['feed.atom', 'application/atom+xml']] as const) {
            const path = `${lang}${scope}/${file}`;
            const report = checkFeed(await fetchFeed(path, type));
            expect(report, `${path} (${feedContent})`).toEqual({ errors: [], warnings: [] });
          }
    }
    await saveSiteSettings(site.deps.db, { ...(await getSiteSettings(site.deps.db)), feedContent: 'full' }, site.clock.now());
  });
});

describe('finding and polling feeds', () => {
  it('announces them on pages, answers a repeat poll with 304, and a missing scope with 404', async () => {
    const home = await (await site.get('/ar/')).text();
    expect(home).toContain('<link rel="alternate" type="application/rss+xml" title="عرب برس (RSS)" href="/ar/feed.xml"');
    const section = await (await site.get('/economy/')).text();
    expect(section).toContain('href="/economy/feed.atom"');
    const first = await site.get('/feed.json');
    const again = await site.get('/feed.json', { 'If-Modified-Since': first.headers.get('last-modified')! });
    expect(again.status).toBe(304);
    expect((await site.get('/no-such-section/feed.xml')).status).toBe(404);
    expect((await site.get('/tag/no-such-tag/feed.atom')).status).toBe(404);
  });
});

describe('WebSub', () => {
  it('names the hub in every feed and pings it with each changed feed once a story is published', async () => {
    const pings: URLSearchParams[] = [];
    const hub = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        pings.push(new URLSearchParams(body));
        res.writeHead(pings.length === 1 ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    const hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/hub`;
    try {
      await saveSiteSettings(site.deps.db, { ...(await getSiteSettings(site.deps.db)), webSubHub: hubUrl }, site.clock.now());
      const rss = await site.get('/ar/feed.xml');
      expect(rss.headers.get('link')).toBe(`<${hubUrl}>; rel="hub", <${ORIGIN}/ar/feed.xml>; rel="self"`);
      expect(parseRssFeed(await rss.text()).atom?.links?.find((l) => l.rel === 'hub')?.href).toBe(hubUrl);
      expect((JSON.parse(await (await site.get('/feed.json')).text()) as { hubs: unknown }).hubs).toEqual([{ type: 'WebSub', url: hubUrl }]);

      await publishedArticle(site, { headline: 'Port fees rise', sectionSlug: 'economy', tagSlugs: ['trade'] });
      const worker = createWorker(site.deps);
      await worker.runDue();
      // The hub's first answer was a 503: the job is retried later, and the second ping is taken.
      expect(pings).toHaveLength(1);
      site.clock.set(new Date(site.clock.now().getTime() + 3_600_000));
      await worker.runDue();
      expect(pings).toHaveLength(2);
      const ping = pings[1]!;
      expect(ping.get('hub.mode')).toBe('publish');
      expect(ping.getAll('hub.url')).toEqual(
        ['/', '/economy/', '/tag/trade', '/author/layla-haddad'].flatMap((p) => ['feed.xml', 'feed.atom', 'feed.json'].map((f) => `${ORIGIN}${p.replace(/\/$/, '')}/${f}`)),
      );
    } finally {
      await saveSiteSettings(site.deps.db, { ...(await getSiteSettings(site.deps.db)), webSubHub: '' }, site.clock.now());
      hub.close();
    }
  });
});

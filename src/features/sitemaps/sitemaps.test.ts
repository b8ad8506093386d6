import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../../../tests/fixtures.js';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { storeImage } from '../media/index.js';

// Sitemaps and robots.txt as a search engine reads them, each file validated with xmllint against
// the sitemaps.org and Google schemas (offline, through the fixtures' XML catalog), on both databases.
const ORIGIN = 'https://news.example';
const xsd = fixturePath('sitemaps', 'xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) {
  if (process.env['CI']) throw new Error('CI requires xmllint (Debian package libxml2-utils) to validate the sitemaps');
  console.warn('\n!! SKIPPING the sitemap schema checks: xmllint is not installed (apt install libxml2-utils).\n');
}

let site: TestSite;
const NOW = new Date('2024-04-26T09:00:00.000Z');
beforeAll(async () => {
  site = await createTestSite({ now: NOW, env: { PUBLIC_URL: ORIGIN } });
  await seedNewsroom(site);
  const image = await storeImage(site.deps, { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>'), ext: 'svg', contentType: 'image/svg+xml', width: 16, height: 9 });
  const en = await publishedArticle(site, { headline: 'Ports & <harbours> reopen', sectionSlug: 'economy', tagSlugs: ['trade'], featuredImage: { mediaId: image.id, alt: 'A port', caption: '', credit: '' }, publishedAt: new Date('2024-04-26T06:00:00.000Z') });
  await publishedArticle(site, { language: 'ar', translationOf: en.id, headline: 'إعادة فتح الموانئ', sectionSlug: 'economy', publishedAt: new Date('2024-04-26T07:00:00.000Z') });
  await publishedArticle(site, { headline: 'An older story', publishedAt: new Date('2024-04-01T06:00:00.000Z') });
});

async function getXml(p: string): Promise<string> {
  const res = await site.get(p);
  expect(res.status, p).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  return res.text();
}

/** xmllint's verdict: 0 valid, 3 schema-invalid, 1 not well-formed. */
function validate(xml: string, schema: 'all.xsd' | 'siteindex.xsd'): { status: number | null; stderr: string } {
  const file = path.join(site.dataDir, `check-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', path.join(xsd!, schema), file], { env: { ...process.env, XML_CATALOG_FILES: path.join(xsd!, 'catalog.xml') }, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

describe.skipIf(!xsd || !hasXmllint)('sitemaps against their schemas', () => {
  it('the checker itself tells a valid sitemap from a broken one (fixtures)', () => {
    const examples = fixturePath('sitemaps', 'examples', 'sitemap.js')!;
    const read = (f: string) => spawnSync('cat', [path.join(examples, f)], { encoding: 'utf8' }).stdout;
    expect(validate(read('alltags.xml'), 'all.xsd').status).toBe(0);
    expect(validate(read('bad-tag-sitemap.xml'), 'all.xsd').status).toBe(3);
    expect(validate(read('bad-tag-index.xml'), 'siteindex.xsd').status).toBe(3);
  });

  it('an index of every sitemap, each valid, listing articles with hreflang pairs and images', async () => {
    const index = await getXml('/sitemap.xml');
    expect(validate(index, 'siteindex.xsd')).toMatchObject({ status: 0 });
    expect(locs(index)).toEqual(['/sitemaps/articles-1.xml', '/sitemaps/sections.xml', '/sitemaps/tags.xml', '/sitemaps/authors.xml', '/sitemap-news.xml'].map((p) => ORIGIN + p));
    for (const loc of locs(index)) expect(validate(await getXml(loc.slice(ORIGIN.length)), 'all.xsd'), loc).toMatchObject({ status: 0 });

    const articles = await getXml('/sitemaps/articles-1.xml');
    expect(locs(articles)).toEqual([`${ORIGIN}/politics/an-older-story`, `${ORIGIN}/economy/ports-harbours-reopen`, `${ORIGIN}/ar/economy/${encodeURIComponent('إعادة-فتح-الموانئ')}`]);
    expect(articles).toContain(`<xhtml:link rel="alternate" hreflang="ar" href="${ORIGIN}/ar/economy/${encodeURIComponent('إعادة-فتح-الموانئ')}" />`);
    expect(articles).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${ORIGIN}/economy/ports-harbours-reopen" />`);
    expect(articles).toMatch(new RegExp(`<image:image><image:loc>${ORIGIN}/media/[^<]+\\.svg</image:loc></image:image>`));
    expect(articles).toContain('<lastmod>2024-04-26T06:00:00.000Z</lastmod>');

    const sections = await getXml('/sitemaps/sections.xml');
    expect(locs(sections)).toEqual([`${ORIGIN}/politics/`, `${ORIGIN}/ar/politics/`, `${ORIGIN}/economy/`, `${ORIGIN}/ar/economy/`]);
  });

  it('a Google News sitemap of the last 48 hours in each story’s language', async () => {
    const news = await getXml('/sitemap-news.xml');
    expect(locs(news)).toHaveLength(2);
    expect(news).toContain('<news:name>عرب برس</news:name><news:language>ar</news:language>');
    expect(news).toContain('<news:title>Ports &amp; &lt;harbours&gt; reopen</news:title>');
    expect(news).not.toContain('an-older-story');
  });

  it('a page past the last sitemap file is a 404, and a broken file would be caught', async () => {
    expect((await site.get('/sitemaps/articles-2.xml')).status).toBe(404);
    expect(validate((await getXml('/sitemap-news.xml')).replaceAll('news:language', 'news:lang'), 'all.xsd').status).toBe(3);
  });
});

describe('robots.txt', () => {
  it('keeps crawlers out of the newsroom and search results and points at the sitemap', async () => {
    const res = await site.get('/robots.txt');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('Disallow: /admin/');
    expect(text).toContain('Disallow: /ar/search');
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});

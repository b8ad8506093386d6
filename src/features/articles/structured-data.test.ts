import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { fixturePath } from '../../../tests/fixtures.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { schemaOrgChecker } from '../../../tests/schema-org.js';
import { makeVariants, storeImage } from '../media/index.js';
import sharp from 'sharp';

// What search engines and social networks read of the pages: JSON-LD checked against the schema.org
// vocabulary and Google's required article properties, OpenGraph and X cards, hreflang, in both languages.
const ORIGIN = 'https://news.example';
const vocabulary = fixturePath('structured-data', 'schemaorg', 'schemaorg-all-https.jsonld');
let site: TestSite;
const paths: Record<string, string> = {};
beforeAll(async () => {
  site = await createTestSite({ env: { PUBLIC_URL: ORIGIN } });
  await seedNewsroom(site);
  const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#884422' } }).jpeg().toBuffer();
  const image = await storeImage(site.deps, { bytes: jpeg, ext: 'jpg', contentType: 'image/jpeg', width: 1600, height: 900 });
  // The crops (16:9, 4:3, 1:1), as the media job makes them after an upload.
  await makeVariants(site.deps, image.id);
  const en = await publishedArticle(site, {
    headline: 'Desalination plant opens </script><b>',
    standfirst: 'Fresh water for the coast.',
    sectionSlug: 'economy',
    tagSlugs: ['trade'],
    bylines: [{ personSlug: 'layla-haddad' }, { name: 'Reuters' }],
    featuredImage: { mediaId: image.id, alt: 'The plant', caption: '', credit: '' },
  });
  const ar = await publishedArticle(site, { language: 'ar', translationOf: en.id, headline: 'افتتاح محطة تحلية', sectionSlug: 'economy', bylines: [{ personSlug: 'omar-farouk' }] });
  paths.en = `/economy/${en.slug}`;
  paths.ar = `/ar/economy/${encodeURIComponent(ar.slug)}`;
});

async function page(path: string): Promise<string> {
  const res = await site.get(path);
  expect(res.status, path).toBe(200);
  return res.text();
}
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
const meta = (html: string, key: string) => [...html.matchAll(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe.skipIf(!vocabulary)('structured data', () => {
  const check = vocabulary ? schemaOrgChecker(vocabulary) : () => [];

  it('describes an article as a NewsArticle with everything Google asks for, in schema.org terms only', async () => {
    const html = await page(paths.en!);
    const [article, breadcrumbs] = jsonLd(html);
    expect(check(article)).toEqual([]);
    expect(check(breadcrumbs)).toEqual([]);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Desalination plant opens </script><b>',
      inLanguage: 'en',
      articleSection: 'Economy',
      keywords: ['Trade'],
      mainEntityOfPage: { '@id': `${ORIGIN}${paths.en}` },
      author: [{ '@type': 'Person', name: 'Layla Haddad', url: `${ORIGIN}/author/layla-haddad` }, { '@type': 'Organization', name: 'Reuters' }],
      publisher: { '@type': 'Organization', name: 'Arab Press', logo: { '@type': 'ImageObject', url: `${ORIGIN}/podcast-cover.png` } },
    });
    expect(new Date(article!['datePublished'] as string).getTime()).toBeLessThanOrEqual(new Date(article!['dateModified'] as string).getTime());
    // Three images, 16:9, 4:3 and 1:1, each a real file the site serves.
    const images = article!['image'] as string[];
    expect(images).toHaveLength(3);
    const sizes = await Promise.all(images.map(async (url) => sharp(Buffer.from(await (await site.get(url.slice(ORIGIN.length))).arrayBuffer())).metadata()));
    expect(sizes.map((s) => Math.round((100 * s.width!) / s.height!) / 100)).toEqual([1.78, 1.33, 1]);
    // The headline's "</script>" did not end the script early.
    expect(html).not.toContain('opens </script><b>');
    expect((breadcrumbs!['itemListElement'] as { name: string }[]).map((i) => i.name)).toEqual(['Home', 'Economy', 'Desalination plant opens </script><b>']);
  });

  it('gives the home page a WebSite with its search and the Organization, in each language', async () => {
    for (const [path, lang] of [['/', 'en'], ['/ar/', 'ar']] as const) {
      const [website, organization] = jsonLd(await page(path));
      expect(check(website)).toEqual([]);
      expect(check(organization)).toEqual([]);
      expect(website).toMatchObject({ '@type': 'WebSite', inLanguage: lang, potentialAction: { target: { urlTemplate: `${ORIGIN}${lang === 'ar' ? '/ar' : ''}/search?q={search_term_string}` } } });
      expect(organization).toMatchObject({ '@type': 'Organization', url: `${ORIGIN}${path}` });
    }
  });

  it('the checker itself refuses an unknown property or a property of another type', () => {
    expect(check({ '@type': 'NewsArticle', headlin: 'x' })).toEqual(['$.headlin: not a schema.org property']);
    expect(check({ '@type': 'Person', articleSection: 'x' })).toEqual(['$.articleSection: not a property of Person']);
  });
});

describe('social cards and language alternates', () => {
  it('tags the Arabic article for OpenGraph and X, pairs it with its translation and names x-default', async () => {
    const html = await page(paths.ar!);
    expect(meta(html, 'og:type')).toEqual(['article']);
    expect(meta(html, 'og:locale')).toEqual(['ar_AR']);
    expect(meta(html, 'og:locale:alternate')).toEqual(['en_US']);
    expect(meta(html, 'og:title')).toEqual(['افتتاح محطة تحلية']);
    expect(meta(html, 'article:section')).toEqual(['اقتصاد']);
    expect(meta(html, 'article:author')).toEqual([`${ORIGIN}/ar/author/omar-farouk`]);
    expect(meta(html, 'article:published_time')[0]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(meta(html, 'twitter:card')).toEqual(['summary']);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${ORIGIN}${paths.en}"`);
    expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${ORIGIN}${paths.en}"`);
    const en = await page(paths.en!);
    expect(meta(en, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(en, 'og:image')[0]).toMatch(new RegExp(`^${ORIGIN}/media/`));
    expect(meta(en, 'article:tag')).toEqual(['Trade']);
  });
});

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createSecondInstance, createTestSite, TEST_DB, type TestSite } from '../../../tests/kit.js';
import { documentFromBlocks } from '../../editor/index.js';
import { updateArticle, unpublishArticle } from '../articles/index.js';

let site: TestSite;
let a: { id: string; slug: string };
let b: { id: string; slug: string };

const cachedPaths = () => site.deps.pageCache.keys().map((k) => new URL(k.split('|')[0]!).pathname);

beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  a = await publishedArticle(site, { headline: 'Oil prices steady in Asia', sectionSlug: 'economy', tagSlugs: ['oil'] });
  b = await publishedArticle(site, { headline: 'Ministers meet in Amman', sectionSlug: 'politics', tagSlugs: ['gaza'] });
});

describe('the page cache', () => {
  it('answers with an ETag, CDN-friendly Cache-Control, and 304 to a matching If-None-Match', async () => {
    const first = await site.get(`/economy/${a.slug}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    expect(first.headers.get('cache-control')).toContain('stale-while-revalidate');
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    const again = await site.get(`/economy/${a.slug}`, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const weak = await site.get(`/economy/${a.slug}`, { 'If-None-Match': `"x", W/${etag}` });
    expect(weak.status).toBe(304);
  });

  it('serves brotli or gzip by Accept-Encoding, each decoding to the same page', async () => {
    const plain = await (await site.get(`/economy/${a.slug}`)).text();
    const br = await site.get(`/economy/${a.slug}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const gz = await site.get(`/economy/${a.slug}`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
    const refused = await site.get(`/economy/${a.slug}`, { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('runs no SQL for a cached page: it is served even while the articles table is gone', async () => {
    const cached = await site.get(`/economy/${a.slug}`);
    await sql`alter table articles rename to articles_gone`.execute(site.deps.db);
    try {
      const hit = await site.get(`/economy/${a.slug}`);
      expect(hit.status).toBe(200);
      expect(hit.headers.get('etag')).toBe(cached.headers.get('etag'));
      // An uncached page needs the table, which proves the hit above did not touch it.
      expect((await site.get(`/politics/not-cached-${Date.now()}`)).status).toBe(500);
    } finally {
      await sql`alter table articles_gone rename to articles`.execute(site.deps.db);
    }
  });

  it('invalidates exactly the pages that show a changed article', async () => {
    site.deps.pageCache.clear();
    for (const p of [`/economy/${a.slug}`, `/politics/${b.slug}`, '/', '/economy/', '/politics/', '/tag/oil', '/tag/gaza', '/ar/']) {
      expect((await site.get(p)).status).toBe(200);
    }
    await updateArticle(site.deps, a.id, {
      language: 'en',
      headline: 'Oil prices climb in Asia',
      standfirst: 'Traders react.',
      sectionSlug: 'economy',
      tagSlugs: ['oil'],
      body: documentFromBlocks([{ type: 'p', text: 'New text.' }]),
    });
    const left = cachedPaths();
    // Pages showing article a are gone…
    for (const p of [`/economy/${a.slug}`, '/', '/economy/', '/tag/oil']) expect(left).not.toContain(p);
    // …pages that do not show it stay cached.
    for (const p of [`/politics/${b.slug}`, '/politics/', '/tag/gaza', '/ar/']) expect(left).toContain(p);
    expect(await (await site.get('/')).text()).toContain('Oil prices climb in Asia');
  });

  it('drops an unpublished article’s page and its listings, and the page then answers 404', async () => {
    const c = await publishedArticle(site, { headline: 'A story about to be pulled', sectionSlug: 'politics' });
    expect((await site.get(`/politics/${c.slug}`)).status).toBe(200);
    expect(await (await site.get('/politics/')).text()).toContain('A story about to be pulled');
    await unpublishArticle(site.deps, c.id);
    expect((await site.get(`/politics/${c.slug}`)).status).toBe(404);
    expect(await (await site.get('/politics/')).text()).not.toContain('A story about to be pulled');
  });

  it('turns over at local midnight so the masthead date is always today', async () => {
    site.clock.set(new Date('2024-04-26T20:59:00Z')); // 23:59 in Riyadh
    expect(await (await site.get('/')).text()).toContain('Friday, Apr 26, 2024');
    site.clock.set(new Date('2024-04-26T21:01:00Z')); // 00:01 on Saturday in Riyadh
    expect(await (await site.get('/')).text()).toContain('Saturday, Apr 27, 2024');
  });

  it.skipIf(TEST_DB !== 'postgres')('keeps several instances coherent: a change made by one drops the page cached by another', async () => {
    const other = await createSecondInstance(site);
    const path = `/politics/${b.slug}`;
    expect(await (await other.get(path)).text()).toContain('Ministers meet in Amman');
    await updateArticle(site.deps, b.id, {
      language: 'en',
      headline: 'Ministers meet again in Amman',
      standfirst: 'Second round.',
      sectionSlug: 'politics',
      tagSlugs: ['gaza'],
      body: documentFromBlocks([{ type: 'p', text: 'More talks.' }]),
    });
    // The notification travels through PostgreSQL; allow it a moment to arrive.
    const deadline = Date.now() + 5000;
    while (other.deps.pageCache.keys().some((k) => k.includes(path)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await (await other.get(path)).text()).toContain('Ministers meet again in Amman');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  await publishedArticle(site, { headline: 'Desalination plant opens in Jeddah', sectionSlug: 'economy' });
  await publishedArticle(site, { headline: 'Desert tourism grows', sectionSlug: 'economy' });
  await publishedArticle(site, { language: 'ar', headline: 'افتتاح محطة تحلية المياه في جدة', sectionSlug: 'economy', bylines: [] });
});

async function instant(q: string, lang = 'en') {
  const res = await site.get(`/search/instant?q=${encodeURIComponent(q)}&lang=${lang}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  return (await res.json()) as { q: string; results: { headline: string; url: string; section: string; date: string; language: string }[] };
}

describe('instant search', () => {
  it('matches the word being typed as a prefix', async () => {
    expect((await instant('des')).results.map((r) => r.headline).sort()).toEqual(['Desalination plant opens in Jeddah', 'Desert tourism grows']);
    expect((await instant('desa')).results.map((r) => r.headline)).toEqual(['Desalination plant opens in Jeddah']);
    const [hit] = (await instant('jedd')).results;
    expect(hit).toEqual({ headline: 'Desalination plant opens in Jeddah', url: '/economy/desalination-plant-opens-in-jeddah', section: 'Economy', date: expect.any(String), language: 'en' });
  });

  it('answers in the page language, Arabic prefixes too', async () => {
    const ar = await instant('تحل', 'ar');
    expect(ar.results.map((r) => r.headline)).toEqual(['افتتاح محطة تحلية المياه في جدة']);
    expect(ar.results[0]!.section).toBe('اقتصاد');
    expect((await instant('تحل', 'en')).results).toEqual([]);
  });

  it('answers nothing, never an error, for what is not yet a query', async () => {
    for (const q of ['', 'd', '!!', '-des', 'x'.repeat(400), '"']) expect((await instant(q)).results, q).toEqual([]);
    expect((await instant('des', 'fr')).results.length).toBe(2); // an unknown language falls back to English
  });
});

import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { createWorker } from '../../worker.js';
import { unpublishArticle, updateArticle, currentArticleInput } from '../articles/index.js';
import { prepareSearchIndex } from './search-index.js';

// What readers notice of the index, through the search page, on SQLite and PostgreSQL alike.
let site: TestSite;
const ids: Record<string, string> = {};
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  const day = (d: string) => new Date(`${d}T09:00:00.000Z`);
  ids.gazaTalks = (await publishedArticle(site, { language: 'ar', headline: 'المفاوضات الفلسطينية تستأنف في القاهرة', standfirst: 'وفد فلسطيني يصل إلى العاصمة المصرية.', sectionSlug: 'politics', tagSlugs: ['gaza'], publishedAt: day('2024-04-20'), blocks: [{ type: 'p', text: 'قال مسؤول إن الوفد سيبحث وقف إطلاق النار في غزة.' }] })).id;
  ids.oilPrices = (await publishedArticle(site, { language: 'ar', headline: 'أسعار النفط ترتفع مع تراجع المخزونات', standfirst: 'برنت يقترب من تسعين دولاراً.', sectionSlug: 'economy', tagSlugs: ['oil'], publishedAt: day('2024-04-22'), blocks: [{ type: 'p', text: 'ارتفعت أسعار النّفط للأسبوع الثالث على التوالي بالأسواق الآسيوية.' }] })).id;
  ids.taliban = (await publishedArticle(site, { language: 'ar', headline: 'حركة طالبان تعلن تشكيل حكومة جديدة', sectionSlug: 'politics', publishedAt: day('2024-04-18'), blocks: [{ type: 'p', text: 'أعلن متحدث باسم طالبان أسماء الوزراء.' }] })).id;
  ids.student = (await publishedArticle(site, { language: 'ar', headline: 'طالب يفوز بجائزة العلوم', sectionSlug: 'politics', publishedAt: day('2024-04-17'), blocks: [{ type: 'p', text: 'فاز الطالب بالمركز الأول.' }] })).id;
  ids.ministers = (await publishedArticle(site, { headline: 'Ministers meet to negotiate a ceasefire', standfirst: 'Talks resume in Cairo.', sectionSlug: 'politics', tagSlugs: ['gaza'], publishedAt: day('2024-04-21'), blocks: [{ type: 'p', text: 'Egypt’s foreign minister hosted the negotiations on Sunday.' }] })).id;
  ids.refinery = (await publishedArticle(site, { headline: 'New refinery opens on the Red Sea coast', standfirst: 'Oil output to rise.', sectionSlug: 'economy', tagSlugs: ['oil'], publishedAt: day('2024-04-23'), blocks: [{ type: 'p', text: 'The refinery will process crude oil from fields in the east. Ministers attended the opening.' }] })).id;
  ids.sea = (await publishedArticle(site, { headline: 'Coral reefs of the Red Sea recover', sectionSlug: 'economy', publishedAt: day('2024-04-10'), blocks: [{ type: 'p', text: 'Divers report the sea is clearer than a decade ago.' }] })).id;
});

const q = (s: string) => encodeURIComponent(s);
async function headlines(path: string): Promise<string[]> {
  const res = await site.get(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/class="story__headline"[^>]*>\s*<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!);
}

describe('Arabic search', () => {
  it('finds words however they are spelled: diacritics, alef forms, taa marbuta, alef maqsura', async () => {
    for (const typed of ['النِّفْط', 'النفط', 'نفط', 'اسعار', 'أسعار', 'إسعار']) {
      expect(await headlines(`/ar/search?q=${q(typed)}`), typed).toContain('أسعار النفط ترتفع مع تراجع المخزونات');
    }
    expect(await headlines(`/ar/search?q=${q('القاهره')}`)).toEqual(['المفاوضات الفلسطينية تستأنف في القاهرة']);
  });

  it('finds words behind prefixes such as وال and بال, and inflected forms', async () => {
    expect(await headlines(`/ar/search?q=${q('والأسواق')}`)).toEqual(['أسعار النفط ترتفع مع تراجع المخزونات']);
    expect(await headlines(`/ar/search?q=${q('سوق')}`)).toEqual([]); // a broken plural is another word: light stemming does not guess
    expect(await headlines(`/ar/search?q=${q('مفاوضات')}`)).toEqual(['المفاوضات الفلسطينية تستأنف في القاهرة']);
    expect(await headlines(`/ar/search?q=${q('فلسطين')}`)).toEqual(['المفاوضات الفلسطينية تستأنف في القاهرة']);
  });

  it('keeps names whole: طالبان is not طالب', async () => {
    expect(await headlines(`/ar/search?q=${q('طالبان')}`)).toEqual(['حركة طالبان تعلن تشكيل حكومة جديدة']);
    expect(await headlines(`/ar/search?q=${q('طالب')}`)).toEqual(['طالب يفوز بجائزة العلوم']);
  });

  it('ranks the headline above the body and marks the matching words in the snippet', async () => {
    const html = await (await site.get(`/ar/search?q=${q('غزة')}`)).text();
    expect(html).toContain('<mark>غزة</mark>');
    // A stem match is marked too: الوفد finds and marks وفد in the standfirst.
    const snippet = /<p class="search-hit__snippet">([\s\S]*?)<\/p>/.exec(await (await site.get(`/ar/search?q=${q('الوفد')}`)).text())?.[1] ?? '';
    expect(snippet).toContain('<mark>وفد</mark>');
    expect(snippet).toContain('<mark>الوفد</mark>');
  });
});

describe('English search', () => {
  it('matches plurals and stems, any case, and possessives', async () => {
    expect(await headlines('/search?q=minister')).toEqual(['Ministers meet to negotiate a ceasefire', 'New refinery opens on the Red Sea coast']);
    expect(await headlines('/search?q=NEGOTIATIONS')).toEqual(['Ministers meet to negotiate a ceasefire']);
    expect(await headlines(`/search?q=${q('egypt')}`)).toEqual(['Ministers meet to negotiate a ceasefire']);
  });

  it('ranks a headline match above a body match', async () => {
    expect(await headlines('/search?q=ministers')).toEqual(['Ministers meet to negotiate a ceasefire', 'New refinery opens on the Red Sea coast']);
    expect((await headlines('/search?q=refinery'))[0]).toBe('New refinery opens on the Red Sea coast');
  });

  it('searches an exact phrase in quotes and leaves out words after a minus sign', async () => {
    expect((await headlines(`/search?q=${q('"red sea"')}`)).sort()).toEqual(['Coral reefs of the Red Sea recover', 'New refinery opens on the Red Sea coast']);
    expect(await headlines(`/search?q=${q('"sea red"')}`)).toEqual([]);
    expect(await headlines(`/search?q=${q('sea -oil')}`)).toEqual(['Coral reefs of the Red Sea recover']);
    expect(await headlines(`/search?q=${q('sea -"crude oil"')}`)).toEqual(['Coral reefs of the Red Sea recover']);
    const only = await (await site.get(`/search?q=${q('-oil')}`)).text();
    expect(only).toContain('Add a word to look for: a minus sign only leaves words out.');
  });

  it('finds tags and sections by name', async () => {
    expect(await headlines('/search?q=gaza')).toEqual(['Ministers meet to negotiate a ceasefire']);
  });
});

describe('filters, order and pages', () => {
  it('filters by section, by language and by dates in the site zone', async () => {
    expect(await headlines('/search?q=oil&section=economy')).toEqual(['New refinery opens on the Red Sea coast']);
    expect(await headlines('/search?q=oil&section=politics')).toEqual([]);
    // Both languages: the Arabic story is found by its tag's English name.
    const all = await headlines('/search?q=oil&language=all');
    expect(all).toEqual(expect.arrayContaining(['New refinery opens on the Red Sea coast', 'أسعار النفط ترتفع مع تراجع المخزونات']));
    expect(await headlines('/search?q=sea&from=2024-04-20&to=2024-04-30')).toEqual(['New refinery opens on the Red Sea coast']);
    expect(await headlines('/search?q=sea&from=2024-04-30&to=2024-04-20')).toEqual(['New refinery opens on the Red Sea coast']); // swapped dates
    expect(await headlines('/search?q=sea&from=not-a-date')).toHaveLength(2);
  });

  it('shows a foreign-language hit in its own direction', async () => {
    const html = await (await site.get('/search?q=oil&language=all')).text();
    expect(html).toMatch(/<article class="search-hit story"[^>]*lang="ar" dir="rtl"/);
  });

  it('sorts by newest when asked, by relevance otherwise', async () => {
    expect(await headlines('/search?q=sea&sort=newest')).toEqual(['New refinery opens on the Red Sea coast', 'Coral reefs of the Red Sea recover']);
    expect(await headlines('/search?q=coral%20sea')).toEqual(['Coral reefs of the Red Sea recover']);
  });

  it('pages through results, keeping the query and filters in the links', async () => {
    for (let i = 0; i < 12; i++) await publishedArticle(site, { headline: `Desert locust swarm report ${i}`, sectionSlug: 'economy' });
    const first = await (await site.get('/search?q=locust&section=economy')).text();
    expect(first).toContain('Results for “locust”: 12');
    expect(first).toContain('href="/search?q=locust&amp;section=economy&amp;page=2"');
    expect(await headlines('/search?q=locust&section=economy&page=2')).toHaveLength(2);
    expect((await site.get('/search?q=locust&page=abc')).status).toBe(400); // as on every listing
  });
});

describe('keeping the index in step', () => {
  it('drops an unpublished story and re-indexes an edited one, in the same transaction as the change', async () => {
    const { id } = await publishedArticle(site, { headline: 'Sandstorm closes the airport' });
    expect(await headlines('/search?q=sandstorm')).toEqual(['Sandstorm closes the airport']);
    const input = await currentArticleInput(site.deps.db, id);
    await updateArticle(site.deps, id, { ...input, headline: 'Dust storm closes the airport' });
    expect(await headlines('/search?q=sandstorm')).toEqual([]);
    expect(await headlines(`/search?q=${q('dust storm')}`)).toEqual(['Dust storm closes the airport']);
    await unpublishArticle(site.deps, id);
    expect(await headlines(`/search?q=${q('dust storm')}`)).toEqual([]);
  });

  it('is rebuilt by a background job at start when the analyzer changed or it was never built', async () => {
    const runJobs = async () => {
      let ran = 0;
      for (let n = 1; n > 0; ran += n) n = await createWorker(site.deps).runDue();
      return ran;
    };
    await sql`DELETE FROM article_search`.execute(site.deps.db);
    await sql`DELETE FROM search_index_state`.execute(site.deps.db);
    expect(await headlines('/search?q=refinery')).toEqual([]);
    expect(await prepareSearchIndex(site.deps.db, site.clock.now())).toBe('queued');
    expect(await runJobs()).toBeGreaterThanOrEqual(1);
    expect(await headlines('/search?q=refinery')).toEqual(['New refinery opens on the Red Sea coast']);
    // Built once: a second start with the same analyzer leaves it alone.
    expect(await prepareSearchIndex(site.deps.db, site.clock.now())).toBe('current');
    await sql`UPDATE search_index_state SET analyzer_version = 0`.execute(site.deps.db);
    await sql`DELETE FROM article_search`.execute(site.deps.db);
    expect(await prepareSearchIndex(site.deps.db, site.clock.now())).toBe('queued');
    await runJobs();
    expect(await headlines('/search?q=refinery')).toEqual(['New refinery opens on the Red Sea coast']);
  });
});

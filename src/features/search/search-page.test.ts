import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { documentFromBlocks } from '../../editor/index.js';
import { createArticle } from '../articles/index.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  await publishedArticle(site, { headline: 'Desalination plant opens in Jeddah', standfirst: 'Water for a million homes.', sectionSlug: 'economy' });
  await publishedArticle(site, { headline: 'Ministers meet in Amman', standfirst: 'Talks on trade.', blocks: [{ type: 'p', text: 'The desalination question came up only briefly.' }] });
  await publishedArticle(site, { language: 'ar', headline: 'افتتاح محطة تحلية المياه في جدة', standfirst: 'مياه لمليون منزل.', sectionSlug: 'economy', bylines: [] });
  await createArticle(site.deps, { language: 'en', headline: 'Desalination draft not yet published', sectionSlug: 'economy', body: documentFromBlocks([{ type: 'p', text: 'x' }]) });
});

const q = (s: string) => encodeURIComponent(s);
/** Headlines listed as results, top to bottom. */
function results(html: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/class="story__headline"[^>]*>\s*<a [^>]*href="[^"]+"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!);
}
/** The value in the search page's own box (not the masthead's), entities decoded. */
function boxValue(html: string): string | undefined {
  const input = /<input [^>]*id="search-q"[^>]*>/.exec(html)?.[0];
  const raw = input ? (/\svalue="([^"]*)"/.exec(input)?.[1] ?? '') : undefined;
  return raw?.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}
function summary(html: string): string {
  return /<p class="search-page__summary"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
}

describe('search page', () => {
  it('prompts for a query when there is none, in each language', async () => {
    for (const path of ['/search', '/search?q=', '/search?q=%20%20']) {
      const res = await site.get(path);
      expect(res.status, path).toBe(200);
      expect(summary(await res.text()), path).toBe('What are you looking for?');
    }
    const ar = await site.get('/ar/search?q=');
    expect(ar.status).toBe(200);
    const html = await ar.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(summary(html)).toBe('عمّ تبحث؟');
  });

  it('asks for at least two letters when given one', async () => {
    const res = await site.get('/search?q=d');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(summary(html)).toBe('Type at least two letters to search.');
    expect(results(html)).toEqual([]);
    expect(boxValue(html)).toBe('d');
    const ar = await (await site.get(`/ar/search?q=${q('ج')}`)).text();
    expect(summary(ar)).toBe('اكتب حرفين على الأقل للبحث.');
    expect(boxValue(ar)).toBe('ج');
  });

  it('answers punctuation only without an error, keeping it in the box', async () => {
    for (const path of [`/search?q=${q('!!!؟؟')}`, `/ar/search?q=${q('!!!؟؟')}`]) {
      const res = await site.get(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(results(html)).toEqual([]);
      expect(boxValue(html)).toBe('!!!؟؟');
      expect(summary(html)).not.toBe('');
    }
  });

  it('finds a published story by a word of its headline, in any letter case, and never a draft', async () => {
    for (const word of ['desalination', 'Desalination', 'DESALINATION']) {
      const res = await site.get(`/search?q=${word}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(results(html), word).toContain('Desalination plant opens in Jeddah');
      expect(summary(html)).toBe(`Results for “${word}”: 2`);
      expect(html).not.toContain('Desalination draft not yet published');
      expect(boxValue(html)).toBe(word);
    }
    // A word from the body finds that story too; two words narrow to the story with both.
    expect(results(await (await site.get('/search?q=desalination')).text())).toContain('Ministers meet in Amman');
    expect(results(await (await site.get(`/search?q=${q('desalination jeddah')}`)).text())).toEqual(['Desalination plant opens in Jeddah']);
    // English search never lists Arabic stories.
    expect(results(await (await site.get(`/search?q=${q('تحلية')}`)).text())).toEqual([]);
  });

  it('links each result to the story', async () => {
    const html = await (await site.get('/search?q=jeddah')).text();
    expect(html).toMatch(/<a href="\/economy\/desalination-plant-opens-in-jeddah">Desalination plant opens in Jeddah<\/a>/);
  });

  it('finds an Arabic story by an Arabic word on /ar/search, and only Arabic stories', async () => {
    const res = await site.get(`/ar/search?q=${q('تحلية')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(results(html)).toEqual(['افتتاح محطة تحلية المياه في جدة']);
    expect(summary(html)).toBe('نتائج البحث عن «تحلية»: 1');
    expect(boxValue(html)).toBe('تحلية');
    expect(results(await (await site.get('/ar/search?q=desalination')).text())).toEqual([]);
  });

  it('finds an Arabic word typed with tashkeel (vowel marks) as the same word', async () => {
    // Readers sometimes type the vowel marks; they are optional in Arabic and never split a word.
    const res = await site.get(`/ar/search?q=${q('تَحْلِيَة')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(summary(html)).not.toBe('اكتب حرفين على الأقل للبحث.');
    expect(results(html)).toEqual(['افتتاح محطة تحلية المياه في جدة']);
  });

  it('says so when nothing matches, in each language', async () => {
    const en = await (await site.get('/search?q=zeppelin')).text();
    expect(summary(en)).toBe('No stories match “zeppelin”. Try fewer or different words.');
    const ar = await (await site.get(`/ar/search?q=${q('منطاد')}`)).text();
    expect(summary(ar)).toBe('لا توجد أخبار تطابق «منطاد». جرّب كلمات أقل أو مختلفة.');
  });

  it('answers a 500-character query, keeping it in the box', async () => {
    const long = 'desalination '.repeat(40).slice(0, 500);
    expect(long).toHaveLength(500);
    const res = await site.get(`/search?q=${q(long)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(boxValue(html)).toBe(long.trim());
    const manyWords = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ').slice(0, 500);
    const res2 = await site.get(`/search?q=${q(manyWords)}`);
    expect(res2.status).toBe(200);
    expect(boxValue(await res2.text())).toBe(manyWords.trim());
  });

  it('shows a query with markup as text, never as markup', async () => {
    const typed = '"><script>alert(1)</script>';
    const res = await site.get(`/search?q=${q(typed)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(boxValue(html)).toBe(typed);
  });

  it('never answers 500, whatever is typed', async () => {
    const queries = ['', 'a', 'ج', '!!!؟؟', '%', '%%', '_', "' OR 1=1 --", '\\', 'x'.repeat(5000), 'a\u0000b', 'مُحَمَّد', '😀😀', 'desalination', 'تحلية'];
    for (const text of queries) {
      for (const base of ['/search', '/ar/search']) {
        const res = await site.get(`${base}?q=${q(text)}`);
        expect(res.status, `${base} ${JSON.stringify(text.slice(0, 20))}`).toBe(200);
      }
    }
  });

  it('is never cached: every answer says Cache-Control: no-store', async () => {
    for (const path of ['/search', '/search?q=', '/search?q=d', '/search?q=desalination', `/ar/search?q=${q('تحلية')}`, '/ar/search']) {
      const res = await site.get(path);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('etag'), path).toBeNull();
    }
  });

  it('shows a story published after a search was made', async () => {
    await site.get('/search?q=aquifer');
    await publishedArticle(site, { headline: 'New aquifer mapped under Riyadh', sectionSlug: 'economy' });
    expect(results(await (await site.get('/search?q=aquifer')).text())).toEqual(['New aquifer mapped under Riyadh']);
  });

  it('offers the search box in the masthead of every page, pointing at the page’s language', async () => {
    const en = await (await site.get('/')).text();
    expect(en).toMatch(/<form [^>]*role="search" action="\/search" method="get"[^>]*>/);
    const ar = await (await site.get('/ar/')).text();
    expect(ar).toMatch(/<form [^>]*role="search" action="\/ar\/search" method="get"[^>]*>/);
  });
});

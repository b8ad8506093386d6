import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { documentFromBlocks } from '../../editor/index.js';
import { createArticle, publishArticle, unpublishArticle } from './index.js';

/** The stories a reader sees listed in <main>, top to bottom: [href, headline]. */
function storyLinks(html: string): { href: string; headline: string }[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/class="story__headline"[^>]*>\s*<a [^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ href: m[1]!, headline: m[2]! }));
}
const headlinesOf = (html: string) => storyLinks(html).map((s) => s.headline);

const HOUR = 3_600_000;

describe('section, tag and author pages', () => {
  let site: TestSite;
  const at = (hoursAgo: number) => new Date(site.clock.now().getTime() - hoursAgo * HOUR);

  beforeAll(async () => {
    site = await createTestSite();
    await seedNewsroom(site);
    // Published out of order on purpose: the page must sort by publication time, not by creation.
    await publishedArticle(site, { headline: 'Politics middle story', publishedAt: at(2), tagSlugs: ['oil'] });
    await publishedArticle(site, { headline: 'Politics oldest story', publishedAt: at(3), bylines: [{ personSlug: 'omar-farouk' }] });
    await publishedArticle(site, { headline: 'Politics newest story', publishedAt: at(1), tagSlugs: ['oil', 'gaza'] });
    await publishedArticle(site, { headline: 'Economy only story', sectionSlug: 'economy', publishedAt: at(0.5), tagSlugs: ['oil'], bylines: [{ personSlug: 'omar-farouk' }] });
    await publishedArticle(site, { language: 'ar', headline: 'خبر سياسي أقدم', publishedAt: at(5), bylines: [{ personSlug: 'layla-haddad' }], tagSlugs: ['oil'] });
    await publishedArticle(site, { language: 'ar', headline: 'خبر سياسي أحدث', publishedAt: at(4), bylines: [{ personSlug: 'layla-haddad' }] });
    // A draft that is never published, and a story that was published and then withdrawn.
    await createArticle(site.deps, {
      language: 'en',
      headline: 'Draft politics story nobody may see',
      sectionSlug: 'politics',
      tagSlugs: ['oil'],
      bylines: [{ personSlug: 'layla-haddad' }],
      body: documentFromBlocks([{ type: 'p', text: 'Not ready.' }]),
    });
    await createArticle(site.deps, {
      language: 'ar',
      headline: 'مسودة عربية لم تنشر',
      sectionSlug: 'politics',
      bylines: [{ personSlug: 'layla-haddad' }],
      body: documentFromBlocks([{ type: 'p', text: 'غير جاهز.' }]),
    });
    const withdrawn = await publishedArticle(site, { headline: 'Withdrawn politics story', publishedAt: at(0.2), tagSlugs: ['oil'] });
    await unpublishArticle(site.deps, withdrawn.id);
  });

  it('lists only the published English stories of the section, newest first', async () => {
    const res = await site.get('/politics/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toMatch(/<h1 class="list-page__title">Politics<\/h1>/);
    expect(headlinesOf(html)).toEqual(['Politics newest story', 'Politics middle story', 'Politics oldest story']);
    expect(storyLinks(html)[0]!.href).toBe('/politics/politics-newest-story');
    expect(html).not.toContain('Economy only story');
    expect(html).not.toContain('خبر سياسي');
    expect(html).not.toContain('Draft politics story');
    expect(html).not.toContain('Withdrawn politics story');
  });

  it('lists only the published Arabic stories on /ar/politics/, with the Arabic section name', async () => {
    const res = await site.get('/ar/politics/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toMatch(/<h1 class="list-page__title">سياسة<\/h1>/);
    expect(headlinesOf(html)).toEqual(['خبر سياسي أحدث', 'خبر سياسي أقدم']);
    // Story links and section labels stay in the Arabic site.
    for (const s of storyLinks(html)) expect(s.href.startsWith('/ar/politics/')).toBe(true);
    expect(html).toMatch(/<a class="story__section" href="\/ar\/politics\/">سياسة<\/a>/);
    // The navigation names the sections in Arabic, never in English.
    expect(html).toMatch(/<a href="\/ar\/economy\/"[^>]*>اقتصاد<\/a>/);
    const main = html.slice(html.indexOf('<main'));
    expect(main).not.toContain('>Politics<');
    expect(html).not.toContain('>Economy<');
    expect(html).not.toContain('Politics newest story');
    expect(html).not.toContain('مسودة عربية لم تنشر');
  });

  it('answers /politics and /ar/politics with 301 to the address with a slash', async () => {
    const en = await site.get('/politics');
    expect(en.status).toBe(301);
    expect(en.headers.get('location')).toBe('/politics/');
    const ar = await site.get('/ar/politics');
    expect(ar.status).toBe(301);
    expect(ar.headers.get('location')).toBe('/ar/politics/');
  });

  it('shows a topic page in each language with only that topic’s published stories', async () => {
    const res = await site.get('/tag/oil');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<h1 class="list-page__title">Topic: Oil<\/h1>/);
    expect(headlinesOf(html)).toEqual(['Economy only story', 'Politics newest story', 'Politics middle story']);
    expect(html).not.toContain('Draft politics story');
    expect(html).not.toContain('Withdrawn politics story');

    const ar = await site.get('/ar/tag/oil');
    expect(ar.status).toBe(200);
    const arHtml = await ar.text();
    expect(arHtml).toContain('<html lang="ar" dir="rtl">');
    expect(arHtml).toMatch(/<h1 class="list-page__title">موضوع: النفط<\/h1>/);
    expect(headlinesOf(arHtml)).toEqual(['خبر سياسي أقدم']);
  });

  it('shows an author page with the author’s bio and only their published stories, in each language', async () => {
    const res = await site.get('/author/layla-haddad');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<h1 class="list-page__title">Layla Haddad<\/h1>/);
    expect(html).toContain('Covers diplomacy.');
    expect(headlinesOf(html)).toEqual(['Politics newest story', 'Politics middle story']);
    expect(html).not.toContain('Draft politics story');
    expect(html).not.toContain('Withdrawn politics story');

    const ar = await site.get('/ar/author/layla-haddad');
    expect(ar.status).toBe(200);
    const arHtml = await ar.text();
    expect(arHtml).toMatch(/<h1 class="list-page__title">ليلى حداد<\/h1>/);
    expect(arHtml).toContain('تغطي الدبلوماسية.');
    expect(arHtml).not.toContain('Covers diplomacy.');
    expect(headlinesOf(arHtml)).toEqual(['خبر سياسي أحدث', 'خبر سياسي أقدم']);

    const omar = await (await site.get('/author/omar-farouk')).text();
    expect(omar).toMatch(/<h1 class="list-page__title">Omar Farouk<\/h1>/);
    expect(headlinesOf(omar)).toEqual(['Economy only story', 'Politics oldest story']);
    // No bio, no empty intro paragraph.
    expect(omar).not.toContain('list-page__intro');
  });

  it('answers an unknown section, topic or author with a 404 page in the reader’s language', async () => {
    for (const path of ['/sport/', '/sport', '/tag/no-such-topic', '/author/no-such-writer']) {
      const res = await site.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain('We could not find that page.');
    }
    for (const path of ['/ar/sport/', '/ar/sport', '/ar/tag/no-such-topic', '/ar/author/no-such-writer']) {
      const res = await site.get(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html, path).toContain('<html lang="ar" dir="rtl">');
      expect(html, path).toContain('لم نعثر على هذه الصفحة.');
    }
  });

  it('shows a friendly empty message on a list with no stories yet, in each language', async () => {
    const en = await site.get('/tag/trade');
    expect(en.status).toBe(200);
    const html = await en.text();
    expect(html).toContain('There are no stories here yet.');
    expect(headlinesOf(html)).toEqual([]);
    const ar = await site.get('/ar/economy/');
    expect(ar.status).toBe(200);
    const arHtml = await ar.text();
    expect(arHtml).toMatch(/<h1 class="list-page__title">اقتصاد<\/h1>/);
    expect(arHtml).toContain('لا توجد أخبار هنا بعد.');
    expect(headlinesOf(arHtml)).toEqual([]);
  });

  it('drops a story from every list it was on as soon as it is unpublished', async () => {
    const story = await publishedArticle(site, { headline: 'Briefly live politics story', publishedAt: at(0.1), tagSlugs: ['gaza'] });
    const pages = ['/politics/', '/tag/gaza', '/author/layla-haddad', '/archive', '/'];
    for (const p of pages) expect(await (await site.get(p)).text(), p).toContain('Briefly live politics story');
    await unpublishArticle(site.deps, story.id);
    for (const p of pages) {
      const res = await site.get(p);
      expect(res.status, p).toBe(200);
      expect(await res.text(), p).not.toContain('Briefly live politics story');
    }
  });
});

describe('archive pagination', () => {
  let site: TestSite;
  const english: string[] = []; // newest first
  const arabic: string[] = [];

  beforeAll(async () => {
    site = await createTestSite();
    await seedNewsroom(site);
    const now = site.clock.now().getTime();
    for (let i = 1; i <= 25; i++) {
      const headline = `Archive story ${String(i).padStart(2, '0')}`;
      await publishedArticle(site, { headline, sectionSlug: i % 2 ? 'politics' : 'economy', publishedAt: new Date(now - i * HOUR) });
      english.push(headline);
    }
    for (let i = 1; i <= 21; i++) {
      const headline = `خبر الأرشيف رقم ${i}`;
      await publishedArticle(site, { language: 'ar', headline, publishedAt: new Date(now - i * HOUR - 30 * 60_000) });
      arabic.push(headline);
    }
    // Neither may take a place on the pages.
    await createArticle(site.deps, { language: 'en', headline: 'Archive draft', sectionSlug: 'politics', body: documentFromBlocks([{ type: 'p', text: 'x' }]) });
    const gone = await publishedArticle(site, { headline: 'Archive withdrawn', publishedAt: new Date(now - 30 * 60_000) });
    await unpublishArticle(site.deps, gone.id);
  });

  it('shows the 20 newest stories on page 1 with an "Older" link to page 2', async () => {
    const res = await site.get('/archive');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<h1 class="list-page__title">All stories<\/h1>/);
    expect(headlinesOf(html)).toEqual(english.slice(0, 20));
    expect(html).toMatch(/<a [^>]*href="\/archive\?page=2"[^>]*>Older<\/a>/);
    expect(html).not.toMatch(/>Newer<\/a>/);
    expect(html).not.toContain('Archive draft');
    expect(html).not.toContain('Archive withdrawn');
    expect(html).not.toContain('خبر الأرشيف');
  });

  it('shows the remaining 5 on page 2 with a "Newer" link back to page 1', async () => {
    const res = await site.get('/archive?page=2');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(headlinesOf(html)).toEqual(english.slice(20));
    expect(html).toMatch(/<a [^>]*href="\/archive(\?page=1)?"[^>]*>Newer<\/a>/);
    expect(html).not.toMatch(/>Older<\/a>/);
  });

  it('paginates the Arabic archive with Arabic links', async () => {
    const first = await (await site.get('/ar/archive')).text();
    expect(first).toMatch(/<h1 class="list-page__title">كل الأخبار<\/h1>/);
    expect(headlinesOf(first)).toEqual(arabic.slice(0, 20));
    expect(first).toMatch(/<a [^>]*href="\/ar\/archive\?page=2"[^>]*>الأقدم<\/a>/);
    const second = await site.get('/ar/archive?page=2');
    expect(second.status).toBe(200);
    const html = await second.text();
    expect(headlinesOf(html)).toEqual(arabic.slice(20));
    expect(html).toMatch(/<a [^>]*href="\/ar\/archive(\?page=1)?"[^>]*>الأحدث<\/a>/);
  });

  it('answers a page number that is not a whole number from 1 with 400, in the page’s language', async () => {
    for (const bad of ['abc', '0', '-1', '1.5']) {
      for (const base of ['/archive', '/politics/']) {
        const res = await site.get(`${base}?page=${bad}`);
        expect(res.status, `${base}?page=${bad}`).toBe(400);
        const html = await res.text();
        expect(html).toContain('That page number is not valid.');
      }
      for (const base of ['/ar/archive', '/ar/politics/']) {
        const res = await site.get(`${base}?page=${bad}`);
        expect(res.status, `${base}?page=${bad}`).toBe(400);
        const html = await res.text();
        expect(html).toContain('<html lang="ar" dir="rtl">');
        expect(html).toContain('رقم الصفحة غير صالح. أرقام الصفحات أعداد صحيحة تبدأ من 1.');
      }
    }
  });

  it('answers a page past the end with 404', async () => {
    for (const path of ['/archive?page=99', '/archive?page=3', '/politics/?page=99', '/tag/oil?page=2', '/author/layla-haddad?page=99']) {
      const res = await site.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain('We could not find that page.');
    }
    const ar = await site.get('/ar/archive?page=99');
    expect(ar.status).toBe(404);
    expect(await ar.text()).toContain('لم نعثر على هذه الصفحة.');
  });

  it('keeps a story published after page 1 was first seen at the top of page 1', async () => {
    await site.get('/archive');
    await publishedArticle(site, { headline: 'Archive breaking story', publishedAt: site.clock.now() });
    const html = await (await site.get('/archive')).text();
    expect(headlinesOf(html)[0]).toBe('Archive breaking story');
    expect(headlinesOf(html)).toHaveLength(20);
    // Everything moved down one: page 2 now holds six.
    expect(headlinesOf(await (await site.get('/archive?page=2')).text())).toEqual(english.slice(19));
  });
});

// Listing pages read their own published stories; publishing sets the time readers see.
describe('publication time order', () => {
  it('orders by the time a story was published, not when it was written', async () => {
    const site = await createTestSite();
    await seedNewsroom(site);
    const now = site.clock.now().getTime();
    const early = await createArticle(site.deps, { language: 'en', headline: 'Written first, published last', sectionSlug: 'economy', body: documentFromBlocks([{ type: 'p', text: 'a' }]) });
    const late = await createArticle(site.deps, { language: 'en', headline: 'Written last, published first', sectionSlug: 'economy', body: documentFromBlocks([{ type: 'p', text: 'b' }]) });
    await publishArticle(site.deps, late.id, new Date(now - 2 * HOUR));
    await publishArticle(site.deps, early.id, new Date(now - HOUR));
    expect(headlinesOf(await (await site.get('/economy/')).text())).toEqual(['Written first, published last', 'Written last, published first']);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { documentFromBlocks } from '../../editor/index.js';
import { createArticle } from '../articles/index.js';

const HOUR = 3_600_000;

/** The stories a reader sees in a part of the page, top to bottom: [href, headline]. */
function storyLinks(html: string): { href: string; headline: string }[] {
  return [...html.matchAll(/class="story__headline"[^>]*>\s*<a [^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ href: m[1]!, headline: m[2]! }));
}
const headlinesOf = (html: string) => storyLinks(html).map((s) => s.headline);
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const mastheadOf = (html: string) => html.slice(html.indexOf('<header class="masthead"'), html.indexOf('</header>'));

/** The HTML of the <section> whose opening tag matches `open`, up to its closing tag (sections do not nest here). */
function sectionOf(html: string, open: RegExp): string {
  const start = html.search(open);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</section>', start));
}

describe('home page of a site with no stories', () => {
  let site: TestSite;
  beforeAll(async () => {
    // 21:30 UTC on Thursday is already 00:30 on Friday in Riyadh, the site's time zone.
    site = await createTestSite({ now: new Date('2024-04-25T21:30:00.000Z') });
    await seedNewsroom(site);
    await createArticle(site.deps, { language: 'en', headline: 'An unpublished draft', sectionSlug: 'politics', body: documentFromBlocks([{ type: 'p', text: 'x' }]) });
  });

  it('shows the friendly empty message in English', async () => {
    const res = await site.get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('No stories have been published yet.');
    expect(headlinesOf(mainOf(html))).toEqual([]);
    expect(html).not.toContain('An unpublished draft');
  });

  it('shows the friendly empty message in Arabic', async () => {
    const res = await site.get('/ar/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('لم تُنشر أي أخبار بعد.');
  });

  it('dates the masthead by the site’s time zone, not UTC', async () => {
    const en = mastheadOf(await (await site.get('/')).text());
    expect(en).toMatch(/<time datetime="2024-04-26">Friday, Apr 26, 2024<\/time>/);
    expect(en).toContain('Shawwal 17, 1445 AH');
    expect(en).not.toContain('Thursday');
    const ar = mastheadOf(await (await site.get('/ar/')).text());
    expect(ar).toMatch(/<time datetime="2024-04-26">الجمعة، 26 أبريل 2024<\/time>/);
    expect(ar).toContain('17 شوال 1445 هـ');
  });
});

describe('home page with stories', () => {
  let site: TestSite;
  const english: { headline: string; section: 'politics' | 'economy' }[] = []; // newest first
  const arabic: { headline: string; section: 'politics' | 'economy' }[] = [];

  beforeAll(async () => {
    site = await createTestSite();
    await seedNewsroom(site);
    const now = site.clock.now().getTime();
    for (let i = 0; i < 20; i++) {
      const section = i % 3 === 2 ? 'economy' : 'politics';
      const headline = `Home story ${String(i).padStart(2, '0')} in ${section}`;
      await publishedArticle(site, { headline, sectionSlug: section, publishedAt: new Date(now - (i + 1) * HOUR) });
      english.push({ headline, section });
    }
    for (let i = 0; i < 16; i++) {
      const section = i % 3 === 2 ? 'economy' : 'politics';
      const headline = `خبر الصفحة الرئيسية رقم ${i} في ${section === 'economy' ? 'الاقتصاد' : 'السياسة'}`;
      await publishedArticle(site, { language: 'ar', headline, sectionSlug: section, publishedAt: new Date(now - (i + 1) * HOUR - 60_000) });
      arabic.push({ headline, section });
    }
    await createArticle(site.deps, { language: 'en', headline: 'Home draft that must not show', sectionSlug: 'politics', body: documentFromBlocks([{ type: 'p', text: 'x' }]) });
  });

  for (const lang of ['en', 'ar'] as const) {
    const home = lang === 'ar' ? '/ar/' : '/';
    const p = lang === 'ar' ? '/ar' : '';
    const words =
      lang === 'ar'
        ? { latest: 'آخر الأخبار', more: 'مزيد من العناوين', all: 'كل الأخبار', politics: 'سياسة', economy: 'اقتصاد', moreIn: 'المزيد في سياسة' }
        : { latest: 'Latest', more: 'More headlines', all: 'All stories', politics: 'Politics', economy: 'Economy', moreIn: 'More in Politics' };
    const stories = () => (lang === 'ar' ? arabic : english);

    it(`${home}: the newest story leads, then the Latest block with the next six`, async () => {
      const res = await site.get(home);
      expect(res.status).toBe(200);
      const html = await res.text();
      const lead = sectionOf(html, /<section class="home__lead"/);
      expect(headlinesOf(lead)).toEqual([stories()[0]!.headline]);
      expect(lead).toContain('story--lead');
      const latest = sectionOf(html, /<section class="home__latest"/);
      expect(latest).toMatch(new RegExp(`<h2[^>]*>${words.latest}</h2>`));
      expect(headlinesOf(latest)).toEqual(stories().slice(1, 7).map((s) => s.headline));
    });

    it(`${home}: a block per section, titled with a link to the section and holding only its stories`, async () => {
      const html = await (await site.get(home)).text();
      for (const section of ['politics', 'economy'] as const) {
        const block = sectionOf(html, new RegExp(`<section class="section-block"[^>]*aria-labelledby="block-${section}"`));
        expect(block, `${section} block`).not.toBe('');
        expect(block).toMatch(new RegExp(`<h2[^>]*>\\s*<a href="${p}/${section}/">${words[section]}</a>\\s*</h2>`));
        const inBlock = headlinesOf(block);
        expect(inBlock.length).toBeGreaterThan(0);
        const ofSection = new Set(stories().filter((s) => s.section === section).map((s) => s.headline));
        for (const h of inBlock) expect(ofSection.has(h), `${h} belongs in ${section}`).toBe(true);
      }
      expect(html).toMatch(new RegExp(`<a [^>]*href="${p}/politics/"[^>]*>${words.moreIn}</a>`));
    });

    it(`${home}: the "More headlines" list and a link to the archive`, async () => {
      const html = await (await site.get(home)).text();
      const more = sectionOf(html, /<section class="headline-list"/);
      expect(more).toMatch(new RegExp(`<h2[^>]*>${words.more}</h2>`));
      const listed = headlinesOf(more);
      expect(listed.length).toBeGreaterThan(0);
      // Newest first, like every list on the site.
      const order = stories().map((s) => s.headline);
      expect([...listed].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(listed);
      expect(more).toMatch(new RegExp(`<a [^>]*href="${p}/archive"[^>]*>${words.all}</a>`));
    });

    it(`${home}: shows every story of its language exactly once, and nothing else`, async () => {
      const main = mainOf(await (await site.get(home)).text());
      const shown = headlinesOf(main);
      expect([...shown].sort()).toEqual(stories().map((s) => s.headline).sort());
      const other = lang === 'ar' ? english : arabic;
      for (const s of other) expect(main).not.toContain(s.headline);
      expect(main).not.toContain('Home draft that must not show');
      for (const link of storyLinks(main)) expect(link.href.startsWith(lang === 'ar' ? '/ar/' : '/'), link.href).toBe(true);
      if (lang === 'en') for (const link of storyLinks(main)) expect(link.href.startsWith('/ar/'), link.href).toBe(false);
    });
  }

  it('answers /ar with 301 to /ar/', async () => {
    const res = await site.get('/ar');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/ar/');
  });

  it('shows the English masthead: name, Arabic motto, today in both calendars, sections, language switch, search', async () => {
    const html = await (await site.get('/')).text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    const m = mastheadOf(html);
    expect(m).toMatch(/<a class="masthead__name" href="\/">Arab Press<\/a>/);
    expect(m).toMatch(/<[a-z]+ [^>]*lang="ar" dir="rtl"[^>]*>بالشعب و للشعب<\//);
    expect(m).toMatch(/<time datetime="2024-04-26">Friday, Apr 26, 2024<\/time>/);
    expect(m).toContain('Shawwal 17, 1445 AH');
    expect(m).toMatch(/<nav [^>]*class="section-nav"|<nav class="section-nav"/);
    expect(m).toMatch(/<a href="\/politics\/"[^>]*>Politics<\/a>/);
    expect(m).toMatch(/<a href="\/economy\/"[^>]*>Economy<\/a>/);
    expect(m).toMatch(/<a href="\/" aria-current="page">Home<\/a>/);
    expect(m).toMatch(/<a class="lang-switch" href="\/ar\/" hreflang="ar" lang="ar"[^>]*>العربية<\/a>/);
    expect(m).toMatch(/<form [^>]*role="search" action="\/search" method="get"[^>]*>/);
    expect(m).toMatch(/<input [^>]*name="q"/);
    expect(html).toContain('<link rel="alternate" hreflang="ar" href="http://localhost/ar/"/>');
  });

  it('shows the Arabic masthead: Arabic name, motto, Arabic date, Arabic sections, switch to English, Arabic search', async () => {
    const html = await (await site.get('/ar/')).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    const m = mastheadOf(html);
    expect(m).toMatch(/<a class="masthead__name" href="\/ar\/">عرب برس<\/a>/);
    expect(m).toMatch(/<[a-z]+ [^>]*lang="ar" dir="rtl"[^>]*>بالشعب و للشعب<\//);
    expect(m).toMatch(/<time datetime="2024-04-26">الجمعة، 26 أبريل 2024<\/time>/);
    expect(m).toContain('17 شوال 1445 هـ');
    expect(m).toMatch(/<a href="\/ar\/politics\/"[^>]*>سياسة<\/a>/);
    expect(m).toMatch(/<a href="\/ar\/economy\/"[^>]*>اقتصاد<\/a>/);
    expect(m).toMatch(/<a href="\/ar\/" aria-current="page">الرئيسية<\/a>/);
    expect(m).toMatch(/<a class="lang-switch" href="\/" hreflang="en" lang="en"[^>]*>English<\/a>/);
    expect(m).toMatch(/<form [^>]*role="search" action="\/ar\/search" method="get"[^>]*>/);
    expect(m).not.toContain('>Politics<');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="http://localhost/"/>');
  });

  it('puts a story published after the home page was first seen at the top', async () => {
    await site.get('/');
    await site.get('/ar/');
    await publishedArticle(site, { headline: 'Breaking home story', sectionSlug: 'economy', publishedAt: site.clock.now() });
    const html = await (await site.get('/')).text();
    expect(headlinesOf(sectionOf(html, /<section class="home__lead"/))).toEqual(['Breaking home story']);
    // The former lead moves into Latest.
    expect(headlinesOf(sectionOf(html, /<section class="home__latest"/))[0]).toBe(english[0]!.headline);
    expect(await (await site.get('/ar/')).text()).not.toContain('Breaking home story');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { articlePath } from '../articles/index.js';
import { arabicArticles } from './content/articles.ar.js';
import { englishArticles } from './content/articles.en.js';
import { seedDemoIfEmpty, type DemoDeps } from './index.js';

const SECTIONS = ['politics', 'economy', 'technology', 'defense', 'tourism', 'world'];
const DAY = 86_400_000;

let site: TestSite;
let deps: DemoDeps;
let firstRun: boolean;
type Row = Awaited<ReturnType<typeof loadArticles>>[number];
let rows: Row[];

function loadArticles() {
  return site.deps.db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.featured_media_id')
    .select([
      'a.id',
      'a.language',
      'a.slug',
      'a.status',
      'a.headline',
      'a.translation_group_id',
      'a.published_at',
      'a.featured_alt',
      'a.featured_caption',
      's.slug as section_slug',
      'm.file_name',
      'm.content_type',
    ])
    .execute();
}
const pathOf = (r: Row) => articlePath(r.language, r.section_slug, r.slug);

beforeAll(async () => {
  site = await createTestSite();
  deps = { ...site.deps, log: { info() {} } };
  firstRun = await seedDemoIfEmpty(deps);
  rows = await loadArticles();
}, 120_000);

describe('demo content on first start', () => {
  it('fills an empty site: at least 60 English and 15 Arabic published stories', () => {
    expect(firstRun).toBe(true);
    const published = rows.filter((r) => r.status === 'published');
    expect(published).toHaveLength(rows.length);
    expect(published.filter((r) => r.language === 'en').length).toBeGreaterThanOrEqual(60);
    expect(published.filter((r) => r.language === 'ar').length).toBeGreaterThanOrEqual(15);
  });

  it('fills all six sections with at least 9 English stories each, and shows them on the section pages', async () => {
    for (const section of SECTIONS) {
      const count = rows.filter((r) => r.language === 'en' && r.section_slug === section).length;
      expect(count, section).toBeGreaterThanOrEqual(9);
    }
    const home = await (await site.get('/')).text();
    for (const section of SECTIONS) {
      expect(home, section).toMatch(new RegExp(`<a href="/${section}/"`));
      const page = await site.get(`/${section}/`);
      expect(page.status, section).toBe(200);
      expect((await page.text()).match(/class="story__headline"/g)?.length ?? 0, section).toBeGreaterThanOrEqual(9);
    }
  });

  it('links every Arabic translation to its English original, both ways, with hreflang', async () => {
    const translated = arabicArticles.filter((a) => a.translationKey);
    expect(translated.length).toBeGreaterThan(0);
    for (const arDemo of translated) {
      const enDemo = englishArticles.find((e) => e.key === arDemo.translationKey);
      expect(enDemo, `${arDemo.key} translates ${arDemo.translationKey}, which must be an English demo story`).toBeDefined();
      const ar = rows.find((r) => r.language === 'ar' && r.headline === arDemo.headline)!;
      const en = rows.find((r) => r.language === 'en' && r.headline === enDemo!.headline)!;
      expect(ar.translation_group_id, arDemo.key).toBe(en.translation_group_id);

      const enRes = await site.get(pathOf(en));
      expect(enRes.status, pathOf(en)).toBe(200);
      const enHtml = await enRes.text();
      expect(enHtml, arDemo.key).toContain(`<link rel="alternate" hreflang="ar" href="http://localhost${pathOf(ar)}"/>`);
      expect(enHtml, arDemo.key).toContain(`href="${pathOf(ar)}" hreflang="ar"`);
      const arRes = await site.get(pathOf(ar));
      expect(arRes.status, pathOf(ar)).toBe(200);
      expect(await arRes.text(), arDemo.key).toContain(`<link rel="alternate" hreflang="en" href="http://localhost${pathOf(en)}"/>`);
    }
    // Arabic stories without a translationKey stand alone: no group shared with an English story.
    const englishGroups = new Set(rows.filter((r) => r.language === 'en').map((r) => r.translation_group_id));
    for (const arDemo of arabicArticles.filter((a) => !a.translationKey)) {
      const ar = rows.find((r) => r.language === 'ar' && r.headline === arDemo.headline)!;
      expect(englishGroups.has(ar.translation_group_id), arDemo.key).toBe(false);
    }
  });

  it('never dates a translation before the English story it translates', () => {
    // A reader switching language sees the same story; it cannot have come out weeks earlier in Arabic.
    const early: string[] = [];
    for (const arDemo of arabicArticles.filter((a) => a.translationKey)) {
      const enDemo = englishArticles.find((e) => e.key === arDemo.translationKey)!;
      const ar = rows.find((r) => r.language === 'ar' && r.headline === arDemo.headline)!;
      const en = rows.find((r) => r.language === 'en' && r.headline === enDemo.headline)!;
      if (new Date(ar.published_at!) < new Date(en.published_at!)) early.push(`${arDemo.key}: ${ar.published_at} < ${en.published_at}`);
    }
    expect(early).toEqual([]);
  });

  it('gives every story a featured SVG image with alt text, served from /media/', async () => {
    for (const r of rows) {
      expect(r.file_name, r.slug).toBeTruthy();
      expect(r.content_type, r.slug).toBe('image/svg+xml');
      expect(r.featured_alt.trim(), r.slug).not.toBe('');
    }
    for (const file of new Set(rows.map((r) => r.file_name!))) {
      const res = await site.get(`/media/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toBe('image/svg+xml');
      expect((await res.text()).startsWith('<svg'), file).toBe(true);
    }
    // The article page shows it.
    const first = rows.find((r) => r.language === 'en')!;
    expect(await (await site.get(pathOf(first))).text()).toContain(`src="/media/${first.file_name}"`);
  });

  it('gives every story at least one byline and one topic', async () => {
    const bylines = await site.deps.db.selectFrom('article_bylines').select(['article_id']).execute();
    const tags = await site.deps.db.selectFrom('article_tags').select(['article_id']).execute();
    const withByline = new Set(bylines.map((b) => b.article_id));
    const withTag = new Set(tags.map((t) => t.article_id));
    for (const r of rows) {
      expect(withByline.has(r.id), `${r.language} ${r.slug} has a byline`).toBe(true);
      expect(withTag.has(r.id), `${r.language} ${r.slug} has a topic`).toBe(true);
    }
    // Staff bylines lead to author pages with stories on them.
    const author = await site.get('/author/layla-haddad');
    expect(author.status).toBe(200);
    expect(await author.text()).toMatch(/class="story__headline"/);
  });

  it('dates stories over at least three weeks, none in the future', () => {
    const now = site.clock.now().getTime();
    const times = rows.map((r) => new Date(r.published_at!).getTime());
    for (const [i, t] of times.entries()) expect(t, rows[i]!.slug).toBeLessThanOrEqual(now);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(21 * DAY);
    // A front page with today's news: something published within the last day.
    expect(now - Math.max(...times)).toBeLessThan(DAY);
  });

  it('gives every story its own address in its language', () => {
    for (const lang of ['en', 'ar'] as const) {
      const slugs = rows.filter((r) => r.language === lang).map((r) => r.slug);
      expect(new Set(slugs).size, lang).toBe(slugs.length);
    }
  });

  it('changes nothing when run a second time', async () => {
    const before = await loadArticles();
    const sections = await site.deps.db.selectFrom('sections').select('id').execute();
    const media = await site.deps.db.selectFrom('media').select('id').execute();
    expect(await seedDemoIfEmpty(deps)).toBe(false);
    expect(await loadArticles()).toEqual(before);
    expect(await site.deps.db.selectFrom('sections').select('id').execute()).toHaveLength(sections.length);
    expect(await site.deps.db.selectFrom('media').select('id').execute()).toHaveLength(media.length);
  });
});

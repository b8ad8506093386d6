import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentFromBlocks, type SimpleBlock } from '../src/editor/index.js';
import { createArticle, publishArticle } from '../src/features/articles/index.js';
import { fixturePath } from './fixtures.js';
import { publishedArticle, seedNewsroom } from './factories.js';
import { createTestSite, type TestSite } from './kit.js';

/** The real Arab Press page this platform was designed from, loaded the way the newsroom would. */
interface SeedPage {
  site: { name: string; motto: string; date_shown: string };
  article: { title: string; section: string; standfirst: string; body: { type: 'p' | 'h2'; text: string }[] };
}

const file = fixturePath('seed', 'arab-press-page.json');

describe.skipIf(!file)('the seed page', () => {
  let site: TestSite;
  let seed: SeedPage;
  let path: string;

  beforeAll(async () => {
    seed = JSON.parse(readFileSync(file!, 'utf8')) as SeedPage;
    // The seed page shows "Friday, Apr 26, 2024": read it on that day, in the site's time zone.
    site = await createTestSite({ now: new Date('2024-04-26T09:00:00Z') });
    await seedNewsroom(site);
    await publishedArticle(site, { headline: 'Taliban and Washington hold talks in Doha', sectionSlug: 'politics' });
    const blocks: SimpleBlock[] = seed.article.body.map((b) => ({ type: b.type, text: b.text }));
    const { id, slug } = await createArticle(site.deps, {
      language: 'en',
      headline: seed.article.title,
      standfirst: seed.article.standfirst,
      sectionSlug: seed.article.section.toLowerCase(),
      body: documentFromBlocks(blocks),
      bylines: [{ name: 'Arab Press Wire' }],
    });
    await publishArticle(site.deps, id);
    path = `/politics/${slug}`;
  });

  it('shows masthead, headline, standfirst once, the three subheadings, the signup and Related Articles, in that order', async () => {
    const res = await site.get(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    const at = (needle: string | RegExp) => {
      const i = typeof needle === 'string' ? html.indexOf(needle) : html.search(needle);
      expect(i, `page shows ${String(needle)}`).toBeGreaterThan(-1);
      return i;
    };
    const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
    const order = [
      at(`<a class="masthead__name" href="/">${seed.site.name}</a>`),
      at(new RegExp(`<p class="masthead__motto" lang="ar" dir="rtl">${seed.site.motto}</p>`)),
      at(`>${seed.site.date_shown}</time>`),
      at(`<h1 class="article__headline">${escape(seed.article.title)}</h1>`),
      at(`<p class="article__standfirst">${escape(seed.article.standfirst)}</p>`),
      ...seed.article.body.filter((b) => b.type === 'h2').map((h) => at(new RegExp(`<h2[^>]*>${escape(h.text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h2>`))),
      at('<section class="newsletter"'),
      at('>Related Articles</h2>'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The standfirst is also paragraph five of the body on the real page; on ours it is shown once above it.
    const main = html.slice(html.indexOf('<main'));
    expect(main.split(escape(seed.article.standfirst)).length - 1).toBe(1);
    expect(main.match(/<h2 dir="auto">/g)?.length).toBe(3);
    const paragraphs = main.slice(main.indexOf('article__body'), main.indexOf('<section class="newsletter"')).match(/<p dir="auto">/g) ?? [];
    expect(paragraphs.length).toBe(seed.article.body.filter((b) => b.type === 'p').length - 1);
    expect(html).toContain('<title>Once Enemies, US And Taliban Find Common Ground Against ISIS | Arab Press</title>');
  });
});

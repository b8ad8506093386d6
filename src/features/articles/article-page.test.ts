import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { addCorrection, updateArticle } from './index.js';
import { documentFromBlocks } from '../../editor/index.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
});

describe('article page', () => {
  it('shows headline, standfirst once, bylines linking to author pages, times and tags', async () => {
    const a = await publishedArticle(site, {
      headline: 'Gulf ministers agree on a rail link',
      standfirst: 'The agreement ends years of talks.',
      bylines: [{ personSlug: 'layla-haddad' }, { name: 'Reuters' }],
      tagSlugs: ['trade', 'oil'],
      blocks: [
        { type: 'p', text: 'The agreement ends years of talks.' },
        { type: 'p', text: 'Ministers met in Riyadh.' },
        { type: 'h2', text: 'What comes next' },
        { type: 'quote', text: 'It is a historic day.', cite: 'A minister' },
      ],
    });
    const res = await site.get(`/politics/${a.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 class="article__headline">Gulf ministers agree on a rail link</h1>');
    const main = html.slice(html.indexOf('<main'));
    expect(main.split('The agreement ends years of talks.').length - 1).toBe(1);
    expect(main).toContain('<p class="article__standfirst">The agreement ends years of talks.</p>');
    expect(html).toMatch(/<a rel="author" href="\/author\/layla-haddad">Layla Haddad<\/a>/);
    expect(html).toContain('Reuters');
    expect(html).toMatch(/<h2[^>]*>What comes next<\/h2>/);
    expect(html).toMatch(/<blockquote[^>]*>[\s\S]*It is a historic day\.[\s\S]*<cite>A minister<\/cite>/);
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">/);
    expect(html).toContain('href="/tag/trade"');
    expect(html).not.toContain('class="corrections"');
  });

  it('answers a changed slug and a wrong section with 301 to the current address', async () => {
    const a = await publishedArticle(site, { headline: 'Old headline for a moving story', tagSlugs: ['gaza'] });
    await updateArticle(site.deps, a.id, {
      language: 'en',
      headline: 'New headline',
      slug: 'new-headline',
      standfirst: 's',
      sectionSlug: 'economy',
      body: documentFromBlocks([{ type: 'p', text: 'x' }]),
    });
    const old = await site.get(`/politics/${a.slug}`);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('/economy/new-headline');
    const wrongSection = await site.get('/politics/new-headline');
    expect(wrongSection.status).toBe(301);
    expect(wrongSection.headers.get('location')).toBe('/economy/new-headline');
    expect((await site.get('/economy/new-headline')).status).toBe(200);
  });

  it('links an English article and its Arabic translation both ways with hreflang', async () => {
    const en = await publishedArticle(site, { headline: 'Ceasefire vote fails at the UN' });
    const ar = await publishedArticle(site, { language: 'ar', headline: 'فشل التصويت على وقف إطلاق النار', translationOf: en.id, bylines: [] });
    expect(ar.slug).toBe('فشل-التصويت-على-وقف-إطلاق-النار');
    const arPath = `/ar/politics/${encodeURIComponent(ar.slug)}`;
    const enHtml = await (await site.get(`/politics/${en.slug}`)).text();
    expect(enHtml).toContain(`<link rel="alternate" hreflang="ar" href="http://localhost${arPath}"/>`);
    expect(enHtml).toContain(`href="${arPath}" hreflang="ar" lang="ar"`);
    const arRes = await site.get(arPath);
    expect(arRes.status).toBe(200);
    const arHtml = await arRes.text();
    expect(arHtml).toContain('<html lang="ar" dir="rtl">');
    expect(arHtml).toContain(`<link rel="alternate" hreflang="en" href="http://localhost/politics/${en.slug}"/>`);
    // The link names the other version in its own language, marked as such for screen readers.
    expect(arHtml).toContain(`<a href="/politics/${en.slug}" hreflang="en" lang="en">Read this article in English</a>`);
  });

  it('shows corrections with their date and moves the updated time', async () => {
    const a = await publishedArticle(site, { headline: 'A story that needed a correction' });
    site.clock.advance(3_600_000);
    await addCorrection(site.deps, a.id, { note: 'An earlier version misspelled the minister’s name.' });
    const html = await (await site.get(`/politics/${a.slug}`)).text();
    expect(html).toContain('class="corrections"');
    expect(html).toContain('An earlier version misspelled the minister’s name.');
    expect(html).toContain('Updated <time');
  });

  it('gives a 404 page in the reader’s language', async () => {
    const en = await site.get('/politics/no-such-story');
    expect(en.status).toBe(404);
    expect(await en.text()).toContain('We could not find that page.');
    const ar = await site.get('/ar/politics/no-such-story');
    expect(ar.status).toBe(404);
    const arHtml = await ar.text();
    expect(arHtml).toContain('<html lang="ar" dir="rtl">');
    expect(arHtml).toContain('لم نعثر على هذه الصفحة.');
  });
});

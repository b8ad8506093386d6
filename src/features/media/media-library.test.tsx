import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedNewsroom } from '../../../tests/factories.js';
import { alertIn, noticeIn, type SignedIn } from '../../../tests/staff-kit.js';
import { documentFromBlocks } from '../../editor/index.js';
import { createArticle } from '../articles/index.js';
import { createPerson } from '../people/index.js';
import { adminAr } from '../../platform/i18n/admin.ar.js';
import { adminEn } from '../../platform/i18n/admin.en.js';
import { cropBox, mediaUrl, parseVariants } from './media.js';
import { createMediaTestSite, halvesPng, runJobs, signInToMedia, testImage, uploadOk, uploadReady, type MediaTestSite } from './media-test-kit.js';
import { findMediaImage, MEDIA_PAGE_SIZE, storeImage } from './media.service.js';
import { ResponsiveImage } from './views/responsive-image.js';

let t: MediaTestSite;
let me: SignedIn;
let editor: SignedIn;
beforeAll(async () => {
  t = await createMediaTestSite();
  await seedNewsroom(t.site);
  me = await signInToMedia(t, 'contributor');
  editor = await signInToMedia(t, 'editor');
});

const row = (id: string) => t.site.deps.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const dir = () => t.site.deps.mediaDir;

async function describeImage(id: string, fields: Record<string, string>): Promise<void> {
  const res = await me.browser.post(`/admin/media/${id}`, { _csrf: me.csrf, captionEn: '', captionAr: '', credit: '', altEn: '', altAr: '', ...fields });
  expect(res.status, alertIn(await res.clone().text())).toBe(303);
  expect(res.headers.get('Location')).toBe(`/admin/media/${id}?saved=1`);
}

/** Ids of the images the library page links to, in order. */
async function libraryIds(query: string, as: SignedIn = me): Promise<string[]> {
  const res = await as.browser.get(`/admin/media${query}`);
  expect(res.status).toBe(200);
  return [...(await res.text()).matchAll(/<a href="\/admin\/media\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
}

describe('describing and finding images', () => {
  let market: string;
  let port: string;
  beforeAll(async () => {
    market = await uploadOk(t, me, await testImage(320, 200, 'jpeg'), 'IMG_2041.jpg');
    port = await uploadOk(t, me, await testImage(330, 200, 'png'), 'port.png');
    await describeImage(market, {
      captionEn: 'Shoppers at the old souk in Aleppo',
      captionAr: 'متسوقون في السوق القديمة بحلب',
      credit: 'Reuters/Omar Sanadiki',
      altEn: 'Crowded market alley under stone arches',
      altAr: 'زقاق سوق مزدحم تحت أقواس حجرية',
    });
    await describeImage(port, {
      captionEn: 'Containers stacked at Jeddah port',
      captionAr: 'حاويات مكدسة في ميناء جدة الإسلامي',
      credit: 'أحمد يوسف / عرب برس',
      altEn: 'Cranes over rows of shipping containers',
      altAr: 'رافعات فوق صفوف من حاويات الشحن',
    });
  });

  it('saves caption, credit and alt text in both languages and shows them on the details page', async () => {
    const res = await me.browser.get(`/admin/media/${market}?saved=1`);
    const html = await res.text();
    expect(noticeIn(html)).toBe('Details saved.');
    expect(html).toContain('Shoppers at the old souk in Aleppo');
    expect(html).toContain('متسوقون في السوق القديمة بحلب');
    expect(html).toContain('IMG_2041.jpg');
    // The id to paste into an article's "Image id" field, and what to do with it.
    expect(html).toContain(`<input id="media-id" value="${market}" readonly=""`);
    expect(html).toContain('paste this id into the article’s “Image id” field');
    const r = await row(market);
    expect([r.caption_en, r.caption_ar, r.credit, r.alt_en, r.alt_ar]).toEqual([
      'Shoppers at the old souk in Aleppo',
      'متسوقون في السوق القديمة بحلب',
      'Reuters/Omar Sanadiki',
      'Crowded market alley under stone arches',
      'زقاق سوق مزدحم تحت أقواس حجرية',
    ]);
  });

  it.each([
    ['English caption', 'souk aleppo', 'market'],
    ['English alt text, any case', 'SHIPPING containers', 'port'],
    ['credit', 'reuters', 'market'],
    ['Arabic caption', 'ميناء جدة', 'port'],
    ['Arabic alt text', 'أقواس حجرية', 'market'],
    ['Arabic credit', 'أحمد', 'port'],
    ['Arabic without hamza, as people type it', 'احمد يوسف', 'port'],
    ['Arabic with vowel marks', 'حَاوِيَات', 'port'],
    ['original file name', 'img 2041', 'market'],
  ])('finds an image by its %s', async (_what, q, expected) => {
    const ids = await libraryIds(`?q=${encodeURIComponent(q)}`);
    expect(ids).toEqual([expected === 'market' ? market : port]);
  });

  it('shows nothing, and says so, for a search that matches nothing', async () => {
    for (const q of ['camels', 'souk camels', 'ميناء الإبل']) {
      const res = await me.browser.get(`/admin/media?q=${encodeURIComponent(q)}`);
      const html = await res.text();
      expect(html).toContain('No image matches this search.');
      expect([...html.matchAll(/<a href="\/admin\/media\/[0-9a-f-]{36}"/g)]).toHaveLength(0);
    }
  });

  it('searches in Arabic for an Arabic-speaking account, with the page in Arabic', async () => {
    const arabic = await signInToMedia(t, 'contributor', 'ar');
    const res = await arabic.browser.get(`/admin/media?q=${encodeURIComponent('السوق القديمة')}`);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('مكتبة الوسائط');
    expect(html).toContain('متسوقون في السوق القديمة بحلب');
    expect(await libraryIds(`?q=${encodeURIComponent('السوق القديمة')}`, arabic)).toEqual([market]);
  });

  it('refuses details that are too long, with a message', async () => {
    const res = await me.browser.post(`/admin/media/${market}`, { _csrf: me.csrf, captionEn: 'x'.repeat(501) });
    expect(res.status).toBe(422);
    expect(alertIn(await res.text())).toBe('A field is too long: captions and alt text up to 500 characters, credit up to 200.');
  });
});

describe('the library grid', () => {
  it('pages through the images, newest first, keeping the search', async () => {
    const { db } = t.site.deps;
    const stored: string[] = [];
    for (let i = 0; i < MEDIA_PAGE_SIZE + 3; i++) {
      t.site.clock.advance(1000);
      const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90"><rect width="120" height="90" fill="#${(i * 9).toString(16).padStart(3, '0')}"/></svg>`);
      const m = await storeImage(t.site.deps, { bytes: svg, ext: 'svg', contentType: 'image/svg+xml', width: 120, height: 90 });
      await db.updateTable('media').set({ search_text: `pager item ${i}`, caption_en: `Pager item ${i}` }).where('id', '=', m.id).execute();
      stored.push(m.id);
    }
    const newest = [...stored].reverse();
    expect(await libraryIds('?q=pager')).toEqual(newest.slice(0, MEDIA_PAGE_SIZE));
    const first = await (await me.browser.get('/admin/media?q=pager')).text();
    expect(first).toContain('href="/admin/media?q=pager&amp;page=2"');
    expect(await libraryIds('?q=pager&page=2')).toEqual(newest.slice(MEDIA_PAGE_SIZE));
    // SVG images (no variants) show as themselves, with their size.
    expect(first).toContain(`src="${mediaUrl((await row(newest[0]!)).file_name)}" alt="" width="120" height="90"`);
  });
});

describe('the focal point', () => {
  it('re-crops around the point the editor sets: left edge shows the left half, right edge the right', async () => {
    // 800×400, red left half, blue right half: a square crop is 400×400 and shows one half.
    const id = await uploadReady(t, me, await halvesPng(800, 400, [220, 20, 20], [20, 20, 220]), 'halves.png');
    const squareCrop = async () => {
      const r = await row(id);
      const v = parseVariants(r.variants).filter((x) => x.crop === '1:1' && x.format === 'png').sort((a, b) => b.width - a.width)[0]!;
      expect([v.width, v.height]).toEqual([400, 400]);
      const stats = await sharp(await readFile(path.join(dir(), v.file))).stats();
      return { file: v.file, red: stats.channels[0]!.mean, blue: stats.channels[2]!.mean };
    };
    const centred = await squareCrop();
    expect(Math.abs(centred.red - centred.blue)).toBeLessThan(5); // half of each

    const left = await me.browser.post(`/admin/media/${id}/focal`, { _csrf: me.csrf, x: '0', y: '0.5' });
    expect(left.status).toBe(303);
    expect(left.headers.get('Location')).toBe(`/admin/media/${id}?focal=1`);
    expect(await runJobs(t)).toBe(1);
    const l = await squareCrop();
    expect(l.red).toBeGreaterThan(200);
    expect(l.blue).toBeLessThan(40);
    expect(l.file).not.toBe(centred.file); // a new name, so no cache shows the old crop under it
    expect((await row(id)).focal_x).toBe(0);

    // Clicking the picture (shown 640 wide, 320 high) near its right edge.
    const right = await me.browser.post(`/admin/media/${id}/focal`, { _csrf: me.csrf, w: '640', h: '320', 'at.x': '600', 'at.y': '160', x: '0', y: '0.5' });
    expect(right.status).toBe(303);
    expect(await runJobs(t)).toBe(1);
    const r = await squareCrop();
    expect(r.blue).toBeGreaterThan(200);
    expect(r.red).toBeLessThan(40);
    expect((await row(id)).focal_x).toBe(9375);
    const page = await me.browser.get(`/admin/media/${id}?focal=1`);
    expect(noticeIn(await page.text())).toBe('Focal point set; the crops are being made again.');
  });

  it('places the crop box around the focal point, within the image', () => {
    expect(cropBox(2000, 1500, '16:9', { x: 0.5, y: 0.5 })).toEqual({ left: 0, top: 188, width: 2000, height: 1125 });
    expect(cropBox(2000, 1500, '16:9', { x: 0.5, y: 0 })).toEqual({ left: 0, top: 0, width: 2000, height: 1125 });
    expect(cropBox(2000, 1500, '16:9', { x: 0.5, y: 1 })).toEqual({ left: 0, top: 375, width: 2000, height: 1125 });
    expect(cropBox(2000, 1500, '1:1', { x: 0.9, y: 0.5 })).toEqual({ left: 500, top: 0, width: 1500, height: 1500 });
    expect(cropBox(1000, 2000, '4:3', { x: 0.5, y: 0.25 })).toEqual({ left: 0, top: 125, width: 1000, height: 750 });
  });

  it('refuses a point outside 0..1, and SVG images, with a message', async () => {
    const id = await uploadOk(t, me, await testImage(300, 200, 'jpeg'), 'focal.jpg');
    for (const form of [{ x: '1.5', y: '0.5' }, { x: '', y: '0.5' }, { x: 'left', y: 'top' }]) {
      const res = await me.browser.post(`/admin/media/${id}/focal`, { _csrf: me.csrf, ...form });
      expect(res.status).toBe(422);
      expect(alertIn(await res.text())).toBe('The focal point must be two numbers from 0 to 1.');
    }
    const svg = await storeImage(t.site.deps, { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>'), ext: 'svg', contentType: 'image/svg+xml', width: 4, height: 3 });
    const res = await me.browser.post(`/admin/media/${svg.id}/focal`, { _csrf: me.csrf, x: '0.2', y: '0.2' });
    expect(res.status).toBe(422);
    expect(alertIn(await res.text())).toBe('This image is a drawing (SVG) with no crops, so it has no focal point.');
  });
});

describe('deleting', () => {
  const article = (headline: string, extra: { featured?: string; bodyImage?: string } = {}) =>
    createArticle(t.site.deps, {
      language: 'en',
      headline,
      standfirst: '',
      sectionSlug: 'politics',
      body: documentFromBlocks([
        { type: 'p', text: 'A paragraph.' },
        ...(extra.bodyImage ? [{ type: 'image' as const, src: extra.bodyImage, alt: 'In the body', width: 640, height: 400 }] : []),
      ]),
      featuredImage: extra.featured ? { mediaId: extra.featured, caption: '', credit: '', alt: '' } : null,
    });

  it('refuses while an article shows the image as its featured image, listing the article', async () => {
    const id = await uploadOk(t, me, await testImage(400, 300, 'jpeg'), 'featured.jpg');
    const { id: articleId } = await article('Ministers meet in Riyadh over water', { featured: id });
    const res = await editor.browser.post(`/admin/media/${id}/delete`, { _csrf: editor.csrf });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(alertIn(html)).toBe('This image is in use and was not deleted. Remove it from these first:');
    expect(html).toContain(`<a href="/admin/articles/${articleId}/edit" lang="en" dir="auto">Ministers meet in Riyadh over water</a>`);
    expect(await row(id)).toBeDefined();
  });

  it('refuses while an article body shows one of its sizes, and while it is a person’s photo', async () => {
    const id = await uploadReady(t, me, await testImage(700, 400, 'jpeg'), 'body.jpg');
    const v = parseVariants((await row(id)).variants).find((x) => x.crop === 'original' && x.width === 640 && x.format === 'webp')!;
    const { id: articleId } = await article('صور من الميناء', { bodyImage: mediaUrl(v.file) });
    const res = await editor.browser.post(`/admin/media/${id}/delete`, { _csrf: editor.csrf });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(`<a href="/admin/articles/${articleId}/edit" lang="en" dir="auto">صور من الميناء</a>`);

    const portrait = await uploadOk(t, me, await testImage(300, 300, 'jpeg'), 'portrait.jpg');
    await createPerson(t.site.deps.db, { slug: 'sara-ali', name: { en: 'Sara Ali', ar: 'سارة علي' }, photoMediaId: portrait }, t.site.clock.now());
    const photo = await editor.browser.post(`/admin/media/${portrait}/delete`, { _csrf: editor.csrf });
    expect(photo.status).toBe(409);
    expect(await photo.text()).toContain('Photo of Sara Ali');
  });

  it('deletes an unused image: row, master, variants and old crops all gone', async () => {
    const id = await uploadReady(t, me, await testImage(500, 400, 'jpeg'), 'unused.jpg');
    expect((await me.browser.post(`/admin/media/${id}/focal`, { _csrf: me.csrf, x: '0.1', y: '0.1' })).status).toBe(303);
    await runJobs(t);
    const r = await row(id);
    const base = r.file_name.replace(/\.jpg$/, '');
    const before = (await readdir(dir())).filter((f) => f.startsWith(base));
    // Master, whole-image variants, and two sets of crops (centred, then moved).
    expect(before.length).toBeGreaterThan(parseVariants(r.variants).length + 1);

    const contributorTry = await me.browser.post(`/admin/media/${id}/delete`, { _csrf: me.csrf });
    expect(contributorTry.status).toBe(403);

    const res = await editor.browser.post(`/admin/media/${id}/delete`, { _csrf: editor.csrf });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/media?deleted=1');
    expect(noticeIn(await (await editor.browser.get('/admin/media?deleted=1')).text())).toBe('Image deleted.');
    expect(await t.site.deps.db.selectFrom('media').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    expect((await readdir(dir())).filter((f) => f.startsWith(base))).toEqual([]);
    expect((await t.site.get(mediaUrl(r.file_name))).status).toBe(404);
    expect((await me.browser.get(`/admin/media/${id}`)).status).toBe(404);
  });

  it('shows the delete button to editors only', async () => {
    const id = await uploadOk(t, me, await testImage(200, 200, 'png'), 'button.png');
    expect(await (await me.browser.get(`/admin/media/${id}`)).text()).not.toContain(`action="/admin/media/${id}/delete"`);
    expect(await (await editor.browser.get(`/admin/media/${id}`)).text()).toContain(`action="/admin/media/${id}/delete"`);
  });
});

describe('ResponsiveImage on the site', () => {
  it('renders <picture> with AVIF and WebP sources and a sized, lazy <img> fallback', async () => {
    const id = await uploadReady(t, me, await testImage(1500, 1000, 'jpeg'), 'site.jpg');
    const media = (await findMediaImage(t.site.deps.db, id))!;
    const html = (<ResponsiveImage media={media} alt="Traders on the floor" sizes="(min-width: 60rem) 40rem, 100vw" />).toString();
    const base = media.fileName.replace(/\.jpg$/, '');
    const set = (ext: string) => [320, 640, 960, 1280, 1500].map((w) => `/media/${base}-${w}.${ext} ${w}w`).join(', ');
    expect(html).toBe(
      '<picture>' +
        `<source type="image/avif" srcset="${set('avif')}" sizes="(min-width: 60rem) 40rem, 100vw"/>` +
        `<source type="image/webp" srcset="${set('webp')}" sizes="(min-width: 60rem) 40rem, 100vw"/>` +
        `<img src="/media/${base}-1280.jpg" srcset="${[320, 640, 960, 1280].map((w) => `/media/${base}-${w}.jpg ${w}w`).join(', ')}, /media/${media.fileName} 1500w" ` +
        'sizes="(min-width: 60rem) 40rem, 100vw" alt="Traders on the floor" width="1500" height="1000" loading="lazy" decoding="async"/>' +
        '</picture>',
    );
    for (const url of html.matchAll(/\/media\/[^\s"]+/g)) expect((await t.site.get(url[0])).status, url[0]).toBe(200);
  });

  it('renders a crop at the crop’s own size, eagerly with high priority when told', async () => {
    const id = await uploadReady(t, me, await testImage(1200, 900, 'jpeg'), 'crop.jpg');
    const media = (await findMediaImage(t.site.deps.db, id))!;
    const html = (<ResponsiveImage media={media} alt="" sizes="20rem" crop="16:9" eager class="story__img" />).toString();
    expect(html).toMatch(/^<picture class="story__img"><source type="image\/avif" srcset="[^"]+-16x9-5000x5000-320\.avif 320w, [^"]+ 640w, [^"]+ 960w" sizes="20rem"\/>/);
    expect(html).toContain('alt="" width="960" height="540" loading="eager" decoding="async" fetchpriority="high"/>');
  });

  it('renders an SVG (no variants) as a plain sized <img>', async () => {
    const svg = await storeImage(t.site.deps, { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"/>'), ext: 'svg', contentType: 'image/svg+xml', width: 1200, height: 675 });
    const media = (await findMediaImage(t.site.deps.db, svg.id))!;
    expect((<ResponsiveImage media={media} alt="A map" sizes="100vw" crop="1:1" />).toString()).toBe(
      `<img src="/media/${svg.fileName}" alt="A map" width="1200" height="675" loading="lazy" decoding="async"/>`,
    );
  });
});

describe('the media library’s strings', () => {
  it('exist in English and Arabic, with the same placeholders, the Arabic in Arabic script', () => {
    const keys = (Object.keys(adminEn) as (keyof typeof adminEn)[]).filter((k) => k.startsWith('admin.media.'));
    expect(keys.length).toBeGreaterThan(40);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const k of keys) {
      expect(adminAr[k], k).toMatch(/[\u0600-\u06FF]/);
      expect(placeholders(adminAr[k]), k).toEqual(placeholders(adminEn[k]));
    }
  });
});

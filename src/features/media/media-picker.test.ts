import { beforeAll, describe, expect, it } from 'vitest';
import { seedNewsroom } from '../../../tests/factories.js';
import type { SignedIn } from '../../../tests/staff-kit.js';
import { adminAr } from '../../platform/i18n/admin.ar.js';
import { adminEn } from '../../platform/i18n/admin.en.js';
import { createMediaTestSite, runJobs, signInToMedia, testImage, uploadFile, uploadOk, type MediaTestSite } from './media-test-kit.js';
import { MEDIA_PAGE_SIZE } from './media.service.js';
import type { PickerItem } from './picker-item.js';

/** The editor's image picker reads the library as JSON and uploads into it (src/client/media-picker.ts). */

let t: MediaTestSite;
let me: SignedIn;
let arabic: SignedIn;
beforeAll(async () => {
  t = await createMediaTestSite();
  await seedNewsroom(t.site);
  me = await signInToMedia(t, 'contributor');
  arabic = await signInToMedia(t, 'author', 'ar');
});

interface ListAnswer {
  items: PickerItem[];
  page: number;
  pageCount: number;
  total: number;
}

async function list(query = '', as: SignedIn = me): Promise<ListAnswer> {
  const res = await as.browser.get(`/admin/media-picker${query}`, { Accept: 'application/json' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as ListAnswer;
}

const json = { Accept: 'application/json' };

describe('the picker lists the library as JSON', () => {
  let souk: string;
  beforeAll(async () => {
    souk = await uploadOk(t, me, await testImage(640, 400, 'jpeg'), 'souk.jpg');
    const res = await me.browser.post(`/admin/media/${souk}`, {
      _csrf: me.csrf,
      captionEn: 'Shoppers at the old souk in Aleppo',
      captionAr: 'متسوقون في السوق القديمة بحلب',
      credit: 'Reuters',
      altEn: 'A crowded market alley',
      altAr: 'زقاق سوق مزدحم',
    });
    expect(res.status).toBe(303);
    await runJobs(t);
  });

  it('gives each image its address, size, a square thumbnail and its texts in both languages', async () => {
    const answer = await list('?q=aleppo');
    expect(answer.total).toBe(1);
    const [item] = answer.items;
    expect(item).toMatchObject({
      id: souk,
      width: 640,
      height: 400,
      alt: { en: 'A crowded market alley', ar: 'زقاق سوق مزدحم' },
      caption: { en: 'Shoppers at the old souk in Aleppo', ar: 'متسوقون في السوق القديمة بحلب' },
      credit: 'Reuters',
      name: 'souk.jpg',
    });
    expect(item!.src).toMatch(/^\/media\/[\w-]+\.(jpg|jpeg)$/);
    // The thumbnail is the 1:1 crop the variants job made, and the file is served.
    expect(item!.thumb.width).toBe(item!.thumb.height);
    expect(item!.thumb.src).not.toBe(item!.src);
    expect((await t.app.request(item!.thumb.src)).status).toBe(200);
  });

  it('finds images by Arabic words however the letters are written', async () => {
    expect((await list(`?q=${encodeURIComponent('القديمه')}`)).items.map((i) => i.id)).toEqual([souk]);
    expect((await list(`?q=${encodeURIComponent('لا-شيء-هنا')}`)).total).toBe(0);
  });

  it('pages through a large library, newest first', async () => {
    for (let i = 0; i < MEDIA_PAGE_SIZE; i++) await uploadOk(t, me, await testImage(100 + i, 80, 'png'), `filler-${i}.png`);
    const first = await list();
    expect(first.total).toBe(MEDIA_PAGE_SIZE + 1);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(MEDIA_PAGE_SIZE);
    expect(first.items[0]!.name).toBe(`filler-${MEDIA_PAGE_SIZE - 1}.png`);
    const second = await list('?page=2');
    expect(second.page).toBe(2);
    expect(second.items.map((i) => i.id)).toEqual([souk]);
  });

  it('looks up one image by id for the featured-image preview, and says when there is none', async () => {
    const res = await me.browser.get(`/admin/media-picker/${souk}`, json);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { item: PickerItem }).item.id).toBe(souk);
    const missing = await me.browser.get('/admin/media-picker/0190a7c4-0000-7000-8000-000000000000', json);
    expect(missing.status).toBe(404);
  });

  it('is for signed-in staff only', async () => {
    const { Browser } = await import('../../../tests/staff-kit.js');
    const stranger = new Browser({ app: t.app, clock: t.site.clock });
    const res = await stranger.get('/admin/media-picker', json);
    expect([302, 303, 401]).toContain(res.status);
    expect(await res.text()).not.toContain('souk.jpg');
  });
});

describe('the picker uploads and gets the new image back', () => {
  it('answers 201 with the image, ready to insert, and 200 with the same image for the same bytes', async () => {
    const bytes = await testImage(800, 450, 'jpeg');
    const res = await uploadFile(t, me, bytes, 'minister.jpg', 'image/jpeg', json);
    expect(res.status).toBe(201);
    const { item, duplicate } = (await res.json()) as { item: PickerItem; duplicate: boolean };
    expect(duplicate).toBe(false);
    expect(item).toMatchObject({ width: 800, height: 450, name: 'minister.jpg' });
    expect((await t.app.request(item.src)).status).toBe(200);
    const again = await uploadFile(t, me, bytes, 'copy.jpg', 'image/jpeg', json);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { item: PickerItem; duplicate: boolean })).toMatchObject({ duplicate: true, item: { id: item.id } });
  });

  it('refuses a file that is not an image with the reason, in the staff member’s language', async () => {
    const fake = Buffer.from('%PDF-1.4 not a picture at all, only text pretending');
    const res = await uploadFile(t, me, fake, 'photo.jpg', 'image/jpeg', json);
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: adminEn['admin.media.notImage'] });
    const ar = await uploadFile(t, arabic, fake, 'photo.jpg', 'image/jpeg', json);
    expect(ar.status).toBe(415);
    expect(await ar.json()).toEqual({ error: adminAr['admin.media.notImage'] });
  });

  it('says when no file came', async () => {
    const res = await uploadFile(t, me, Buffer.alloc(0), 'empty.jpg', 'image/jpeg', json);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: adminEn['admin.media.noFile'] });
  });
});

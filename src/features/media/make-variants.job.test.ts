import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, beforeAll, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { noticeIn, visibleText, type SignedIn } from '../../../tests/staff-kit.js';
import * as variantsStateMigration from '../../../migrations/2026-12-04-2000-media-variants-state.js';
import { articlePath } from '../articles/index.js';
import { claimDueJobs } from '../../platform/jobs/claim.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import { MEDIA_VARIANTS, writeMissingVariants } from './make-variants.job.js';
import { fileBaseOf, parseVariants } from './media.js';
import { createMediaTestSite, runJobs, signInToMedia, testImage, uploadFile, uploadOk, uploadReady, type MediaTestSite } from './media-test-kit.js';

let t: MediaTestSite;
let me: SignedIn;
let arabic: SignedIn;
beforeAll(async () => {
  t = await createMediaTestSite();
  await seedNewsroom(t.site);
  me = await signInToMedia(t, 'contributor');
  arabic = await signInToMedia(t, 'contributor', 'ar');
});

const PREPARING_EN = 'Preparing sizes…';
const PREPARING_AR = 'جارٍ تجهيز المقاسات…';
const FAILED_EN = 'Sizes could not be made';
const FAILED_AR = 'تعذّر إنشاء المقاسات';

const db = () => t.site.deps.db;
const row = (id: string) => db().selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const dir = () => t.site.deps.mediaDir;
/** Every file of an image on disk (master and variants), and the half-written ones (none, ever). */
const filesOf = async (id: string) => {
  const base = fileBaseOf((await row(id)).file_name);
  const all = await readdir(dir());
  return { files: all.filter((f) => f.startsWith(base)).sort(), temporary: all.filter((f) => f.startsWith(`.${base}`)) };
};
const mtimes = async (files: readonly string[]) => Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await stat(path.join(dir(), f))).mtimeMs] as const)));
const jobsFor = (id: string) => db().selectFrom('jobs').select(['status', 'attempts', 'last_error']).where('name', '=', MEDIA_VARIANTS).where('payload', 'like', `%${id}%`).orderBy('created_at').execute();
const cachedPaths = () => t.site.deps.pageCache.keys().map((k) => new URL(k.split('|')[0]!).pathname);
const page = async (p: string) => {
  const res = await t.site.get(p);
  expect(res.status, p).toBe(200);
  return res.text();
};
/** The `/media/…` URLs a page points at for this image, each once. */
const urlsOfImage = (html: string, fileName: string) => [...new Set([...html.matchAll(new RegExp(`/media/${fileBaseOf(fileName)}[^\\s"]*`, 'g'))].map((m) => m[0]))];

/** A published article in each language whose featured image is `mediaId`; returns their paths. */
async function articlesShowing(mediaId: string, headline: string): Promise<{ en: string; ar: string }> {
  const image = { mediaId, caption: '', credit: '', alt: 'A harbour at dawn' };
  // Published now: the newest stories, so the front and section pages lead with them.
  const publishedAt = t.site.clock.now();
  const en = await publishedArticle(t.site, { headline, sectionSlug: 'economy', featuredImage: image, publishedAt });
  const ar = await publishedArticle(t.site, { language: 'ar', headline: `${headline} بالعربية`, sectionSlug: 'economy', featuredImage: image, publishedAt });
  return { en: articlePath('en', 'economy', en.slug), ar: articlePath('ar', 'economy', ar.slug) };
}

describe('an upload answers before its variants exist', () => {
  it('stores the clean master only, queues the job in the same step, and the library says "Preparing sizes…" in both languages', async () => {
    const id = await uploadOk(t, me, await testImage(1400, 900, 'jpeg'), 'harbour.jpg');
    const r = await row(id);
    expect(r.variants_state).toBe('pending');
    expect(parseVariants(r.variants)).toEqual([]);
    expect((await filesOf(id)).files).toEqual([r.file_name]);
    expect(await jobsFor(id)).toEqual([{ status: 'pending', attempts: 0, last_error: null }]);

    const library = await (await me.browser.get('/admin/media')).text();
    expect(visibleText(library)).toContain(`harbour.jpg ${PREPARING_EN}`);
    const details = await (await me.browser.get(`/admin/media/${id}?uploaded=1`)).text();
    expect(noticeIn(details)).toBe('Image uploaded. Add a caption, credit and alt text below.');
    expect(visibleText(details)).toContain(`${PREPARING_EN} Pages show the original until the smaller sizes and crops are ready.`);
    const ar = await (await arabic.browser.get('/admin/media')).text();
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(visibleText(ar)).toContain(`harbour.jpg ${PREPARING_AR}`);

    // The real worker: its job map, claim and bookkeeping.
    expect(await runJobs(t)).toBe(1);
    const ready = await row(id);
    expect(ready.variants_state).toBe('ready');
    const variants = parseVariants(ready.variants);
    expect(variants.filter((v) => v.crop === 'original' && v.format === 'avif').map((v) => v.width)).toEqual([320, 640, 960, 1280, 1400]);
    expect(variants.filter((v) => v.crop === '16:9' && v.format === 'webp').map((v) => v.width)).toEqual([320, 640, 960]);
    expect((await filesOf(id)).files).toEqual([ready.file_name, ...variants.map((v) => v.file)].sort());
    expect(await jobsFor(id)).toEqual([{ status: 'done', attempts: 1, last_error: null }]);
    expect(visibleText(await (await me.browser.get('/admin/media')).text())).not.toContain(PREPARING_EN);
    expect(visibleText(await (await arabic.browser.get(`/admin/media/${id}`)).text())).not.toContain(PREPARING_AR);
  });
});

describe('pages showing the image', () => {
  it('show the master alone until the job is done, then the srcset: the cached pages are dropped when it finishes', async () => {
    const id = await uploadOk(t, me, await testImage(1600, 1000, 'jpeg'), 'dawn.jpg');
    const { file_name: master } = await row(id);
    const paths = await articlesShowing(id, 'Dawn over the harbour');
    const pages = [paths.en, paths.ar, '/', '/ar/', '/economy/'];

    for (const p of pages) {
      const html = await page(p);
      // One file, the master, which exists: no srcset naming sizes not made yet.
      expect(urlsOfImage(html, master), p).toEqual([`/media/${master}`]);
      expect(html, p).not.toMatch(/srcset="[^"]*\/media\//);
    }
    expect(await page(paths.ar)).toContain('dir="rtl"');
    expect((await t.site.get(`/media/${master}`)).status).toBe(200);
    expect(cachedPaths()).toEqual(expect.arrayContaining(pages));

    expect(await runJobs(t)).toBe(1);
    // Every page that showed the image left the cache when its variants were recorded.
    for (const p of pages) expect(cachedPaths(), p).not.toContain(p);

    for (const p of [paths.en, paths.ar]) {
      const html = await page(p);
      expect(html, p).toMatch(new RegExp(`<source type="image/avif" srcset="/media/${fileBaseOf(master)}-320\\.avif 320w, `));
      expect(html, p).toContain(`/media/${fileBaseOf(master)}-1280.webp 1280w`);
    }
    // The front page's story card shows the 16:9 crop.
    expect(await page('/')).toMatch(new RegExp(`srcset="/media/${fileBaseOf(master)}-16x9-5000x5000-320\\.avif 320w`));
    for (const url of new Set([...urlsOfImage(await page(paths.en), master), ...urlsOfImage(await page('/ar/'), master)])) {
      expect((await t.site.get(url)).status, url).toBe(200);
    }
  });
});

describe('an image inside an article body', () => {
  it('shows the master until the job is done, then <picture> with srcset, keeping the text alternative and caption', async () => {
    const id = await uploadOk(t, me, await testImage(1500, 1000, 'jpeg'), 'souk.jpg');
    const { file_name: master } = await row(id);
    const alt = 'Spices & "saffron" at the souk';
    const blocks = [
      { type: 'p' as const, text: 'The souk reopened.' },
      { type: 'image' as const, src: `/media/${master}`, alt, caption: 'Aleppo, Friday', width: 1500, height: 1000 },
    ];
    const en = await publishedArticle(t.site, { headline: 'The souk reopens', sectionSlug: 'economy', blocks });
    const ar = await publishedArticle(t.site, { language: 'ar', headline: 'السوق يفتح أبوابه', sectionSlug: 'economy', blocks });
    const paths = [articlePath('en', 'economy', en.slug), articlePath('ar', 'economy', ar.slug)];
    for (const p of paths) {
      const html = await page(p);
      expect(urlsOfImage(html, master), p).toEqual([`/media/${master}`]);
      expect(html, p).toContain('alt="Spices &amp; &quot;saffron&quot; at the souk"');
    }

    expect(await runJobs(t)).toBe(1);
    for (const p of paths) expect(cachedPaths(), p).not.toContain(p);
    for (const p of paths) {
      const html = await page(p);
      const body = html.slice(html.indexOf('class="article__body"'));
      expect(body, p).toMatch(new RegExp(`<picture><source type="image/avif" srcset="/media/${fileBaseOf(master)}-320\\.avif 320w, [^"]*" sizes="\\(min-width: 48rem\\) 46rem, 100vw"/>`));
      expect(body, p).toMatch(/<img [^>]*alt="Spices &amp; &quot;saffron&quot; at the souk"[^>]*width="1500" height="1000" loading="lazy"/);
      expect(body, p).toContain('<figcaption>Aleppo, Friday</figcaption>');
      for (const url of urlsOfImage(body, master)) expect((await t.site.get(url)).status, url).toBe(200);
    }
  });
});

describe('the job is safe to run again', () => {
  it('run twice: the second run makes nothing, rewrites nothing and drops no cached page', async () => {
    const id = await uploadReady(t, me, await testImage(900, 600, 'jpeg'), 'twice.jpg');
    const paths = await articlesShowing(id, 'Twice told');
    await page(paths.en);
    const before = await row(id);
    const { files } = await filesOf(id);
    const times = await mtimes(files);

    await enqueueJob(db(), { name: MEDIA_VARIANTS, payload: { mediaId: id } }, t.site.clock.now());
    expect(await runJobs(t)).toBe(1);
    expect(await row(id)).toEqual(before);
    expect((await filesOf(id)).files).toEqual(files);
    expect(await mtimes(files)).toEqual(times);
    expect(cachedPaths()).toContain(paths.en);
  });

  it('a worker that dies between writing the files and recording them: the next one takes over and lists the same files', async () => {
    const id = await uploadOk(t, me, await testImage(1000, 700, 'png'), 'crash.png');
    const { file_name: master } = await row(id);
    const paths = await articlesShowing(id, 'Crash in the middle');

    // A worker claims the job, writes every file, and dies before recording them.
    const [claimed] = await claimDueJobs(db(), t.site.deps.database.kind, { workerId: 'worker-that-dies', limit: 1, now: t.site.clock.now(), leaseMs: 60_000, names: [MEDIA_VARIANTS] });
    expect(claimed?.payload).toContain(id);
    const written = await writeMissingVariants(t.site.deps, id);
    expect(written && written !== 'gone' ? written.files.length : 0).toBeGreaterThan(20);
    const orphaned = (await filesOf(id)).files;
    expect(orphaned.length).toBeGreaterThan(20);
    // Nothing lists them yet: pages still show the master alone, the library still "Preparing sizes…".
    expect((await row(id)).variants_state).toBe('pending');
    expect(urlsOfImage(await page(paths.en), master)).toEqual([`/media/${master}`]);
    expect(await runJobs(t)).toBe(0); // its lease still holds

    t.site.clock.advance(61_000);
    expect(await runJobs(t)).toBe(1);
    const r = await row(id);
    expect(r.variants_state).toBe('ready');
    // The same names, written again whole: nothing doubled, nothing half-written, all listed.
    const after = await filesOf(id);
    expect(after.files).toEqual(orphaned);
    expect(after.temporary).toEqual([]);
    expect([r.file_name, ...parseVariants(r.variants).map((v) => v.file)].sort()).toEqual(after.files);
    expect(await jobsFor(id)).toEqual([{ status: 'done', attempts: 2, last_error: null }]);
    expect(await page(paths.en)).toContain(`/media/${fileBaseOf(master)}-640.webp 640w`);
  });
});

describe('a new focal point', () => {
  it('answers at once and queues the crops only: whole-image sizes untouched, new crops around the point, pages refreshed when made', async () => {
    const id = await uploadReady(t, me, await testImage(1200, 800, 'jpeg'), 'focal.jpg');
    const paths = await articlesShowing(id, 'A focal point moves');
    await page('/');
    const before = parseVariants((await row(id)).variants);
    const whole = before.filter((v) => v.crop === 'original').map((v) => v.file);
    const oldCrops = before.filter((v) => v.crop !== 'original').map((v) => v.file);
    const wholeTimes = await mtimes(whole);

    const res = await me.browser.post(`/admin/media/${id}/focal`, { _csrf: me.csrf, x: '0.2', y: '0.5' });
    expect(res.status).toBe(303);
    expect(noticeIn(await (await me.browser.get(`/admin/media/${id}?focal=1`)).text())).toBe('Focal point set; the crops are being made again.');
    expect(noticeIn(await (await arabic.browser.get(`/admin/media/${id}?focal=1`)).text())).toBe('عُيّنت نقطة التركيز، ويجري إنشاء القصّات من جديد.');
    const queued = await row(id);
    expect([queued.focal_x, queued.variants_state]).toEqual([2000, 'pending']);
    // Until the new crops exist, pages keep the old ones (which still exist).
    expect(parseVariants(queued.variants)).toEqual(before);
    expect(await page('/')).toContain('-16x9-5000x5000-320.avif 320w');

    expect(await runJobs(t)).toBe(1);
    const after = await row(id);
    expect(after.variants_state).toBe('ready');
    const variants = parseVariants(after.variants);
    expect(variants.filter((v) => v.crop === 'original').map((v) => v.file)).toEqual(whole);
    expect(await mtimes(whole)).toEqual(wholeTimes);
    const crops = variants.filter((v) => v.crop !== 'original');
    expect(crops.length).toBe(oldCrops.length);
    for (const v of crops) expect(v.file).toMatch(/-(16x9|4x3|1x1)-2000x5000-\d+\.(avif|webp|jpg)$/);
    // The old crops stay on disk: a cached page or CDN may still point at them.
    for (const f of oldCrops) expect((await t.site.get(`/media/${f}`)).status, f).toBe(200);
    expect(cachedPaths()).not.toContain('/');
    expect(await page('/')).toContain('-16x9-2000x5000-320.avif 320w');
    expect(await page(paths.ar)).toContain(`/media/${fileBaseOf(after.file_name)}-640.avif 640w`);
  });
});

describe('a job that keeps failing', () => {
  it('leaves the image usable with its master, shown as failed in the library in both languages; a new focal point tries again', async () => {
    const bytes = await testImage(800, 500, 'jpeg');
    const id = await uploadOk(t, me, bytes, 'stuck.jpg');
    const { file_name: master } = await row(id);
    const paths = await articlesShowing(id, 'A picture that will not resize');
    // A disk problem the job cannot get past: something that is not a file holds one variant's name.
    const blocker = path.join(dir(), `${fileBaseOf(master)}-320.webp`);
    await mkdir(blocker);
    await writeFile(path.join(blocker, 'keep'), 'x');

    expect(await runJobs(t)).toBe(1);
    expect((await row(id)).variants_state).toBe('pending');
    expect((await jobsFor(id))[0]!.status).toBe('pending');
    // The retries wait 10 s then 20 s (±20 %); the third attempt is the last.
    t.site.clock.advance(13_000);
    expect(await runJobs(t)).toBe(1);
    t.site.clock.advance(25_000);
    expect(await runJobs(t)).toBe(1);
    const [job] = await jobsFor(id);
    expect([job!.status, job!.attempts]).toEqual(['failed', 3]);
    expect(job!.last_error).toMatch(/EISDIR|ENOTEMPTY|EEXIST|directory/i);
    t.site.clock.advance(60 * 60_000);
    expect(await runJobs(t)).toBe(0);

    expect((await row(id)).variants_state).toBe('failed');
    expect(visibleText(await (await me.browser.get('/admin/media')).text())).toContain(`stuck.jpg ${FAILED_EN}`);
    expect(visibleText(await (await me.browser.get(`/admin/media/${id}`)).text())).toContain(`${FAILED_EN} Pages show the original image. Set the focal point to try again.`);
    const ar = await (await arabic.browser.get(`/admin/media/${id}`)).text();
    expect(ar).toContain('dir="rtl"');
    expect(visibleText(ar)).toContain(`${FAILED_AR} تعرض الصفحات الصورة الأصلية. عيّن نقطة التركيز للمحاولة مجددًا.`);
    // Readers see the master, which is whole; no file that failed is named.
    for (const p of [paths.en, paths.ar]) expect(urlsOfImage(await page(p), master), p).toEqual([`/media/${master}`]);
    expect((await t.site.get(`/media/${master}`)).status).toBe(200);
    expect(parseVariants((await row(id)).variants)).toEqual([]);
    // No half-written file left behind by the failed renames.
    expect((await filesOf(id)).temporary).toEqual([]);

    // Uploading the same image again asks for its sizes again.
    const again = await uploadFile(t, me, bytes, 'stuck-again.jpg');
    expect(again.headers.get('Location')).toBe(`/admin/media/${id}?duplicate=1`);
    expect((await jobsFor(id)).map((j) => j.status)).toEqual(['failed', 'pending']);

    // Once the disk is fixed, setting the focal point queues a fresh job (the same pending one), which succeeds.
    await rm(blocker, { recursive: true });
    expect((await me.browser.post(`/admin/media/${id}/focal`, { _csrf: me.csrf, x: '0.5', y: '0.5' })).status).toBe(303);
    expect((await row(id)).variants_state).toBe('pending');
    expect(await runJobs(t)).toBe(1);
    expect((await row(id)).variants_state).toBe('ready');
    expect(await page(paths.en)).toContain(`/media/${fileBaseOf(master)}-320.webp 320w`);
    expect(await readFile(path.join(dir(), `${fileBaseOf(master)}-320.webp`))).toBeInstanceOf(Buffer);
  });
});

describe('deleting an image whose job has not run', () => {
  it('cancels the job: nothing is made for an image that is gone', async () => {
    const editor = await signInToMedia(t, 'editor');
    const id = await uploadOk(t, me, await testImage(600, 400, 'jpeg'), 'gone.jpg');
    const { file_name: master } = await row(id);
    expect((await editor.browser.post(`/admin/media/${id}/delete`, { _csrf: editor.csrf })).status).toBe(303);
    expect(await jobsFor(id)).toEqual([]);
    expect(await runJobs(t)).toBe(0);
    expect((await readdir(dir())).filter((f) => f.startsWith(fileBaseOf(master)))).toEqual([]);
  });
});

describe('migration 2000', () => {
  it('marks every image stored before it as ready (their variants were made during the upload)', async () => {
    const id = await uploadReady(t, me, await testImage(300, 200, 'jpeg'), 'old.jpg');
    await variantsStateMigration.down(db() as never);
    try {
      expect(await db().selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).not.toHaveProperty('variants_state');
    } finally {
      await variantsStateMigration.up(db() as never);
    }
    const rows = await db().selectFrom('media').select(['id', 'variants_state']).execute();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.variants_state === 'ready')).toBe(true);
  });
});

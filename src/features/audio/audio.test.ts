import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { signInAs, type SignedIn } from '../../../tests/staff-kit.js';
import { createWorker } from '../../worker.js';
import { currentArticleInput, updateArticle } from '../articles/index.js';
import Parser from 'rss-parser';
import { findAudioRow } from './audio.repo.js';

/**
 * Article audio end to end on SQLite and PostgreSQL, with the real speech provider the site would
 * choose (espeak-ng and ffmpeg when installed, else the WebAssembly voice): publishing makes audio,
 * the page plays it, players seek with byte ranges, editors replace or switch it off.
 */
let site: TestSite;
let editor: SignedIn;
beforeAll(async () => {
  site = await createTestSite({ env: { AUDIO_PROVIDER: 'auto' } });
  await seedNewsroom(site);
  editor = await signInAs(site, 'editor');
}, 60_000);

/** Runs every due job (audio, related lists) until none is left; fails on a job that failed. */
async function runJobs(): Promise<number> {
  let ran = 0;
  for (let n = 1; n > 0; ran += n) n = await createWorker(site.deps).runDue();
  const failed = await site.deps.db.selectFrom('jobs').select(['name', 'last_error']).where('status', '=', 'failed').execute();
  expect(failed).toEqual([]);
  return ran;
}
const file = (name: string) => path.join(site.deps.audioDir, name);
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

async function pageAudio(pathname: string): Promise<string | undefined> {
  const html = await (await site.get(pathname)).text();
  return /<audio[^>]*src="(\/audio\/[^"]+)"/.exec(html)?.[1];
}

describe('making audio', () => {
  it('gives a published English and Arabic article audio of a plausible length in its own language', async () => {
    const enBody = 'Ministers from six countries met in Riyadh on Sunday to discuss a new railway. The line would carry goods and passengers between the Gulf and the Red Sea coast, officials said.';
    const arBody = 'اجتمع وزراء من ست دول في الرياض يوم الأحد لبحث خط سكة حديد جديد. وقال مسؤولون إن الخط سينقل البضائع والركاب بين الخليج وساحل البحر الأحمر.';
    const en = await publishedArticle(site, { headline: 'Gulf railway talks open in Riyadh', standfirst: 'A line to the Red Sea.', blocks: [{ type: 'p', text: enBody }] });
    const ar = await publishedArticle(site, { language: 'ar', headline: 'محادثات سكة حديد الخليج تنطلق في الرياض', standfirst: 'خط إلى البحر الأحمر.', blocks: [{ type: 'p', text: arBody }], bylines: [] });
    expect(await pageAudio(`/politics/${en.slug}`)).toBeUndefined(); // nothing before the job: no empty player
    expect(await runJobs()).toBeGreaterThanOrEqual(2);
    for (const [a, text, lang] of [[en, enBody, 'en'], [ar, arBody, 'ar']] as const) {
      const row = await findAudioRow(site.deps.db, a.id);
      expect(row, lang).toMatchObject({ state: 'ready', source: 'synthetic', content_type: 'audio/mpeg' });
      const seconds = row!.duration_ms! / 1000;
      const count = words(text) + 10;
      // Speech runs at roughly 1.5 to 5 words a second; a wrong language or an empty file would not.
      expect(seconds, `${lang}: ${seconds}s for ${count} words`).toBeGreaterThan(count / 5);
      expect(seconds).toBeLessThan(count / 1.2);
      expect(existsSync(file(row!.file_name!))).toBe(true);
      const page = `${lang === 'ar' ? '/ar' : ''}/politics/${a.slug}`;
      expect(await pageAudio(page)).toBe(`/audio/${row!.file_name}`);
    }
  }, 120_000);

  it('makes it again when the text changes, and not when only the section does', async () => {
    const a = await publishedArticle(site, { headline: 'Port expansion approved', blocks: [{ type: 'p', text: 'The port will double its capacity by 2027.' }] });
    await runJobs();
    const first = (await findAudioRow(site.deps.db, a.id))!;
    const input = await currentArticleInput(site.deps.db, a.id);
    await updateArticle(site.deps, a.id, { ...input, sectionSlug: 'economy' });
    await runJobs();
    const afterSection = (await findAudioRow(site.deps.db, a.id))!;
    expect(afterSection.file_name).toBe(first.file_name);
    expect(afterSection.updated_at).toBe(first.updated_at);
    await updateArticle(site.deps, a.id, { ...input, sectionSlug: 'economy', headline: 'Port expansion approved after long delay' });
    await runJobs();
    const afterText = (await findAudioRow(site.deps.db, a.id))!;
    expect(afterText.state).toBe('ready');
    expect(afterText.file_name).not.toBe(first.file_name);
    expect(existsSync(file(first.file_name!))).toBe(false); // the old version is gone
    expect(afterText.duration_ms!).toBeGreaterThan(first.duration_ms!);
  }, 120_000);

  it('makes the audio with the WebAssembly voice on a machine without the programs', async () => {
    const bare = await createTestSite({ env: { AUDIO_PROVIDER: 'wasm' } });
    await seedNewsroom(bare);
    const body = 'وقالت وزارة النقل إن القطار سيقطع المسافة بين المدينتين في ساعتين بدلًا من خمس ساعات.';
    const a = await publishedArticle(bare, { language: 'ar', headline: 'قطار سريع بين مدينتين', standfirst: 'ساعتان بدل خمس.', blocks: [{ type: 'p', text: body }], bylines: [] });
    for (let n = 1; n > 0; ) n = await createWorker(bare.deps).runDue();
    const row = await findAudioRow(bare.deps.db, a.id);
    expect(row).toMatchObject({ state: 'ready', source: 'synthetic', provider: 'espeak-ng-wasm', content_type: 'audio/mpeg' });
    const count = words(body) + 5;
    expect(row!.duration_ms! / 1000).toBeGreaterThan(count / 5);
    expect(row!.duration_ms! / 1000).toBeLessThan(count / 1.2);
    expect(existsSync(path.join(bare.deps.audioDir, row!.file_name!))).toBe(true);
  }, 120_000);
});

describe('serving audio', () => {
  let url: string;
  let bytes: Buffer;
  beforeAll(async () => {
    const a = await publishedArticle(site, { headline: 'Range requests', blocks: [{ type: 'p', text: 'Seeking through a long story needs byte ranges.' }] });
    await runJobs();
    const row = (await findAudioRow(site.deps.db, a.id))!;
    url = `/audio/${row.file_name}`;
    bytes = readFileSync(file(row.file_name!));
  }, 60_000);

  it('answers the whole file with its type, length, ranges and a year of caching', async () => {
    const res = await site.get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers byte ranges with 206 and exactly those bytes', async () => {
    for (const [range, start, end] of [['bytes=0-99', 0, 99], ['bytes=100-', 100, bytes.length - 1], ['bytes=-50', bytes.length - 50, bytes.length - 1]] as const) {
      const res = await site.get(url, { Range: range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(start, end + 1)), range).toBe(true);
    }
    const outside = await site.get(url, { Range: `bytes=${bytes.length + 10}-` });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('answers 404 for names it does not know, and never reads outside the audio folder', async () => {
    for (const p of ['/audio/nothing-here-0000.mp3', '/audio/..%2Fdata.sqlite', '/audio/x.exe']) expect((await site.get(p)).status, p).toBe(404);
  });
});

describe('the newsroom', () => {
  it('refuses a file that is not audio even when named .mp3, and keeps the synthetic audio', async () => {
    const a = await publishedArticle(site, { headline: 'Narration refused' });
    await runJobs();
    const before = (await findAudioRow(site.deps.db, a.id))!;
    const res = await upload(a.id, Buffer.from('<html>not audio</html>'), 'narration.mp3');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/articles/${a.id}/audio?error=notAudio`);
    const page = await (await editor.browser.get(res.headers.get('location')!)).text();
    expect(page).toContain('That file is not MP3, M4A, Ogg or WAV audio. Nothing was changed.');
    expect(await findAudioRow(site.deps.db, a.id)).toEqual(before);
  }, 60_000);

  it('replaces the synthetic voice with an uploaded narration, and switches audio off and on', async () => {
    const a = await publishedArticle(site, { headline: 'Narrated story' });
    await runJobs();
    const wav = execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-ac', '1', '-f', 'wav', '-'], { maxBuffer: 10 * 1024 * 1024 });
    const res = await upload(a.id, wav, 'reading.wav');
    expect(res.headers.get('location')).toBe(`/admin/articles/${a.id}/audio?saved=1`);
    const row = (await findAudioRow(site.deps.db, a.id))!;
    expect(row).toMatchObject({ state: 'ready', source: 'narration', content_type: 'audio/wav' });
    expect(Math.abs(row.duration_ms! - 3000)).toBeLessThan(100);
    expect(await pageAudio(`/politics/${a.slug}`)).toBe(`/audio/${row.file_name}`);
    await runJobs(); // a narration is never overwritten by the synthetic voice
    expect((await findAudioRow(site.deps.db, a.id))!.source).toBe('narration');
    // Off: no player, the file is gone.
    await editor.browser.post(`/admin/articles/${a.id}/audio/off`, { _csrf: editor.csrf });
    expect(await pageAudio(`/politics/${a.slug}`)).toBeUndefined();
    expect((await site.get(`/audio/${row.file_name}`)).status).toBe(404);
    await runJobs();
    expect((await findAudioRow(site.deps.db, a.id))!.state).toBe('off');
    // On again: synthetic audio is made anew.
    await editor.browser.post(`/admin/articles/${a.id}/audio/on`, { _csrf: editor.csrf });
    await runJobs();
    expect((await findAudioRow(site.deps.db, a.id))!).toMatchObject({ state: 'ready', source: 'synthetic' });
  }, 120_000);

  it('shows each state in the admin, in Arabic too', async () => {
    const a = await publishedArticle(site, { headline: 'Admin view' });
    const ar = await signInAs(site, 'editor', { language: 'ar' });
    expect(await (await ar.browser.get(`/admin/articles/${a.id}/audio`)).text()).toContain('قيد الإعداد');
    await runJobs();
    const html = await (await ar.browser.get(`/admin/articles/${a.id}/audio`)).text();
    expect(html).toContain('جاهز');
    expect(html).toMatch(/<audio controls="" preload="none" src="\/audio\//);
  }, 60_000);
});

describe('the dashboard', () => {
  it('shows where each published story’s audio stands, a failure with its reason, in both languages', async () => {
    // A speech service that refuses (as one with a wrong voice name would): the job records why.
    const refusing = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(400, { 'Content-Type': 'text/plain' }).end('unknown voice'));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    try {
      const other = await createTestSite({ env: { AUDIO_PROVIDER: 'http', AUDIO_HTTP_URL: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/speak` } });
      await seedNewsroom(other);
      const failing = await publishedArticle(other, { headline: 'A story the service refuses' });
      const waiting = await publishedArticle(other, { headline: 'A story not voiced yet' });
      await createWorker(other.deps).runDue();
      await other.deps.db.deleteFrom('jobs').execute(); // the second story's job has not run yet
      await other.deps.db.deleteFrom('article_audio').where('article_id', '=', waiting.id).execute();
      const en = await signInAs(other, 'editor');
      const html = await (await en.browser.get('/admin')).text();
      const cell = (id: string) => new RegExp(`<a href="/admin/articles/${id}/audio">([^<]*)</a>`).exec(html)?.[1];
      expect(cell(failing.id)).toMatch(/^Failed: .*400/);
      expect(html).toContain('audio-state--problem');
      expect(cell(waiting.id)).toBe('Not made yet');
      const ar = await signInAs(other, 'editor', { language: 'ar' });
      const arHtml = await (await ar.browser.get('/admin')).text();
      expect(new RegExp(`<a href="/admin/articles/${failing.id}/audio">تعذّر إعداده: `).test(arHtml)).toBe(true);
    } finally {
      refusing.close();
    }
    // And a ready one says its length.
    const ready = await publishedArticle(site, { headline: 'A voiced story for the dashboard' });
    await runJobs();
    const row = (await findAudioRow(site.deps.db, ready.id))!;
    const seconds = Math.round(row.duration_ms! / 1000);
    const html = await (await editor.browser.get('/admin')).text();
    expect(html).toContain(`<a href="/admin/articles/${ready.id}/audio">Ready · ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}</a>`);
  }, 120_000);
});

describe('the podcast', () => {
  it('lists articles with audio as episodes a podcast app can play, per language and section', async () => {
    await runJobs();
    const parser = new Parser({ customFields: { feed: ['language', 'itunes:type'] } });
    const xml = await (await site.get('/podcast.xml')).text();
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe('Arab Press');
    expect(feed['language' as 'title']).toBe('en');
    expect(feed.itunes?.image).toMatch(/\/podcast-cover\.png$/);
    expect(feed.itunes?.categories).toContain('News');
    expect(xml).toMatch(/<podcast:guid>[0-9a-f-]{36}<\/podcast:guid>/);
    const episode = feed.items.find((i) => i.title === 'Gulf railway talks open in Riyadh');
    expect(episode?.enclosure?.type).toBe('audio/mpeg');
    expect(episode?.enclosure?.url).toMatch(/^http:\/\/localhost\/audio\/.+\.mp3$/);
    const row = (await site.deps.db.selectFrom('article_audio').select(['bytes', 'duration_ms', 'file_name']).where('file_name', '=', episode!.enclosure!.url.split('/').pop()!).executeTakeFirstOrThrow());
    expect(Number(episode!.enclosure!.length)).toBe(row.bytes);
    expect(Number(episode!.itunes?.duration)).toBe(Math.round(row.duration_ms! / 1000));
    // Only articles whose audio is ready: one published a moment ago is not there yet.
    await publishedArticle(site, { headline: 'Not yet audible' });
    expect((await parser.parseString(await (await site.get('/podcast.xml')).text())).items.map((i) => i.title)).not.toContain('Not yet audible');
    const ar = await parser.parseString(await (await site.get('/ar/podcast.xml')).text());
    expect(ar.items.map((i) => i.title)).toEqual(['محادثات سكة حديد الخليج تنطلق في الرياض']);
    const economy = await parser.parseString(await (await site.get('/economy/podcast.xml')).text());
    expect(economy.items.map((i) => i.title)).toEqual(['Port expansion approved after long delay']);
    expect((await site.get('/no-such-section/podcast.xml')).status).toBe(404);
    const cover = await site.get('/podcast-cover.png');
    expect(cover.headers.get('content-type')).toBe('image/png');
    const meta = await (await import('sharp')).default(Buffer.from(await cover.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([1400, 1400]);
  }, 120_000);
});

async function upload(articleId: string, bytes: Buffer, name: string): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', editor.csrf);
  form.set('file', new File([new Uint8Array(bytes)], name, { type: 'audio/mpeg' }));
  const cookie = [...editor.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return site.app.request(`/admin/articles/${articleId}/audio/narration`, { method: 'POST', body: form, headers: { Cookie: cookie, 'X-Forwarded-For': editor.browser.ip } });
}

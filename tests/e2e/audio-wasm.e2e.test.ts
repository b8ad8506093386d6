import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openReaderTab, type ReaderTab } from './browser.js';
import { staffFromCli } from './newsroom-kit.js';
import { startServer, type RunningServer } from './server.js';

/**
 * A machine without the espeak-ng and ffmpeg programs: the built server (`npm start`) makes an article's
 * audio with the WebAssembly voice in its worker thread (dist/espeak-wasm.worker.mjs). An Arabic editor
 * publishes a story; within a minute the page has a Listen button, the file is served in byte ranges,
 * and pressing Listen plays it. No demo content, so this story is the only audio to make.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
let server: RunningServer;
let browser: Browser;
let tab: ReaderTab;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(TEST_DB, { env: { AUDIO_PROVIDER: 'wasm', SEED_DEMO: 'false' } }), launchBrowser()]);
  tab = await openReaderTab(browser, server.baseUrl, { width: 375, height: 812 });
  page = tab.page;
  await staffFromCli(page, server, { email: 'layla@example.com', role: 'editor', name: 'ليلى حداد', language: 'ar', password: 'layla chooses a passphrase' });
}, 120_000);

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await server?.stop();
});

describe(`audio with the WebAssembly voice (${TEST_DB})`, () => {
  it('voices a published Arabic story within a minute, serves it in ranges, and plays it', async () => {
    // An empty install: the newsroom's first section, made in the admin.
    await page.goto(`${server.baseUrl}/admin/sections`);
    await page.fill('#slug-new', 'transport');
    await page.fill('#en-new', 'Transport');
    await page.fill('#ar-new', 'النقل');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/admin/sections')), page.locator('#slug-new').evaluate((input) => (input as HTMLInputElement).form!.requestSubmit())]);
    await page.locator('p.notice').waitFor();
    await page.goto(`${server.baseUrl}/admin/articles/new`);
    await page.locator('.editor-content').waitFor();
    await page.selectOption('#language', 'ar');
    await page.fill('#headline', 'قطار سريع يربط المدينتين');
    await page.locator('.editor-content').click();
    await page.keyboard.type('قالت وزارة النقل إن القطار الجديد سيقطع المسافة بين المدينتين في ساعتين بدلًا من خمس ساعات، وإن التشغيل يبدأ في الربيع.');
    await Promise.all([page.waitForURL(/\/admin\/articles\/[^/]+\/edit/), page.getByRole('button', { name: 'إنشاء مسودة' }).click()]);
    await page.locator('.editor-content').waitFor();
    await Promise.all([page.waitForURL(/\/edit$/), page.getByRole('button', { name: 'انشر', exact: true }).click()]);
    const href = (await page.getByRole('link', { name: 'اعرض في الموقع' }).getAttribute('href'))!;

    // The worker inside the web process voices it; the page shows Listen once the file exists.
    let audioSrc: string | undefined;
    for (const end = Date.now() + 60_000; !audioSrc && Date.now() < end; ) {
      audioSrc = /<audio[^>]*src="(\/audio\/[^"]+\.mp3)"/.exec(await (await fetch(server.baseUrl + href)).text())?.[1];
      if (!audioSrc) await new Promise((r) => setTimeout(r, 500));
    }
    expect(audioSrc, server.output().slice(-2000)).toBeDefined();
    const ranged = await fetch(server.baseUrl + audioSrc!, { headers: { Range: 'bytes=0-1023' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-type')).toBe('audio/mpeg');
    const head = new Uint8Array(await ranged.arrayBuffer());
    expect(head.length).toBe(1024);
    // An MPEG audio frame (or an ID3 tag) starts the file: real MP3, not an error page.
    expect(head[0] === 0xff || String.fromCharCode(head[0]!, head[1]!, head[2]!) === 'ID3').toBe(true);

    await tab.visit(href);
    const start = page.locator('.listen__start');
    expect(await start.innerText()).toMatch(/استمع\s*(\S+\s*)?\d+:\d\d/);
    await start.click();
    await expect.poll(() => page.evaluate(() => Number(document.querySelector<HTMLInputElement>('.player__seek')!.value)), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(tab.consoleErrors).toEqual([]);
  }, 120_000);
});

import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, launchBrowser, openReaderTab, seriousAxeViolations, type ReaderTab } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Uploading a large photo in Chromium against the real server (`web`, which runs the job worker):
 * the upload answers with the image and "Preparing sizes…", in Arabic and in English, and the
 * server's own worker then makes the sizes and crops, which the library and details page show.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';

let server: RunningServer;
let browser: Browser;
let tab: ReaderTab;
let page: Page;

async function untilOutput(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(server.output());
    if (m) return m;
    if (Date.now() > end) throw new Error(`server never printed ${pattern}:\n${server.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A 4000×3000 photograph-like JPEG (grain on gradients): megabytes, and seconds of variants. */
async function bigPhoto(seed: number): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  let noise = seed;
  for (let i = 0; i < raw.length; i += 3) {
    const x = (i / 3) % width;
    const y = Math.floor(i / 3 / width);
    noise = (noise * 1103515245 + 12345) & 0x7fffffff;
    const grain = (noise >> 16) % 24;
    raw[i] = ((x * 255) / width + grain) & 0xff;
    raw[i + 1] = Math.min(255, (y * 255) / height + grain);
    raw[i + 2] = (((x >> 3) ^ (y >> 3)) + grain) & 0xff;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

beforeAll(async () => {
  server = await startServer(TEST_DB);
  browser = await launchBrowser();
  tab = await openReaderTab(browser, server.baseUrl, { width: 1280, height: 900 });
  page = tab.page;
}, 120_000);

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await server?.stop();
});

describe(`uploading a large photo (${TEST_DB})`, () => {
  it('answers at once with "Preparing sizes…"; the server’s worker then makes the sizes and crops', async () => {
    const [, token] = await untilOutput(/\/admin\/setup\/([A-Za-z0-9_-]+)/);
    await page.goto(`${server.baseUrl}/admin/setup/${token}`);
    await page.fill('#name', 'Maha Saleh');
    await page.fill('#email', 'maha@example.com');
    await page.fill('#password', 'a long enough passphrase');
    await Promise.all([page.waitForURL(`${server.baseUrl}/admin`), page.click('button[type=submit]')]);

    // In Arabic first: the upload answers with the image and the note, right to left.
    await Promise.all([page.waitForURL(`${server.baseUrl}/admin`), page.locator('.admin-header__tools button[lang="ar"]').click()]);
    await page.goto(`${server.baseUrl}/admin/media`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const upload = async (name: string, seed: number) => {
      await page.setInputFiles('#media-file', { name, mimeType: 'image/jpeg', buffer: await bigPhoto(seed) });
      const started = Date.now();
      await Promise.all([page.waitForURL(/\/admin\/media\/[^/?]+\?uploaded=1$/), page.locator('form[enctype="multipart/form-data"] button[type=submit]').click()]);
      return Date.now() - started;
    };
    await upload('قمة.jpg', 1);
    expect(await page.locator('.media-state').innerText()).toBe('جارٍ تجهيز المقاسات… تعرض الصفحات الصورة الأصلية إلى أن تجهز المقاسات الأصغر والقصّات.');

    // Then in English.
    await Promise.all([page.waitForURL(`${server.baseUrl}/admin`), page.locator('.admin-header__tools button[lang="en"]').click()]);
    await page.goto(`${server.baseUrl}/admin/media`);
    const ms = await upload('summit.jpg', 2);
    console.info(`browser upload of a 4000×3000 JPEG answered in ${ms} ms`);
    const detailsUrl = page.url().replace(/\?.*$/, '');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('.media-state').innerText()).toBe('Preparing sizes… Pages show the original until the smaller sizes and crops are ready.');
    const violations = await seriousAxeViolations(page);
    expect(violations, describeViolations('/admin/media/:id', violations)).toEqual([]);
    // The web process runs the jobs: reload the library until neither image is preparing.
    await expect
      .poll(
        async () => {
          await page.goto(`${server.baseUrl}/admin/media`);
          return page.locator('.media-state').count();
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(0);
    await page.goto(detailsUrl);
    const crops = page.locator('section[aria-labelledby="focal-heading"] figure img');
    expect(await crops.count()).toBe(3);
    for (const img of await crops.all()) {
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    }
    expect(tab.foreignRequests).toEqual([]);
  });
});

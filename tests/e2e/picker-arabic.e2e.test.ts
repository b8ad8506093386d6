import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, launchBrowser, openReaderTab, seriousAxeViolations, type ReaderTab } from './browser.js';
import { staffFromCli } from './newsroom-kit.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The editor's image picker in Chromium, in Arabic, on a phone, by keyboard: an Arabic-speaking editor
 * describes a photo in the library, then writes an Arabic article and finds that photo by an Arabic
 * word spelled differently, moves through the results with the arrow keys, takes the library's Arabic
 * texts, and inserts it; uploads the featured image from inside the picker; the preview shows both.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
let server: RunningServer;
let browser: Browser;
let tab: ReaderTab;
let page: Page;

const SOUK_ALT = 'زقاق سوق مزدحم تحت أقواس حجرية';
const SOUK_CAPTION = 'متسوقون في السوق القديمة بحلب';

function photo(width: number, height: number, hue: [number, number, number]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: hue[0], g: hue[1], b: hue[2] } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

async function expectAccessible(what: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(what, violations)).toEqual([]);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(TEST_DB), launchBrowser()]);
  tab = await openReaderTab(browser, server.baseUrl, { width: 375, height: 740 });
  page = tab.page;
  await staffFromCli(page, server, { email: 'layla@example.com', role: 'editor', name: 'ليلى حداد', language: 'ar', password: 'layla chooses a passphrase' });
}, 120_000);

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await server?.stop();
});

describe(`the image picker in Arabic (${TEST_DB})`, () => {
  it('finds a described photo by an Arabic word, by keyboard, and inserts it with its Arabic texts', async () => {
    // A photo in the library, described in Arabic on its own page.
    await page.goto(`${server.baseUrl}/admin/media`);
    await page.setInputFiles('#media-file', { name: 'souk.jpg', mimeType: 'image/jpeg', buffer: await photo(1200, 800, [180, 120, 60]) });
    await Promise.all([page.waitForURL(/\/admin\/media\/[0-9a-f-]{36}\?uploaded=1/), page.locator('#media-file').evaluate((input) => (input as HTMLInputElement).form!.requestSubmit())]);
    await page.fill('#alt-ar', SOUK_ALT);
    await page.fill('#caption-ar', SOUK_CAPTION);
    await page.fill('#caption-en', 'Shoppers at the old souk in Aleppo');
    await Promise.all([page.waitForURL(/saved=1/), page.locator('#alt-ar').evaluate((input) => (input as HTMLInputElement).form!.requestSubmit())]);

    await page.goto(`${server.baseUrl}/admin/articles/new`);
    await page.locator('.editor-content').waitFor();
    await page.selectOption('#language', 'ar');
    await page.fill('#headline', 'الأسواق القديمة تستعيد زوارها');
    await page.locator('.editor-content').click();
    await page.keyboard.type('عاد المتسوقون إلى الأسواق القديمة في حلب.');

    // The toolbar's image button, pressed from the keyboard.
    await page.locator('.editor-toolbar__button--image').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'اختر صورة من المكتبة' }).waitFor();
    const picker = page.locator('dialog.media-picker');
    expect(await picker.evaluate((d) => getComputedStyle(d).direction)).toBe('rtl');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('media-picker-q');
    await expect.poll(() => picker.locator('.media-picker__item').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await expectAccessible('the picker in Arabic');

    // "القديمه" (taa marbuta written as haa) finds "القديمة".
    await page.keyboard.type('القديمه');
    await expect.poll(() => picker.locator('.media-picker__item').count(), { timeout: 10_000 }).toBe(1);
    expect(await picker.locator('.media-picker__status').innerText()).toBe('عدد الصور: 1');
    await page.keyboard.press('Tab'); // the upload field
    await page.keyboard.press('Tab'); // the first image
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(SOUK_CAPTION);
    await page.keyboard.press('Enter');

    // The second step: the library's Arabic texts, ready to change for this article.
    await expect.poll(() => picker.locator('.media-picker__title').innerText()).toBe('صِف الصورة لهذا المقال');
    // Focused once the Enter that chose the image is over.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('media-picker-alt');
    expect(await page.locator('#media-picker-alt').inputValue()).toBe(SOUK_ALT);
    expect(await page.locator('#media-picker-caption').inputValue()).toBe(SOUK_CAPTION);
    expect(await page.locator('#media-picker-alt').getAttribute('dir')).toBe('rtl');
    await expectAccessible('the picker’s details step in Arabic');
    await page.locator('#media-picker-caption').fill('سوق حلب القديمة صباح الجمعة');
    await page.locator('#media-picker-alt').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.isVisible()).toBe(false);

    const img = page.locator('.editor-content img');
    await expect.poll(() => img.getAttribute('alt')).toBe(SOUK_ALT);
    expect(await img.getAttribute('src')).toMatch(/^\/media\/[\w-]+\.jpe?g$/);
    expect(await img.getAttribute('width')).toBe('1200');
    // Typing goes on after the image, not over it.
    await page.keyboard.type('وفي السوق أيضًا باعة التوابل.');
    expect(await page.locator('.editor-content p').last().innerText()).toBe('وفي السوق أيضًا باعة التوابل.');
  });

  it('closes on Escape with nothing changed and gives the focus back', async () => {
    const before = await page.locator('.editor-content').innerHTML();
    await page.locator('.editor-toolbar__button--image').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'اختر صورة من المكتبة' }).waitFor();
    const picker = page.locator('dialog.media-picker');
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.isVisible()).toBe(false);
    expect(await page.locator('.editor-content').innerHTML()).toBe(before);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.editor-content, .editor-toolbar') !== null)).toBe(true);
  });

  it('uploads the featured image from inside the picker, refuses a fake photo in Arabic, and saves', async () => {
    await page.getByRole('button', { name: 'اختر من المكتبة' }).click();
    await page.getByRole('dialog', { name: 'اختر صورة من المكتبة' }).waitFor();
    const picker = page.locator('dialog.media-picker');
    // A text file named .jpg: refused with the reason, in Arabic; the picker stays open.
    await page.setInputFiles('#media-picker-file', { name: 'not-a-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('هذا نص وليس صورة') });
    await expect.poll(() => picker.locator('.media-picker__status').innerText(), { timeout: 10_000 }).toContain('ليس صورة');
    await page.setInputFiles('#media-picker-file', { name: 'aleppo-citadel.jpg', mimeType: 'image/jpeg', buffer: await photo(1600, 900, [40, 90, 160]) });
    await expect.poll(() => picker.isVisible(), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => page.locator('#featuredMediaId').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    const id = await page.locator('#featuredMediaId').inputValue();
    await expect.poll(() => page.locator('.featured-preview').getAttribute('src')).toMatch(/^\/media\//);

    await Promise.all([page.waitForURL(/\/admin\/articles\/[^/]+\/edit/), page.getByRole('button', { name: 'إنشاء مسودة' }).click()]);
    const articleId = /\/admin\/articles\/([^/]+)\/edit/.exec(page.url())![1]!;
    // Reopened, the form shows the chosen featured image again.
    await page.locator('.editor-content').waitFor();
    expect(await page.locator('#featuredMediaId').inputValue()).toBe(id);
    await expect.poll(() => page.locator('.featured-preview').isVisible()).toBe(true);

    await page.goto(`${server.baseUrl}/admin/articles/${articleId}/preview`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const body = await page.locator('.article__body').innerHTML();
    expect(body).toContain(`alt="${SOUK_ALT}"`);
    expect(body).toContain('سوق حلب القديمة صباح الجمعة');
    expect(await page.locator(`img[src*="/media/"]`).count()).toBeGreaterThanOrEqual(2);
  });
});

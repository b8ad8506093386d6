import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, launchBrowser, openReaderTab, seriousAxeViolations, type ReaderTab } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The newsroom in Chromium against the real server: create the owner from the printed setup link,
 * write an article mixing Arabic and English with a subheading, a quote and an image, save, lose the
 * connection and keep typing, reconnect, publish; the site shows exactly the preview, and the
 * revision history has every step. Then the admin in Arabic, by keyboard, through axe.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';

let server: RunningServer;
let browser: Browser;
let tab: ReaderTab;
let page: Page;
let articleId = '';
let previewBody = '';

async function untilOutput(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(server.output());
    if (m) return m;
    if (Date.now() > end) throw new Error(`server never printed ${pattern}:\n${server.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function expectAccessible(path: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(path, violations)).toEqual([]);
}

const status = () => page.locator('.save-status').first();

beforeAll(async () => {
  server = await startServer(TEST_DB);
  browser = await launchBrowser();
  tab = await openReaderTab(browser, server.baseUrl, { width: 1280, height: 900 });
  page = tab.page;
  // Prompts (link, quote attribution) are answered from this queue, in order.
  page.on('dialog', (dialog) => void dialog.accept(answers.shift() ?? ''));
}, 120_000);

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await server?.stop();
});

const answers: string[] = [];

describe(`the newsroom in a browser (${TEST_DB})`, () => {
  it('creates the owner account from the one-time setup link printed at start', async () => {
    const [, token] = await untilOutput(/\/admin\/setup\/([A-Za-z0-9_-]+)/);
    await page.goto(`${server.baseUrl}/admin/setup/${token}`);
    await page.fill('#name', 'Maha Saleh');
    await page.fill('#email', 'maha@example.com');
    await page.fill('#password', 'a long enough passphrase');
    await Promise.all([page.waitForURL(`${server.baseUrl}/admin`), page.click('button[type=submit]')]);
    expect(await page.locator('h1').innerText()).toBe('Dashboard');
    expect(await page.locator('main').innerText()).toContain('Maha Saleh');
    await expectAccessible('/admin');
    // The link works once.
    const again = await page.request.get(`${server.baseUrl}/admin/setup/${token}`);
    expect(again.status()).toBe(410);
  });

  it('writes a bilingual article with a subheading, a quote and an image, and saves it', async () => {
    await page.goto(`${server.baseUrl}/admin/articles/new`);
    const editor = page.locator('.editor-content');
    await editor.waitFor();
    await expectAccessible('/admin/articles/new');
    await page.fill('#headline', 'Gulf leaders meet in Riyadh — قمة الرياض');
    await page.fill('#standfirst', 'A summit on trade and water, in two languages.');
    await editor.click();
    await page.keyboard.type('The summit opened on Sunday. افتتحت القمة يوم الأحد في الرياض.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'H2 Subheading', exact: true }).click();
    await page.keyboard.type('What comes next');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ministers will meet again in March.');
    await page.keyboard.press('Enter');
    answers.push('A Gulf minister');
    await page.locator('.editor-toolbar__button--quote').click();
    await page.keyboard.type('We will act together.');
    // The image comes from the library through the picker: the newest image first, then its texts.
    await page.locator('.editor-toolbar__button--image').click();
    await page.getByRole('dialog', { name: 'Choose an image from the library' }).waitFor();
    // Held by its element: the dialog's name follows its step.
    const picker = page.locator('dialog.media-picker');
    await picker.locator('.media-picker__item').first().click();
    await expect.poll(() => picker.locator('.media-picker__title').innerText()).toBe('Describe the image for this article');
    await page.getByLabel('Text alternative', { exact: true }).fill('Leaders at the summit table');
    await page.getByLabel('Caption (optional)').fill('The summit in Riyadh');
    await page.getByLabel('Credit (optional)').fill('Arab Press');
    await page.getByRole('button', { name: 'Use this image' }).click();
    await expect.poll(() => picker.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.editor-content img').getAttribute('src')).toMatch(/^\/media\//);
    // The featured image too, from the same library.
    await page.getByRole('button', { name: 'Choose from the library' }).click();
    await picker.locator('.media-picker__item').first().click();
    await expect.poll(() => page.locator('#featuredMediaId').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.featured-preview').isVisible()).toBe(true);
    await Promise.all([page.waitForURL(/\/admin\/articles\/[^/]+\/edit/), page.getByRole('button', { name: 'Create draft' }).click()]);
    articleId = /\/admin\/articles\/([^/]+)\/edit/.exec(page.url())![1]!;
    const body = await page.locator('.editor-content').innerHTML();
    expect(body).toContain('What comes next');
    expect(body).toContain('افتتحت القمة');
    expect(body).toContain('We will act together.');
  });

  it('keeps typing through a lost connection and saves when it returns', async () => {
    const editor = page.locator('.editor-content');
    await editor.locator('p', { hasText: 'Ministers will meet again' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Their agenda is long.');
    await expect.poll(() => status().innerText(), { timeout: 15_000 }).toMatch(/Saved at/);

    await tab.context.setOffline(true);
    await page.keyboard.type(' Typed while offline: لا اتصال.');
    await expect.poll(() => status().innerText(), { timeout: 20_000 }).toMatch(/Offline/);
    const kept = await page.evaluate((id) => localStorage.getItem(`arabpress:draft:${id}`), articleId);
    expect(kept).toContain('Typed while offline');

    await tab.context.setOffline(false);
    await expect.poll(() => status().innerText(), { timeout: 30_000 }).toMatch(/Saved at/);
    await expect.poll(() => page.evaluate((id) => localStorage.getItem(`arabpress:draft:${id}`), articleId), { timeout: 10_000 }).toBeNull();
  });

  it('publishes exactly what the preview showed', async () => {
    await page.goto(`${server.baseUrl}/admin/articles/${articleId}/preview`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    previewBody = await page.locator('.article__body').innerHTML();
    expect(previewBody).toContain('Typed while offline: لا اتصال.');
    await page.goto(`${server.baseUrl}/admin/articles/${articleId}/edit`);
    await page.locator('.editor-content').waitFor();
    await Promise.all([page.waitForURL(/\/edit$/), page.getByRole('button', { name: 'Publish', exact: true }).click()]);
    const link = page.getByRole('link', { name: 'View on site' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/politics\//);
    await page.goto(server.baseUrl + href!);
    expect(await page.locator('h1').innerText()).toBe('Gulf leaders meet in Riyadh — قمة الرياض');
    expect(await page.locator('.article__body').innerHTML()).toBe(previewBody);
    expect(previewBody).toMatch(/<h2[^>]*>What comes next<\/h2>/);
    expect(previewBody).toContain('<cite>A Gulf minister</cite>');
    expect(previewBody).toMatch(/<img[^>]*alt="Leaders at the summit table"/);
    await expectAccessible(href!);
  });

  it('lists every step in the revision history', async () => {
    await page.goto(`${server.baseUrl}/admin/articles/${articleId}/revisions`);
    const kinds = await page.locator('tr.revision td:nth-child(6)').allInnerTexts();
    expect(kinds).toContain('save');
    expect(kinds).toContain('autosave');
    expect(kinds).toContain('status change');
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    await expectAccessible('/admin/articles/:id/revisions');
  });

  it('works in Arabic, right to left, by keyboard, with no serious accessibility problem', async () => {
    await page.goto(`${server.baseUrl}/admin`);
    await Promise.all([page.waitForURL(`${server.baseUrl}/admin`), page.locator('.admin-header__tools button[lang="ar"]').click()]);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').innerText()).toBe('لوحة التحكم');
    // An integration for a partner, so its page shows keys when it is checked below.
    await page.goto(`${server.baseUrl}/admin/integrations`);
    await page.fill('#integration-name', 'تطبيق الهاتف');
    await Promise.all([page.waitForEvent('load'), page.locator('form[action="/admin/integrations"] button').click()]);
    expect(await page.locator('[role="status"]').innerText()).toContain('أُنشئ التكامل');
    await expect.poll(() => page.locator('.integration code').count()).toBe(3);
    // Its webhooks page, with a webhook on it (secret shown) and an empty delivery log.
    await Promise.all([page.waitForEvent('load'), page.locator('a[href$="/webhooks"]').click()]);
    const webhooksPath = new URL(page.url()).pathname;
    await page.selectOption('#webhook-event', 'post.published');
    await page.fill('#webhook-url', 'https://partner.example/hooks');
    await Promise.all([page.waitForEvent('load'), page.locator('form[action$="/webhooks"] button').click()]);
    expect(await page.locator('[role="status"]').innerText()).toContain('أُضيف الخطاف');
    for (const path of ['/admin', `/admin/articles/${articleId}/edit`, '/admin/settings', '/admin/integrations', webhooksPath, '/admin/staff', '/admin/sections', '/admin/tags', '/admin/people', '/admin/media', '/admin/audit', '/admin/account']) {
      await page.goto(server.baseUrl + path);
      expect(await page.locator('html').getAttribute('lang'), path).toBe('ar');
      await expectAccessible(path);
    }
    // And the webhooks page left to right, in English.
    await page.goto(server.baseUrl + webhooksPath);
    await Promise.all([page.waitForEvent('load'), page.locator('.admin-header__tools button[lang="en"]').click()]);
    await page.goto(server.baseUrl + webhooksPath);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('h2').last().innerText()).toBe('Recent deliveries');
    await expectAccessible(webhooksPath);
    await page.goto(`${server.baseUrl}/admin`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    // Sign out, by keyboard, from the header.
    await page.locator('.admin-header__tools form[action="/admin/sign-out"] button').focus();
    await Promise.all([page.waitForURL(/\/admin\/sign-in/), page.keyboard.press('Enter')]);
    await expectAccessible('/admin/sign-in');
    await page.goto(`${server.baseUrl}/admin/password/forgot`);
    await expectAccessible('/admin/password/forgot');
    expect(tab.foreignRequests).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, launchBrowser, openReaderTab, seriousAxeViolations, type ReaderTab } from './browser.js';
import { ownerFromSetupLink } from './newsroom-kit.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The newsroom's subscriber pages in Chromium against the real server: the owner imports subscribers
 * from a CSV file (preview, then confirm), finds them with the filter form (no JavaScript needed),
 * unsubscribes one, suppresses an address; then the same pages in Arabic, right to left, with a
 * malformed file refused in Arabic. axe checks every page in both languages.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
let server: RunningServer;
let browser: Browser;
let tab: ReaderTab;
let page: Page;
let subscriberPath = '';

async function expectAccessible(what: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(what, violations)).toEqual([]);
}

const CSV = ['email,language,lists', 'amal@example.com,ar,daily;weekly:politics', 'ben@example.com,en,breaking', 'carla@example.com,,', 'not-an-address,en,daily', 'ben@example.com,en,daily'].join('\n');

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(TEST_DB), launchBrowser()]);
  tab = await openReaderTab(browser, server.baseUrl, { width: 1280, height: 900 });
  page = tab.page;
  await ownerFromSetupLink(page, server, { name: 'Maha Saleh', email: 'maha@example.com', password: 'a long enough passphrase' });
}, 120_000);

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await server?.stop();
});

describe(`newsletter subscribers in the newsroom (${TEST_DB})`, () => {
  it('imports a CSV file after a preview that lists the rejected rows', async () => {
    await tab.visit('/admin/newsletters');
    expect(await page.locator('h1').innerText()).toBe('Newsletters');
    await expectAccessible('/admin/newsletters');
    await Promise.all([page.waitForURL(/\/admin\/newsletters\/subscribers$/), page.getByRole('link', { name: 'Subscribers', exact: true }).last().click()]);
    await expectAccessible('/admin/newsletters/subscribers (empty)');
    await Promise.all([page.waitForURL(/\/subscribers\/import$/), page.getByRole('link', { name: 'Import subscribers from a CSV file' }).click()]);
    await expectAccessible('/admin/newsletters/subscribers/import');
    await page.setInputFiles('#import-file', { name: 'readers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByLabel('English').check();
    await page.getByLabel('Daily digest').check();
    await page.getByLabel('Breaking news').check();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Preview the import' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Check the import');
    expect(await page.locator('[data-count="add"]').innerText()).toBe('3');
    expect(await page.locator('tr.rejected-row').allInnerTexts()).toEqual([expect.stringContaining('Not a valid email address'), expect.stringContaining('The same address is already on line 3')]);
    await expectAccessible('import preview');
    await Promise.all([page.waitForURL(/\/admin\/newsletters\/subscribers\?imported=3/), page.getByRole('button', { name: 'Import 3 subscribers' }).click()]);
    expect(await page.locator('[role="status"].notice').innerText()).toBe('Import done: 3 new subscribers, 0 updated.');
    expect(await page.locator('tr.subscriber').count()).toBe(3);
    await expectAccessible('/admin/newsletters/subscribers');
  });

  it('filters with the form, opens a subscriber, and unsubscribes them', async () => {
    await page.selectOption('#subscriber-language', 'ar');
    await Promise.all([page.waitForURL(/language=ar/), page.getByRole('button', { name: 'Show' }).click()]);
    expect(await page.locator('.newsletter-count').innerText()).toBe('Matching subscribers: 1');
    await Promise.all([page.waitForURL(/\/subscribers\/[^/?]+$/), page.getByRole('link', { name: 'amal@example.com' }).click()]);
    subscriberPath = new URL(page.url()).pathname;
    expect(await page.locator('tr.consent').count()).toBe(1);
    await expectAccessible('subscriber page');
    await Promise.all([page.waitForURL(/\?unsubscribed=1$/), page.getByRole('button', { name: 'Unsubscribe this address' }).click()]);
    expect(await page.locator('tr.consent td:nth-child(2)').allInnerTexts()).toEqual(['Imported', 'Unsubscribed']);
    await tab.visit('/admin/newsletters');
    expect(await page.locator('[data-total="active"]').innerText()).toBe('2');
    expect(await page.locator('[data-total="unsubscribed"]').innerText()).toBe('1');
  });

  it('suppresses an address by hand and shows the bounce webhook', async () => {
    await tab.visit('/admin/newsletters/suppressions');
    await page.fill('#suppress-email', 'ben@example.com');
    await page.fill('#suppress-note', 'Asked by phone');
    await Promise.all([page.waitForURL(/added=1/), page.getByRole('button', { name: 'Suppress', exact: true }).click()]);
    expect(await page.locator('tr.suppression').allInnerTexts()).toEqual([expect.stringContaining('ben@example.com')]);
    expect(await page.locator('.webhook-url').innerText()).toBe(`${server.baseUrl}/newsletter/bounces`);
    await expectAccessible('/admin/newsletters/suppressions');
  });

  it('works in Arabic, right to left, and refuses a malformed file in Arabic', async () => {
    await tab.visit('/admin/newsletters');
    await Promise.all([page.waitForEvent('load'), page.locator('.admin-header__tools button[lang="ar"]').click()]);
    await tab.visit('/admin/newsletters');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').innerText()).toBe('النشرات البريدية');
    for (const path of ['/admin/newsletters', '/admin/newsletters/subscribers', '/admin/newsletters/subscribers?status=active&language=en', subscriberPath, '/admin/newsletters/subscribers/import', '/admin/newsletters/suppressions']) {
      await tab.visit(path);
      expect(await page.locator('html').getAttribute('lang'), path).toBe('ar');
      await expectAccessible(`${path} (ar)`);
    }
    await tab.visit('/admin/newsletters/subscribers/import');
    await page.setInputFiles('#import-file', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('email\n"broken@example.com\n') });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'عاين الاستيراد' }).click()]);
    expect(await page.locator('[role="alert"]').innerText()).toContain('تعذَّرت قراءة الملف بصيغة CSV');
    await expectAccessible('import error (ar)');
    // A good file previews in Arabic too.
    await page.setInputFiles('#import-file', { name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from('dina@example.com,ar,daily\nben@example.com,en,daily\n') });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'عاين الاستيراد' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('راجع الاستيراد');
    expect(await page.locator('tr.rejected-row').innerText()).toContain('هذا العنوان محظور');
    await expectAccessible('import preview (ar)');
    expect(tab.foreignRequests).toEqual([]);
    // The refused file's page answers 422 on purpose; Chromium logs that status as a console error.
    expect(tab.consoleErrors.filter((e) => !/status of 422 .*\/admin\/newsletters\/subscribers\/import\)$/.test(e))).toEqual([]);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, launchBrowser, openReaderTab, seriousAxeViolations, type ReaderTab } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Search as a reader uses it in Chromium, over the demo newsroom: results while typing in the
 * masthead (keyboard and mouse), the results page with its filters and marked snippets, in Arabic
 * (right to left, on a phone) and English (desktop), and the plain form without JavaScript.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const [started, launched] = await Promise.allSettled([startServer(TEST_DB), launchBrowser()]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectAccessible(tab: ReaderTab): Promise<void> {
  const violations = await seriousAxeViolations(tab.page);
  expect(violations, describeViolations(tab.page.url(), violations)).toEqual([]);
}

describe('search in the browser', () => {
  it('suggests Arabic stories while typing on a phone, and opens one with the keyboard', async () => {
    const tab = await openReaderTab(browser, server.baseUrl, { width: 375, height: 812 });
    try {
      await tab.visit('/ar/');
      const box = tab.page.locator('#site-search');
      await box.click();
      await box.pressSequentially('غز', { delay: 40 });
      const list = tab.page.locator('#site-search-results');
      await expect.poll(() => list.isVisible(), { timeout: 10_000 }).toBe(true);
      const options = list.locator('[role="option"]');
      await expect.poll(() => options.count()).toBeGreaterThan(1);
      const first = (await options.first().locator('.instant-results__headline').innerText()).trim();
      expect(first).toMatch(/غزة/);
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      // Inside the phone's width, and right to left.
      const rect = await list.boundingBox();
      expect(rect && rect.x >= -1 && rect.x + rect.width <= 376).toBe(true);
      expect(await list.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      await expectAccessible(tab);
      await box.press('ArrowDown');
      expect(await box.getAttribute('aria-activedescendant')).toBe('site-search-result-0');
      await Promise.all([tab.page.waitForURL((url) => url.pathname.startsWith('/ar/') && url.pathname !== '/ar/'), box.press('Enter')]);
      expect((await tab.page.locator('h1').first().innerText()).trim()).toBe(first);
      expect(tab.foreignRequests).toEqual([]);
      expect(tab.consoleErrors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('shows English results with marked words, refines them by section, and closes suggestions with Escape', async () => {
    const tab = await openReaderTab(browser, server.baseUrl, { width: 1280, height: 800 });
    try {
      await tab.visit('/');
      const box = tab.page.locator('#site-search');
      await box.fill('red sea');
      const list = tab.page.locator('#site-search-results');
      await expect.poll(() => list.isVisible(), { timeout: 10_000 }).toBe(true);
      await box.press('Escape');
      expect(await list.isVisible()).toBe(false);
      await Promise.all([tab.page.waitForURL(/\/search\?q=red\+sea/), box.press('Enter')]);
      const summary = (await tab.page.locator('.search-page__summary').innerText()).trim();
      expect(summary).toMatch(/^Results for “red sea”: \d+$/);
      const hits = tab.page.locator('.search-hit');
      expect(await hits.count()).toBeGreaterThan(1);
      expect((await tab.page.locator('.search-hit mark').allInnerTexts()).map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['red', 'sea']));
      expect(await tab.page.locator('#search-q').inputValue()).toBe('red sea');
      await expectAccessible(tab);
      // Refine: the economy section only.
      await tab.page.locator('.search-page__filters summary').click();
      await tab.page.locator('select[name="section"]').selectOption('economy');
      await Promise.all([tab.page.waitForURL(/section=economy/), tab.page.locator('.search-page__form button[type="submit"]').click()]);
      const sections = await tab.page.locator('.search-hit .story__section').allInnerTexts();
      expect(sections.length).toBeGreaterThan(0);
      expect(new Set(sections.map((s) => s.trim().toLowerCase()))).toEqual(new Set(['economy'])); // shown in capitals by the stylesheet
      expect(tab.consoleErrors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('searches with the plain form when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/ar/`);
      await page.locator('#site-search').fill('السويس');
      await Promise.all([page.waitForURL(/\/ar\/search\?q=/), page.locator('#site-search').press('Enter')]);
      expect(await page.locator('.search-hit .story__headline').first().innerText()).toMatch(/السويس/);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    } finally {
      await context.close();
    }
  });
});

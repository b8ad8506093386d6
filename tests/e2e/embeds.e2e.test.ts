import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, launchBrowser, openReaderTab, seriousAxeViolations } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Embedded videos on the real server in Chromium, on the demo's English and Arabic stories about Arabic
 * language models: nothing is requested from the provider until the reader clicks (or presses Enter);
 * then the provider's frame loads (answered here by a local page: no real network).
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
const FRAME = 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE';
let server: RunningServer;
let browser: Browser;

async function firstResult(searchPath: string): Promise<string> {
  const html = await (await fetch(`${server.baseUrl}${searchPath}`)).text();
  return /class="story__headline"[^>]*>\s*<a href="([^"]+)"/.exec(html)![1]!;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(TEST_DB), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('click-to-load embeds', () => {
  for (const [lang, query, width, useKeyboard] of [
    ['en', '/search?q=arabic+language+model', 1280, false],
    ['ar', `/ar/search?q=${encodeURIComponent('نماذج لغوية')}`, 375, true],
  ] as const) {
    it(`makes no request to the provider until the reader asks (${lang}, ${useKeyboard ? 'keyboard' : 'mouse'})`, async () => {
      const tab = await openReaderTab(browser, server.baseUrl, { width, height: 800 });
      try {
        const providerRequests: string[] = [];
        await tab.page.route('https://www.youtube-nocookie.com/**', (route) => {
          providerRequests.push(route.request().url());
          return route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>player</title><p id="stub">the provider’s player</p>' });
        });
        await tab.visit(await firstResult(query));
        const figure = tab.page.locator('figure.embed').first();
        await figure.waitFor();
        // The placeholder: provider, link, a note on what loading means, a button; nothing fetched yet.
        expect(await figure.locator('a').getAttribute('href')).toBe('https://www.youtube.com/watch?v=M7lc1UVf-VE');
        expect(await figure.locator('.embed__note').innerText()).toContain('YouTube');
        const button = figure.locator('.embed__load');
        expect(await button.innerText()).toContain('YouTube');
        expect(providerRequests).toEqual([]);
        expect(tab.foreignRequests).toEqual([]);
        expect(await tab.page.locator('iframe').count()).toBe(0);
        if (lang === 'ar') expect(await figure.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
        const violations = await seriousAxeViolations(tab.page);
        expect(violations, describeViolations(tab.page.url(), violations)).toEqual([]);

        if (useKeyboard) {
          await button.focus();
          await tab.page.keyboard.press('Enter');
        } else await button.click();
        const frame = tab.page.locator('figure.embed iframe');
        await frame.waitFor();
        expect(await frame.getAttribute('src')).toBe(FRAME);
        expect(await frame.getAttribute('title')).toContain('YouTube');
        await expect.poll(() => providerRequests.length).toBeGreaterThan(0);
        expect(providerRequests[0]).toBe(FRAME);
        expect(await tab.page.frameLocator('figure.embed iframe').locator('#stub').innerText()).toBe('the provider’s player');
        expect(await button.count()).toBe(0);
        expect(tab.consoleErrors.filter((e) => /Content Security Policy/.test(e))).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }

  it('sends the embed script only to pages with embeds', async () => {
    const withEmbed = await (await fetch(server.baseUrl + (await firstResult('/search?q=arabic+language+model')))).text();
    expect(withEmbed).toMatch(/<script type="module" src="\/assets\/site-embeds\.[^"]+\.js"/);
    expect(await (await fetch(`${server.baseUrl}/`)).text()).not.toContain('site-embeds');
  });
});

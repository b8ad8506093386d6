import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, launchBrowser, openReaderTab, seriousAxeViolations } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The Listen player on the real server, with audio the server's own worker made from the demo
 * articles (espeak-ng and ffmpeg): play, seek, speed, ±15 s, close, keyboard only, mirrored in Arabic.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
let server: RunningServer;
let browser: Browser;
const withAudio: Record<'en' | 'ar', string> = { en: '', ar: '' };

/** The first story in the language's podcast feed: one whose audio the worker has made. */
async function firstEpisode(lang: 'en' | 'ar'): Promise<string | undefined> {
  const xml = await (await fetch(`${server.baseUrl}${lang === 'ar' ? '/ar' : ''}/podcast.xml`)).text();
  const link = /<item><title>[^<]*<\/title><link>([^<]+)<\/link>/.exec(xml)?.[1];
  return link ? new URL(link).pathname : undefined;
}

beforeAll(async () => {
  const [started, launched] = await Promise.allSettled([startServer(TEST_DB, { env: { AUDIO_PROVIDER: 'auto' } }), launchBrowser()]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
  // The worker speaks the demo articles one after another from the start; wait for one in each language.
  const deadline = Date.now() + 110_000;
  while ((!withAudio.en || !withAudio.ar) && Date.now() < deadline) {
    withAudio.en ||= (await firstEpisode('en')) ?? '';
    withAudio.ar ||= (await firstEpisode('ar')) ?? '';
    if (!withAudio.en || !withAudio.ar) await new Promise((r) => setTimeout(r, 1000));
  }
  if (!withAudio.en || !withAudio.ar) throw new Error(`no audio was made within 110 s:\n${server.output().slice(-2000)}`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the Listen player', () => {
  it('plays, seeks, changes speed, skips and closes, with the mouse, in English on a desktop', async () => {
    const tab = await openReaderTab(browser, server.baseUrl, { width: 1280, height: 800 });
    try {
      await tab.visit(withAudio.en);
      const start = tab.page.locator('.listen__start');
      expect(await start.innerText()).toMatch(/Listen\s*(Duration\s*)?\d+:\d\d/);
      // Where the content after the player sits on the page (not on the screen: clicking may scroll).
      const below = () => tab.page.evaluate(() => {
        const next = document.querySelector('.listen')!.closest('header')!.nextElementSibling!;
        return next.getBoundingClientRect().top + window.scrollY;
      });
      const before = await below();
      await start.click();
      const player = tab.page.locator('.player');
      await expect.poll(() => player.isVisible()).toBe(true);
      await expect.poll(() => tab.page.evaluate(() => Number(document.querySelector<HTMLInputElement>('.player__seek')!.value)), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await tab.page.locator('.player__play').getAttribute('aria-label')).toBe('Pause');
      // Opening the player moved nothing below it.
      expect(await below()).toBe(before);
      await tab.page.locator('.player__speed').click();
      expect(await tab.page.locator('.player__speed').innerText()).toBe('1.25×');
      await tab.page.locator('.player__play').click();
      const paused = await tab.page.evaluate(() => Number(document.querySelector<HTMLInputElement>('.player__seek')!.value));
      await tab.page.locator('.player__forward').click();
      expect(await tab.page.evaluate(() => Number(document.querySelector<HTMLInputElement>('.player__seek')!.value))).toBeGreaterThanOrEqual(Math.min(paused + 14, Number(await tab.page.locator('.player__seek').getAttribute('max'))));
      expect(await tab.page.locator('.player__time').innerText()).toMatch(/^\d+:\d\d \/ \d+:\d\d$/);
      const violations = await seriousAxeViolations(tab.page);
      expect(violations, describeViolations(tab.page.url(), violations)).toEqual([]);
      await tab.page.locator('.player__close').click();
      expect(await player.count()).toBe(0);
      expect(await start.isVisible()).toBe(true);
      expect(tab.consoleErrors).toEqual([]);
      expect(tab.foreignRequests).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('works with the keyboard alone, mirrored, in Arabic on a phone', async () => {
    const tab = await openReaderTab(browser, server.baseUrl, { width: 375, height: 812 });
    try {
      await tab.visit(withAudio.ar);
      const start = tab.page.locator('.listen__start');
      expect(await start.innerText()).toContain('استمع');
      await start.focus();
      await tab.page.keyboard.press('Enter');
      const play = tab.page.locator('.player__play');
      await expect.poll(() => play.evaluate((el) => el === document.activeElement)).toBe(true);
      await expect.poll(() => play.getAttribute('aria-label'), { timeout: 15_000 }).toBe('إيقاف مؤقت');
      await tab.page.keyboard.press('Space'); // pause
      await expect.poll(() => play.getAttribute('aria-label')).toBe('تشغيل');
      // Mirrored: back (first in reading order) sits to the right of play.
      const back = await tab.page.locator('.player__back').boundingBox();
      const playBox = await play.boundingBox();
      expect(back!.x).toBeGreaterThan(playBox!.x);
      expect(await tab.page.locator('.player').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      // Seek with the arrow keys on the seek bar.
      const seek = tab.page.locator('.player__seek');
      expect(await seek.getAttribute('aria-label')).toBe('الموضع');
      await seek.focus();
      const at = Number(await seek.inputValue());
      await tab.page.keyboard.press('End');
      expect(Number(await seek.inputValue())).toBeGreaterThan(at);
      // Close with the keyboard: focus returns to Listen.
      await tab.page.locator('.player__close').focus();
      await tab.page.keyboard.press('Enter');
      await expect.poll(() => start.evaluate((el) => el === document.activeElement)).toBe(true);
      const violations = await seriousAxeViolations(tab.page);
      expect(violations, describeViolations(tab.page.url(), violations)).toEqual([]);
      expect(tab.consoleErrors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

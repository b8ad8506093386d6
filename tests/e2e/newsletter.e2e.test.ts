import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Language } from '../../src/platform/i18n/i18n.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../src/platform/mail/test-smtp-receiver.js';
import { describeViolations, launchBrowser, openReaderTab, SCREENSHOT_DIR, seriousAxeViolations } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Newsletters as a reader meets them on the real server in Chromium: the signup dialog on article
 * pages (only after the first screen, × closes it for good, once a session, right to left in
 * Arabic, no accessibility problem while open), and /newsletter, the emailed confirmation link and
 * the preferences page in both languages. The server mails through a real SMTP server on loopback.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const LANGUAGES: Language[] = ['en', 'ar'];
const ARABIC_LETTER = /[\u0621-\u064A]/;
/**
 * How long a confirmation email may take: the server's one job queue first works through what the
 * demo seed queued (image variants, search index), which on a busy machine takes a while.
 */
const MAIL_WAIT_MS = 90_000;
const prefix = (lang: Language) => (lang === 'ar' ? '/ar' : '');

let server: RunningServer;
let browser: Browser;
let smtp: SmtpReceiver;
/** Demo stories long enough that, one screen down, the signup box at their end is still out of sight. */
const stories: Record<Language, string[]> = { en: [], ar: [] };

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, describeViolations(page.url(), violations)).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${TEST_DB}-signup-${name}.png`) });
}

const dialogOpen = (page: Page) => page.evaluate(() => document.querySelector<HTMLDialogElement>('dialog#newsletter-modal')?.open ?? false);

/** Scrolls (instantly, whatever the stylesheet's smooth scrolling) to `y` and lets scroll handlers run. */
async function scrollTo(page: Page, y: number): Promise<void> {
  await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** One screen and a bit down: the first screen is out of view, the box at the end not yet in it. */
async function scrollPastFirstScreen(page: Page): Promise<void> {
  const y = await page.evaluate(() => window.innerHeight + 40);
  await scrollTo(page, y);
}

/** Stories listed in the economy section, in the language, whose signup box lies more than two screens down. */
async function longStories(lang: Language, screen: { width: number; height: number }): Promise<string[]> {
  const tab = await openReaderTab(browser, server.baseUrl, screen);
  try {
    await tab.visit(`${prefix(lang)}/economy/`);
    const links = await tab.page.$$eval('main a[href]', (as) => [...new Set(as.map((a) => a.getAttribute('href') ?? ''))]);
    const section = `${prefix(lang)}/economy/`;
    const found: string[] = [];
    for (const href of links.filter((h) => decodeURI(h).startsWith(section) && h !== section)) {
      await tab.visit(href);
      const room = await tab.page.evaluate(() => (document.querySelector('section.newsletter')?.getBoundingClientRect().top ?? 0) - 2 * window.innerHeight - 40);
      if (room > 0) found.push(href);
      if (found.length === 3) break;
    }
    if (found.length < 2) throw new Error(`fewer than two long ${lang} stories in ${section}`);
    return found;
  } finally {
    await tab.close();
  }
}

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  const [started, launched] = await Promise.allSettled([startServer(TEST_DB, { env: { SMTP_URL: smtp.url } }), launchBrowser()]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
  for (const lang of LANGUAGES) stories[lang] = await longStories(lang, DESKTOP);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe('the signup dialog on article pages', () => {
  for (const lang of LANGUAGES) {
    const t = createTranslator(lang);

    it(`${lang}: appears only past the first screen, is accessible, and once closed with × stays closed on the next story`, async () => {
      const tab = await openReaderTab(browser, server.baseUrl, DESKTOP);
      const { page } = tab;
      try {
        await tab.visit(stories[lang][0]!);
        const scripts = await page.$$eval('script[type="module"][src]', (s) => s.map((e) => e.getAttribute('src') ?? ''));
        expect(scripts.some((src) => src.includes('/site-newsletter.')), `the dialog's script (site-newsletter) is not on the article page; scripts: ${scripts.join(', ')}`).toBe(true);
        // Not on arrival, not after a while, not within the first screen.
        await page.waitForTimeout(600);
        expect(await dialogOpen(page), 'open on arrival').toBe(false);
        await scrollTo(page, await page.evaluate(() => Math.floor(window.innerHeight * 0.8)));
        await page.waitForTimeout(300);
        expect(await dialogOpen(page), 'open within the first screen').toBe(false);

        await scrollPastFirstScreen(page);
        await expect.poll(() => dialogOpen(page), { timeout: 5_000 }).toBe(true);
        const dialog = page.getByRole('dialog', { name: t.t('newsletter.modal.title') });
        expect(await dialog.isVisible()).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.id), 'focus moved into the dialog').toBe('newsletter-modal');
        // In the reader's language and direction, inside the screen.
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('dialog#newsletter-modal')!).direction)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        const title = (await dialog.locator('h2').innerText()).trim();
        expect(title).toBe(t.t('newsletter.modal.title'));
        expect(ARABIC_LETTER.test(title)).toBe(lang === 'ar');
        expect(await dialog.getByLabel(t.t('newsletter.email')).isVisible()).toBe(true);
        const close = dialog.getByRole('button', { name: t.t('newsletter.modal.close') });
        expect(await close.isVisible()).toBe(true);
        const box = (await dialog.boundingBox())!;
        const closeBox = (await close.boundingBox())!;
        expect(box.x >= 0 && box.x + box.width <= DESKTOP.width && box.y >= 0 && box.y + box.height <= DESKTOP.height, `dialog inside the screen: ${JSON.stringify(box)}`).toBe(true);
        // The × sits at the end of the line: right in English, left in Arabic.
        const closeOnRight = closeBox.x + closeBox.width / 2 > box.x + box.width / 2;
        expect(closeOnRight, `× on the ${closeOnRight ? 'right' : 'left'}`).toBe(lang === 'en');
        await expectAccessible(page);
        await screenshot(page, `dialog-${lang}`);

        await close.click();
        expect(await dialogOpen(page)).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.closest('dialog') ?? null), 'focus left the closed dialog').toBeNull();

        // The next story in the same session: scrolling past its first screen brings nothing.
        await tab.visit(stories[lang][1]!);
        await scrollPastFirstScreen(page);
        await page.waitForTimeout(600);
        expect(await dialogOpen(page), 'shown again after ×').toBe(false);
        expect(tab.consoleErrors).toEqual([]);
        expect(tab.foreignRequests).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }

  it('closes on Escape, and shows once a session even when left open', async () => {
    const tab = await openReaderTab(browser, server.baseUrl, DESKTOP);
    const { page } = tab;
    try {
      await tab.visit(stories.en[0]!);
      await scrollPastFirstScreen(page);
      await expect.poll(() => dialogOpen(page)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await dialogOpen(page)).toBe(false);
    } finally {
      await tab.close();
    }
    const other = await openReaderTab(browser, server.baseUrl, DESKTOP);
    try {
      await other.visit(stories.en[0]!);
      await scrollPastFirstScreen(other.page);
      await expect.poll(() => dialogOpen(other.page)).toBe(true);
      // The reader follows a link without closing it: the next page does not ask again.
      await other.visit(stories.en[1]!);
      await scrollPastFirstScreen(other.page);
      await other.page.waitForTimeout(600);
      expect(await dialogOpen(other.page)).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('never appears for a reader who came from one of our emails, nor without JavaScript', async () => {
    const tab = await openReaderTab(browser, server.baseUrl, PHONE);
    try {
      await tab.visit(`${stories.ar[0]!}?utm_source=newsletter&utm_medium=email`);
      await scrollPastFirstScreen(tab.page);
      await tab.page.waitForTimeout(600);
      expect(await dialogOpen(tab.page)).toBe(false);
    } finally {
      await tab.close();
    }
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    try {
      const page = await context.newPage();
      await page.goto(server.baseUrl + stories.en[0]!);
      await page.evaluate(() => window.scrollTo(0, window.innerHeight + 40)).catch(() => {});
      expect(await page.locator('dialog#newsletter-modal').isVisible()).toBe(false);
      // The box at the end of the story is the way to sign up.
      await page.locator('form.newsletter__form').scrollIntoViewIfNeeded();
      expect(await page.locator('form.newsletter__form').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('signs the reader up from the dialog: the page says to check the inbox, and the email comes', async () => {
    const tab = await openReaderTab(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const address = `dialog-${TEST_DB}-${Date.now()}@example.com`;
    try {
      await tab.visit(stories.ar[0]!);
      await scrollPastFirstScreen(page);
      await expect.poll(() => dialogOpen(page)).toBe(true);
      await expectAccessible(page);
      await screenshot(page, 'dialog-ar-phone');
      const t = createTranslator('ar');
      await page.locator('#newsletter-modal-email').fill(address);
      await Promise.all([page.waitForURL((url) => url.pathname === '/ar/newsletter'), page.locator('.newsletter-modal__form button[type="submit"]').click()]);
      expect((await page.locator('.newsletter--done .notice').innerText()).trim()).toBe(t.t('newsletter.thanks'));
      await expect.poll(() => smtp.received.filter((m) => m.envelope.to.includes(address)).length, { timeout: MAIL_WAIT_MS }).toBe(1);
    } finally {
      await tab.close();
    }
  }, MAIL_WAIT_MS + 60_000);
});

describe('/newsletter, the confirmation link and the preferences page', () => {
  for (const lang of LANGUAGES) {
    const t = createTranslator(lang);
    for (const screen of [PHONE, DESKTOP]) {
      it(`${lang}, ${screen.width} px: sign up with chosen lists, confirm from the email, change the choice, unsubscribe`, async () => {
        const tab = await openReaderTab(browser, server.baseUrl, screen);
        const { page } = tab;
        const address = `page-${TEST_DB}-${lang}-${screen.width}-${Date.now()}@example.com`;
        const fitsScreen = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling').toBe(true);
        try {
          await tab.visit(`${prefix(lang)}/newsletter`);
          expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === 'ar' ? 'rtl' : 'ltr']);
          const daily = page.getByLabel(lang === 'ar' ? 'الموجز اليومي' : 'Daily digest');
          const breaking = page.getByLabel(lang === 'ar' ? 'الأخبار العاجلة' : 'Breaking news');
          const weekly = page.getByLabel(lang === 'ar' ? 'اقتصاد هذا الأسبوع' : 'Economy this week');
          expect([await daily.isChecked(), await breaking.isChecked(), await weekly.isChecked()]).toEqual([true, true, false]);
          await fitsScreen();
          await expectAccessible(page);
          await screenshot(page, `page-${lang}-${screen.width}`);

          await page.getByLabel(t.t('newsletter.email')).fill(address);
          await breaking.uncheck();
          await weekly.check();
          await Promise.all([page.waitForURL((url) => url.pathname === `${prefix(lang)}/newsletter`), page.getByRole('button', { name: t.t('newsletter.submit'), exact: true }).click()]);
          const notice = (await page.locator('.newsletter--done .notice').innerText()).trim();
          expect(notice).toBe(t.t('newsletter.thanks'));

          // The server's worker sends the confirmation email; follow its link.
          await expect.poll(() => smtp.received.filter((m) => m.envelope.to.includes(address)).length, { timeout: MAIL_WAIT_MS }).toBe(1);
          const mail = smtp.received.find((m) => m.envelope.to.includes(address))!;
          const link = /https?:\/\/[^\s>\]]+\/newsletter\/confirm\?token=[A-Za-z0-9._~%-]+/.exec(mail.parsed.text ?? '')?.[0];
          expect(link, 'a confirmation link in the email').toBeDefined();
          await tab.visit(new URL(link!).pathname + new URL(link!).search);
          expect((await page.locator('h1').innerText()).trim()).toBe(t.t('newsletter.confirmed.title'));
          const chosen = (await page.locator('.newsletter__chosen li').allInnerTexts()).map((s) => s.trim());
          expect(chosen).toEqual(lang === 'ar' ? ['الموجز اليومي', 'اقتصاد هذا الأسبوع'] : ['Daily digest', 'Economy this week']);
          await expectAccessible(page);

          // Preferences: what was confirmed is ticked; change it.
          await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/newsletter/preferences')), page.getByRole('link', { name: t.t('newsletter.preferencesLink') }).click()]);
          expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          expect((await page.locator('h1').innerText()).trim()).toBe(t.t('newsletter.prefs.title'));
          expect([await daily.isChecked(), await breaking.isChecked(), await weekly.isChecked()]).toEqual([true, false, true]);
          await fitsScreen();
          await expectAccessible(page);
          await screenshot(page, `preferences-${lang}-${screen.width}`);
          await daily.uncheck();
          await breaking.check();
          await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/newsletter/preferences')), page.getByRole('button', { name: t.t('newsletter.prefs.save'), exact: true }).click()]);
          expect((await page.locator('.notice').first().innerText()).trim()).toBe(t.t('newsletter.prefs.saved'));
          expect([await daily.isChecked(), await breaking.isChecked(), await weekly.isChecked()]).toEqual([false, true, true]);

          // The separate Unsubscribe button.
          await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/newsletter/unsubscribe')), page.getByRole('button', { name: t.t('newsletter.unsubscribe.button'), exact: true }).click()]);
          expect((await page.locator('h1').innerText()).trim()).toBe(t.t('newsletter.unsubscribe.doneTitle'));
          await expectAccessible(page);
          expect(tab.consoleErrors).toEqual([]);
          expect(tab.foreignRequests).toEqual([]);
        } finally {
          await tab.close();
        }
      }, MAIL_WAIT_MS + 60_000);
    }
  }
});

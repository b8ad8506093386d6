import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, directionOf, type Language } from '../../src/platform/i18n/i18n.js';
import { describeViolations, launchBrowser, openReaderTab, SCREENSHOT_DIR, seriousAxeViolations, type ReaderTab } from './browser.js';
import { startServer, type RunningServer } from './server.js';

/**
 * What a reader sees on the real server in Chromium: the front page and a translated story, on a
 * phone (375 px) and a desktop (1280 px), in English and Arabic.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
const SCREENS = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
] as const;
const LANGUAGES: Language[] = ['en', 'ar'];
const LANGUAGE_NAME: Record<Language, string> = { en: 'English', ar: 'Arabic' };
const SITE_NAME: Record<Language, string> = { en: 'Arab Press', ar: 'عرب برس' };
const MOTTO = 'بالشعب و للشعب';
const HOME: Record<Language, string> = { en: '/', ar: '/ar/' };
const NEWSLETTER: Record<Language, string> = { en: '/newsletter', ar: '/ar/newsletter' };
const ARABIC_LETTER = /[\u0621-\u064A]/;

const other = (lang: Language): Language => (lang === 'en' ? 'ar' : 'en');

let server: RunningServer;
let browser: Browser;
/** A demo story in the economy section that exists in both languages: its path in each. */
let story: Record<Language, string>;

// ---- helpers ---------------------------------------------------------------------------------

function samePath(a: string, b: string): boolean {
  return decodeURI(a) === decodeURI(b);
}

/** Western digits, whatever digits the site is set to show. */
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${TEST_DB}-${name}.png`), fullPage });
}

/** Follows a link in the same tab and waits until the new page has loaded. */
async function follow(page: Page, link: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 15_000 });
  await link.click();
  await navigated;
  await page.waitForLoadState('load');
}

async function htmlLangDir(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return page.evaluate(() => ({ lang: document.documentElement.getAttribute('lang'), dir: document.documentElement.getAttribute('dir') }));
}

/** Rendered, not hidden, at least a few pixels big, and inside the width of the screen. */
async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  expect(await locator.count(), `${what}: not on the page`).toBeGreaterThan(0);
  const first = locator.first();
  expect(await first.isVisible(), `${what}: present but not visible`).toBe(true);
  const box = await first.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, `${what}: has no layout box`).not.toBeNull();
  if (!box) return;
  expect(box.width > 2 && box.height > 2, `${what}: only ${box.width}×${box.height} px`).toBe(true);
  expect(box.x >= -1 && box.x + box.width <= width + 1, `${what}: lies outside the ${width} px screen (x=${box.x}, width=${box.width})`).toBe(true);
}

async function expectMasthead(page: Page, lang: Language): Promise<void> {
  await expectOnScreen(page, page.locator('header.masthead'), 'masthead');
  const name = page.locator('.masthead__name');
  await expectOnScreen(page, name, 'site name');
  expect((await name.innerText()).trim()).toBe(SITE_NAME[lang]);

  const motto = page.locator('.masthead__motto');
  await expectOnScreen(page, motto, 'motto');
  expect((await motto.innerText()).trim()).toBe(MOTTO);
  expect(await motto.getAttribute('lang'), 'motto lang').toBe('ar');
  expect(await motto.getAttribute('dir'), 'motto dir').toBe('rtl');

  const gregorian = page.locator('.masthead__date time');
  await expectOnScreen(page, gregorian, "today's Gregorian date");
  const day = (await gregorian.getAttribute('datetime')) ?? '';
  expect(day, 'Gregorian date datetime attribute').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(latinDigits(await gregorian.innerText()), 'Gregorian date shows the year').toContain(day.slice(0, 4));

  const hijri = page.locator('.masthead__hijri');
  await expectOnScreen(page, hijri, "today's Hijri date");
  // The Umm al-Qura year of the same day, e.g. 1448.
  const hijriYear = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === 'year')?.value;
  expect(hijriYear).toMatch(/^\d{4}$/);
  expect(latinDigits(await hijri.innerText()), 'Hijri date shows the Umm al-Qura year').toContain(hijriYear);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const r = await page.evaluate(() => {
    const vw = window.innerWidth;
    const sw = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (sw > vw) {
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const b = el.getBoundingClientRect();
        if (b.width > 0 && (b.right > vw + 1 || b.left < -1)) {
          culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} [${Math.round(b.left)}..${Math.round(b.right)}]`);
        }
        if (culprits.length >= 8) break;
      }
    }
    return { vw, sw, culprits };
  });
  expect(r.sw, `the page is ${r.sw} px wide on a ${r.vw} px screen; sticking out: ${r.culprits.join(', ')}`).toBeLessThanOrEqual(r.vw);
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations.length, describeViolations(page.url(), violations)).toBe(0);
}

/** The first story listed in the economy section whose page names an Arabic translation. */
async function findTranslatedStory(): Promise<Record<Language, string>> {
  const tab = await openReaderTab(browser, server.baseUrl, { width: 1280, height: 800 });
  try {
    await tab.visit('/economy/');
    const candidates = await tab.page.$$eval('main a[href^="/economy/"]', (links) => [...new Set(links.map((a) => a.getAttribute('href') ?? ''))]);
    for (const candidate of candidates.filter((p) => p !== '/economy/')) {
      await tab.visit(candidate);
      const alternate = tab.page.locator('link[rel="alternate"][hreflang="ar"]');
      if (await alternate.count()) return { en: candidate, ar: new URL((await alternate.getAttribute('href')) ?? '', server.baseUrl).pathname };
    }
    throw new Error(`none of the ${candidates.length} stories listed at /economy/ has an Arabic translation`);
  } finally {
    await tab.close();
  }
}

// ---- the tests -------------------------------------------------------------------------------

describe(`the reader site in Chromium (${TEST_DB})`, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // Both at once (each takes seconds); keep whichever started so afterAll can stop it.
    const [started, launched] = await Promise.allSettled([startServer(TEST_DB), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    story = await findTranslatedStory();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const { width, height } of SCREENS) {
    describe(`on a ${width} px wide screen`, () => {
      for (const lang of LANGUAGES) {
        const t = createTranslator(lang);
        const dir = directionOf(lang);
        const otherLang = other(lang);
        const written = `written ${dir === 'rtl' ? 'right to left' : 'left to right'}`;

        describe(`in ${LANGUAGE_NAME[lang]}`, () => {
          // One reader, one browser tab, going from page to page.
          let tab: ReaderTab;
          beforeAll(async () => {
            tab = await openReaderTab(browser, server.baseUrl, { width, height });
          });
          afterAll(async () => tab?.close());

          const expectNothingForeign = () => {
            expect(tab.foreignRequests, 'requests to other hosts').toEqual([]);
            expect(tab.consoleErrors, 'console errors').toEqual([]);
          };

          describe('the front page', () => {
            beforeAll(async () => {
              await tab.visit(HOME[lang]);
              await screenshot(tab.page, `${width}-${lang}-home`);
            });

            it(`is marked as ${LANGUAGE_NAME[lang]}, ${written}`, async () => {
              expect(await htmlLangDir(tab.page)).toEqual({ lang, dir });
            });

            it(`shows the masthead: "${SITE_NAME[lang]}", the Arabic motto, and today's Gregorian and Hijri dates`, async () => {
              await expectMasthead(tab.page, lang);
            });

            it('shows the lead story with its headline', async () => {
              await expectOnScreen(tab.page, tab.page.locator('.story--lead .story__headline a'), 'lead story headline');
            });

            it('fits the screen: no sideways scrolling', async () => {
              await expectNoSidewaysScroll(tab.page);
            });

            it('has no serious or critical accessibility problems (axe)', async () => {
              await expectAccessible(tab.page);
            });

            it('loads nothing from another host and shows no errors in the console', () => {
              expectNothingForeign();
            });

            it(`has a language switch to the ${LANGUAGE_NAME[otherLang]} front page`, async () => {
              const switcher = tab.page.locator('.lang-switch');
              await expectOnScreen(tab.page, switcher, 'language switch');
              await follow(tab.page, switcher);
              expect(new URL(tab.page.url()).pathname).toBe(HOME[otherLang]);
              expect(await htmlLangDir(tab.page)).toEqual({ lang: otherLang, dir: directionOf(otherLang) });
              expectNothingForeign();
            });
          });

          describe('a story that exists in both languages', () => {
            beforeAll(async () => {
              await tab.visit(story[lang]);
              await screenshot(tab.page, `${width}-${lang}-article`);
            });

            it(`is marked as ${LANGUAGE_NAME[lang]}, ${written}`, async () => {
              expect(await htmlLangDir(tab.page)).toEqual({ lang, dir });
            });

            it(`shows the masthead: "${SITE_NAME[lang]}", the Arabic motto, and today's Gregorian and Hijri dates`, async () => {
              await expectMasthead(tab.page, lang);
            });

            it('shows the headline', async () => {
              const h1 = tab.page.locator('main h1');
              expect(await h1.count(), 'h1 elements on the page').toBe(1);
              await expectOnScreen(tab.page, h1, 'headline');
              expect((await h1.innerText()).trim().length, 'headline length').toBeGreaterThan(10);
            });

            it(`shows the "${t.t('article.related')}" section with other stories`, async () => {
              const related = tab.page.locator('section.related');
              await expectOnScreen(tab.page, related, 'related articles');
              expect((await related.locator('h2').innerText()).trim()).toBe(t.t('article.related'));
              expect(await related.locator('.story__headline a').count(), 'related stories').toBeGreaterThan(0);
            });

            it('offers the newsletter signup form', async () => {
              const form = tab.page.locator('form.newsletter__form');
              await expectOnScreen(tab.page, form, 'newsletter form');
              expect(await form.getAttribute('action')).toBe(NEWSLETTER[lang]);
              await expectOnScreen(tab.page, form.locator('input[type="email"][name="email"]'), 'email field');
              await expectOnScreen(tab.page, form.locator('button[type="submit"]'), 'subscribe button');
            });

            it('fits the screen: no sideways scrolling', async () => {
              await expectNoSidewaysScroll(tab.page);
            });

            it('has no serious or critical accessibility problems (axe)', async () => {
              await expectAccessible(tab.page);
            });

            it('loads nothing from another host and shows no errors in the console', () => {
              expectNothingForeign();
            });

            it(`links to its ${LANGUAGE_NAME[otherLang]} translation, which links back`, async () => {
              await tab.visit(story[lang]);
              const link = tab.page.locator('.article__translation a');
              await expectOnScreen(tab.page, link, 'translation link');
              expect(await link.getAttribute('hreflang')).toBe(otherLang);
              await follow(tab.page, link);
              expect(decodeURI(new URL(tab.page.url()).pathname)).toBe(decodeURI(story[otherLang]));
              expect(await htmlLangDir(tab.page)).toEqual({ lang: otherLang, dir: directionOf(otherLang) });
              const back = tab.page.locator('.article__translation a');
              await expectOnScreen(tab.page, back, 'link back to the original');
              expect(await back.getAttribute('hreflang')).toBe(lang);
              const backPath = new URL((await back.getAttribute('href')) ?? '', server.baseUrl).pathname;
              expect(decodeURI(backPath), 'the translation links back to this story').toBe(decodeURI(story[lang]));
              expectNothingForeign();
            });

            it(`has a language switch to the same story in ${LANGUAGE_NAME[otherLang]}`, async () => {
              await tab.visit(story[lang]);
              const switcher = tab.page.locator('.lang-switch');
              await expectOnScreen(tab.page, switcher, 'language switch');
              await follow(tab.page, switcher);
              expect(decodeURI(new URL(tab.page.url()).pathname)).toBe(decodeURI(story[otherLang]));
              expect(await htmlLangDir(tab.page)).toEqual({ lang: otherLang, dir: directionOf(otherLang) });
              expectNothingForeign();
            });

            it('starts keyboard navigation at a "skip to content" link that shows when focused', async () => {
              await tab.visit(story[lang]);
              const { page } = tab;
              await page.keyboard.press('Tab');
              const focused = await page.evaluate(() => ({ cls: document.activeElement?.getAttribute('class') ?? '', tag: document.activeElement?.tagName ?? '' }));
              expect(focused.cls, `the first Tab focused <${focused.tag.toLowerCase()} class="${focused.cls}">`).toContain('skip-link');
              const skip = page.locator('a.skip-link');
              await expectOnScreen(page, skip, 'focused skip link');
              const box = await skip.boundingBox();
              expect(box !== null && box.y >= 0 && box.y + box.height <= height, `focused skip link is above or below the screen: ${JSON.stringify(box)}`).toBe(true);
              expect((await skip.innerText()).trim()).toBe(t.t('site.skipToContent'));
              await page.keyboard.press('Enter');
              expect(await page.evaluate(() => document.activeElement?.id), 'focus after following the skip link').toBe('main');
            });
          });

          describe('signing up for the newsletter from a story', () => {
            const mistyped = `reader-at-example-${lang}-${width}`;
            const submit = async () => {
              const answered = tab.page.waitForResponse((r) => r.request().method() === 'POST' && samePath(new URL(r.url()).pathname, NEWSLETTER[lang]));
              await follow(tab.page, tab.page.locator('form.newsletter__form button[type="submit"]'));
              return (await answered).status();
            };
            beforeAll(async () => {
              await tab.visit(story[lang]);
            });

            it(`a mistyped address is kept and the problem explained in ${LANGUAGE_NAME[lang]}`, async () => {
              const { page } = tab;
              await page.locator('#newsletter-email').fill(mistyped);
              expect(await submit(), 'status of the refused signup').toBe(400);
              // Chromium logs any 4xx page as "Failed to load resource"; this 400 is the one we asked for.
              const kept = tab.consoleErrors.filter((e) => !/^Failed to load resource: .* status of 400\b/.test(e));
              tab.consoleErrors.splice(0, Infinity, ...kept);
              expect(await htmlLangDir(page)).toEqual({ lang, dir });
              const error = page.locator('.form-error');
              await expectOnScreen(page, error, 'error message');
              const message = (await error.innerText()).trim();
              expect(message).toBe(t.t('newsletter.invalidEmail'));
              expect(ARABIC_LETTER.test(message), `"${message}" is in ${LANGUAGE_NAME[lang]}`).toBe(lang === 'ar');
              const field = page.locator('#newsletter-email');
              expect(await field.inputValue(), 'the address the reader typed').toBe(mistyped);
              expect(await field.getAttribute('aria-invalid')).toBe('true');
              expectNothingForeign();
              await screenshot(page, `${width}-${lang}-newsletter-error`, false);
            });

            it('then the corrected address is thanked', async () => {
              const { page } = tab;
              const address = `reader+${TEST_DB}-${lang}-${width}-${Date.now()}@example.com`;
              await page.locator('#newsletter-email').fill(address);
              expect(await submit(), 'status of the accepted signup').toBe(200);
              expect(await htmlLangDir(page)).toEqual({ lang, dir });
              const thanks = page.locator('.newsletter--done .notice');
              await expectOnScreen(page, thanks, 'thank-you message');
              expect((await thanks.innerText()).trim()).toBe(t.t('newsletter.thanks'));
              expect(await page.locator('.form-error').count(), 'error messages after a correct address').toBe(0);
              expectNothingForeign();
              await screenshot(page, `${width}-${lang}-newsletter-thanks`, false);
            });
          });
        });
      }
    });
  }

  it('the server logged no errors while readers browsed', () => {
    // JSON log lines at level error (50) or fatal (60); stdout may also carry plain notices meant
    // for the operator (the one-time setup link), which are not errors.
    const logged = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .filter((line) => {
        try {
          return ((JSON.parse(line) as { level?: number }).level ?? 0) >= 50;
        } catch {
          return false;
        }
      });
    expect(logged, 'error lines in the server log').toEqual([]);
    const stderr = server.stderr().split('\n').filter((line) => line.trim() && !line.startsWith('{'));
    expect(stderr, 'what the server wrote to stderr').toEqual([]);
  });

  it('shuts down cleanly on SIGTERM (exit code 0)', async () => {
    await server.stop();
  });
});

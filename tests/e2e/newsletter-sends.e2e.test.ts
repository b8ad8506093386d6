import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver, type SmtpReceiver } from '../../src/platform/mail/test-smtp-receiver.js';
import { describeViolations, launchBrowser, openReaderTab, SCREENSHOT_DIR, seriousAxeViolations, type ReaderTab } from './browser.js';
import { ownerFromSetupLink, staffFromCli } from './newsroom-kit.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Newsletter sends in Chromium against the real server and a real SMTP server on loopback. Readers sign
 * up through the site and confirm from the emailed link. In English, an owner composes an issue, sees
 * the preview in its sandboxed frame, sends a test to herself, confirms the send, and watches the
 * progress bar fill without touching the page. In Arabic (right to left), an editor sends a story as
 * breaking news through the confirmation step and watches it go out. Every page goes through axe.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
/** Each message is held this long by the SMTP server, so a send lasts long enough to watch. */
const SLOW_SMTP_MS = 2000;

let server: RunningServer;
let smtp: SmtpReceiver;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let tab: ReaderTab;
let page: Page;
let arTab: ReaderTab;
let arPage: Page;

const OWNER = { name: 'Maha Saleh', email: 'maha@example.com', password: 'a long enough passphrase' };
const EDITOR_AR = { name: 'نورة الحربي', email: 'noura@example.com', password: 'noura picks a passphrase', role: 'editor', language: 'ar' as const };
const READERS_EN = ['reader-en-1@example.com', 'reader-en-2@example.com', 'reader-en-3@example.com', 'reader-en-4@example.com'];
const READERS_AR = ['qari-1@example.com', 'qari-2@example.com', 'qari-3@example.com'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function screenshot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: path.join(SCREENSHOT_DIR, `${TEST_DB}-newsletter-${name}.png`), fullPage: true });
}

/** axe on the page as it is; a page that reloads itself while sending is checked again once loaded. */
async function expectAccessible(p: Page, what: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const violations = await seriousAxeViolations(p);
      expect(violations, describeViolations(what, violations)).toEqual([]);
      return;
    } catch (err) {
      if (attempt >= 3 || !/Execution context was destroyed|navigat/i.test(String(err))) throw err;
      await p.waitForLoadState('load');
    }
  }
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Signs a reader up through the site's own form and follows the link in the confirmation email. */
async function subscribe(email: string, lang: 'en' | 'ar', lists: string[]): Promise<void> {
  const prefix = lang === 'ar' ? '/ar' : '';
  const form = new URLSearchParams([['email', email], ['language', lang], ['choices', '1'], ['from', `${prefix}/newsletter`], ...lists.map((l): [string, string] => ['lists', l])]);
  const res = await fetch(`${server.baseUrl}${prefix}/newsletter`, { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  expect(res.status, `signing up ${email}`).toBe(200);
  const mail = await until(`the confirmation email to ${email}`, () => smtp.received.find((m) => m.envelope.to.includes(email)));
  const link = /(https?:\/\/\S+\/newsletter\/confirm\?token=\S+)/.exec(mail.parsed.text ?? '')?.[1];
  expect(link, mail.parsed.text).toBeDefined();
  const confirmed = await fetch(link!);
  expect(confirmed.status, `confirming ${email}`).toBe(200);
}

/**
 * Watches the progress bar while the page keeps itself up to date (the test does not navigate), until
 * the issue is sent; returns every value seen.
 */
async function watchProgress(p: Page, timeoutMs = 45_000): Promise<{ values: number[]; max: number }> {
  const values: number[] = [];
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const state = await p.evaluate(() => {
        const bar = document.querySelector<HTMLProgressElement>('#send-progress');
        const status = document.querySelector('[data-progress-url]')?.getAttribute('data-status');
        return bar ? { value: bar.value, max: bar.max, status } : undefined;
      });
      if (state) {
        values.push(state.value);
        if (state.status === 'sent') return { values, max: state.max };
      }
    } catch {
      // The page is being reloaded (without the progress script it refreshes itself while sending).
    }
    await sleep(150);
  }
  throw new Error(`the send did not finish within ${timeoutMs / 1000} s; progress seen: ${values.join(', ')}`);
}

const countOn = async (p: Page, key: string) => (await p.locator(`[data-count="${key}"]`).innerText()).trim();

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  [server, browser] = await Promise.all([startServer(TEST_DB, { env: { SMTP_URL: smtp.url, MAIL_FROM: 'Arab Press <newsletter@news.example>', NEWSLETTER_BATCH_SIZE: '1' } }), launchBrowser()]);
  tab = await openReaderTab(browser, server.baseUrl, { width: 1280, height: 900 });
  page = tab.page;
  await ownerFromSetupLink(page, server, OWNER);
  arTab = await openReaderTab(browser, server.baseUrl, { width: 390, height: 844 });
  arPage = arTab.page;
  await staffFromCli(arPage, server, EDITOR_AR);
  // Breaking news only: the daily digest planner in the server would otherwise mail them too.
  for (const r of READERS_EN) await subscribe(r, 'en', ['breaking']);
  for (const r of READERS_AR) await subscribe(r, 'ar', ['breaking']);
}, 180_000);

afterAll(async () => {
  await tab?.close();
  await arTab?.close();
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe(`newsletter sends in a browser (${TEST_DB})`, () => {
  let issuePath = '';
  let storyHeadline = '';

  it('composes an issue in English and shows its preview in a sandboxed frame', async () => {
    await tab.visit('/admin/newsletters/compose');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expectAccessible(page, '/admin/newsletters/compose');
    await page.fill('#subject', 'The week in the Gulf');
    await page.fill('#intro', 'Good morning. Three stories worth your time.');
    await page.selectOption('#list', 'breaking');
    const story = page.locator('input[name="articleIds"][data-language="en"]').first();
    storyHeadline = (await page.locator(`label[for="${await story.getAttribute('id')}"] span[lang]`).innerText()).trim();
    await story.check();
    await Promise.all([page.waitForURL(/\/admin\/newsletters\/sends\/[^/?]+\?done=saved$/), page.click('form.compose-form button[type="submit"]')]);
    issuePath = new URL(page.url()).pathname;
    expect(await page.locator('[role="status"]').first().innerText()).toContain('saved as a draft');
    // The frame is allowed on this page and shows the email with the chosen story.
    const frame = page.frameLocator('iframe[src$="/preview"]');
    await expect.poll(async () => (await frame.locator('body').innerText()).includes(storyHeadline), { timeout: 15_000 }).toBe(true);
    expect(await frame.locator('body').innerText()).toContain('Good morning. Three stories worth your time.');
    // Its images (our own, from the site) load inside the sandbox too.
    const broken = await frame.locator('img').evaluateAll((imgs) => imgs.filter((i) => !(i as HTMLImageElement).complete || (i as HTMLImageElement).naturalWidth === 0).map((i) => (i as HTMLImageElement).src));
    expect(broken).toEqual([]);
    expect(tab.consoleErrors, tab.consoleErrors.join('\n')).toEqual([]);
    expect(tab.foreignRequests).toEqual([]);
    await expectAccessible(page, issuePath);
    await screenshot(page, 'en-draft');
  });

  it('sends a test copy to the signed-in owner', async () => {
    const before = smtp.received.length;
    await Promise.all([page.waitForURL(/\?done=test$/), page.getByRole('button', { name: /Send a test to me/ }).click()]);
    expect(await page.locator('[role="status"]').first().innerText()).toContain(OWNER.email);
    const test = await until('the test copy', () => smtp.received.slice(before).find((m) => m.envelope.to.includes(OWNER.email)));
    expect(test.parsed.subject).toBe('[Test] The week in the Gulf');
    expect(test.parsed.html).toContain(storyHeadline);
  });

  it('confirms the send, then the progress bar fills by itself until every reader has it', async () => {
    await Promise.all([page.waitForURL(/\/send$/), page.getByRole('link', { name: /Send to all recipients \(4\)/ }).click()]);
    expect(await page.locator('[data-recipients]').innerText()).toBe('4');
    expect(await page.locator('main').innerText()).toContain('Breaking news');
    await expectAccessible(page, `${issuePath}/send`);
    const before = smtp.received.length;
    smtp.delayAccept(SLOW_SMTP_MS);
    try {
      await Promise.all([page.waitForURL(/\?done=started$/), page.getByRole('button', { name: 'Yes, send it now' }).click()]);
      const { values, max } = await watchProgress(page);
      expect(max).toBe(4);
      expect(values.at(-1)).toBe(4);
      // Seen part-way: the bar moved while the test only watched.
      expect(values.some((v) => v > 0 && v < 4), `values seen: ${values.join(', ')}`).toBe(true);
    } finally {
      smtp.delayAccept(0);
    }
    await page.waitForLoadState('load');
    expect(await countOn(page, 'sent')).toBe('4');
    expect(await countOn(page, 'failed')).toBe('0');
    expect(await page.locator('[data-status-label]').innerText()).toBe('Sent');
    const sent = smtp.received.slice(before).filter((m) => m.parsed.subject === 'The week in the Gulf');
    expect(sent.map((m) => m.envelope.to[0]).sort()).toEqual([...READERS_EN].sort());
    await expectAccessible(page, `${issuePath} (sent)`);
    await screenshot(page, 'en-sent');

    await tab.visit('/admin/newsletters/sends');
    const row = page.locator('tr', { hasText: 'The week in the Gulf' });
    expect(await row.locator('progress').getAttribute('value')).toBe('4');
    expect(await row.innerText()).toContain('4 sent, 0 failed, 0 suppressed');
    await expectAccessible(page, '/admin/newsletters/sends');
    await screenshot(page, 'en-history');
  });

  it('sends a story as breaking news in Arabic, right to left, after a confirmation step', async () => {
    await arTab.visit('/admin/newsletters/compose');
    expect(await arPage.locator('html').getAttribute('dir')).toBe('rtl');
    // A refused form keeps what was typed and says why in Arabic.
    await arPage.fill('#intro', 'صباح الخير');
    await arPage.click('form.compose-form button[type="submit"]');
    await arPage.waitForLoadState('load');
    expect(await arPage.locator('[role="alert"]').innerText()).toBe('اكتب عنوانًا للرسالة لا يزيد على 200 حرف.');
    expect(await arPage.inputValue('#intro')).toBe('صباح الخير');
    await expectAccessible(arPage, '/admin/newsletters/compose (refused, ar)');

    const story = arPage.locator('input[name="articleIds"][data-language="ar"]').first();
    const articleId = (await story.getAttribute('value'))!;
    const headline = (await arPage.locator(`label[for="${await story.getAttribute('id')}"] span[lang]`).innerText()).trim();

    await arTab.visit(`/admin/newsletters/breaking?article=${articleId}`);
    expect(await arPage.locator('h1').innerText()).toBe('إرسال خبر عاجل');
    expect(await arPage.locator('[data-headline]').innerText()).toBe(headline);
    expect(await arPage.locator('[data-recipients]').innerText()).toContain('3');
    await expectAccessible(arPage, '/admin/newsletters/breaking (ar)');
    await screenshot(arPage, 'ar-breaking-confirm');

    const before = smtp.received.length;
    smtp.delayAccept(SLOW_SMTP_MS);
    try {
      await Promise.all([arPage.waitForURL(/\?done=breaking$/), arPage.getByRole('button', { name: 'أرسل الخبر العاجل' }).click()]);
      expect(await arPage.locator('[role="status"]').first().innerText()).toContain('الخبر العاجل في طريقه');
      const { values, max } = await watchProgress(arPage);
      expect(max).toBe(3);
      expect(values.at(-1)).toBe(3);
    } finally {
      smtp.delayAccept(0);
    }
    await arPage.waitForLoadState('load');
    expect(await arPage.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await arPage.locator('[data-status-label]').innerText()).toBe('أُرسل');
    expect(await countOn(arPage, 'sent')).toBe('3');
    const sent = smtp.received.slice(before).filter((m) => m.parsed.subject === headline);
    expect(sent.map((m) => m.envelope.to[0]).sort()).toEqual([...READERS_AR].sort());
    await expectAccessible(arPage, 'breaking issue (ar, sent)');
    await screenshot(arPage, 'ar-breaking-sent');

    // Asking again shows the issue it went out as, and no button.
    await arTab.visit(`/admin/newsletters/breaking?article=${articleId}`);
    expect(await arPage.locator('[role="status"]').first().innerText()).toBe('أُرسل هذا الخبر عاجلًا من قبل.');
    expect(await arPage.getByRole('button', { name: 'أرسل الخبر العاجل' }).count()).toBe(0);
    expect(arTab.consoleErrors, arTab.consoleErrors.join('\n')).toEqual([]);

    await arTab.visit('/admin/newsletters/sends');
    expect(await arPage.locator('tr', { hasText: headline }).innerText()).toContain('أخبار عاجلة');
    await expectAccessible(arPage, '/admin/newsletters/sends (ar)');
    await screenshot(arPage, 'ar-history');
  });
});

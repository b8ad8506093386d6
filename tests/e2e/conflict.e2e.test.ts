import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { ownerFromSetupLink, staffFromCli } from './newsroom-kit.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Two people, one article, in Chromium: an Arabic-speaking editor types while offline; meanwhile the
 * owner takes the article over and saves. When the editor is back online nothing is saved over the
 * owner's text: an Arabic banner says who saved and when, and "keep mine" saves a new revision while the
 * owner's stays in the history.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
let server: RunningServer;
let browser: Browser;
let ownerContext: BrowserContext;
let editorContext: BrowserContext;
let owner: Page;
let editor: Page;
let articleId = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(TEST_DB), launchBrowser()]);
  ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  editorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  owner = await ownerContext.newPage();
  editor = await editorContext.newPage();
  await ownerFromSetupLink(owner, server, { name: 'Maha Saleh', email: 'maha@example.com', password: 'a long enough passphrase' });
  // The second person, added the way a script would, in Arabic.
  await staffFromCli(editor, server, { email: 'layla@example.com', role: 'editor', name: 'ليلى حداد', language: 'ar', password: 'layla chooses a passphrase' });
}, 120_000);

afterAll(async () => {
  await ownerContext?.close();
  await editorContext?.close();
  await browser?.close();
  await server?.stop();
});

describe('two editors and a lost connection', () => {
  it('never saves an offline draft over a newer version by someone else, and lets the writer keep theirs', async () => {
    // The owner writes a draft and leaves it.
    await owner.goto(`${server.baseUrl}/admin/articles/new`);
    await owner.locator('.editor-content').waitFor();
    await owner.fill('#headline', 'Water talks resume');
    await owner.locator('.editor-content').click();
    await owner.keyboard.type('The first paragraph.');
    await Promise.all([owner.waitForURL(/\/admin\/articles\/[^/]+\/edit/), owner.getByRole('button', { name: 'Create draft' }).click()]);
    articleId = /\/admin\/articles\/([^/]+)\/edit/.exec(owner.url())![1]!;
    await owner.goto(`${server.baseUrl}/admin`);

    // The editor opens it, loses the connection, and keeps typing.
    await editor.goto(`${server.baseUrl}/admin/articles/${articleId}/edit`);
    await editor.locator('.editor-content').waitFor();
    await expect.poll(() => editor.locator('.editor-content').getAttribute('contenteditable')).toBe('true');
    await editorContext.setOffline(true);
    await editor.locator('.editor-content p').last().click();
    await editor.keyboard.press('End');
    await editor.keyboard.type(' أضافت ليلى هذه الجملة دون اتصال.');
    await expect.poll(() => editor.evaluate((id) => localStorage.getItem(`arabpress:draft:${id}`), articleId), { timeout: 20_000 }).toContain('دون اتصال');

    // Meanwhile the owner takes the article over and saves a change.
    await owner.goto(`${server.baseUrl}/admin/articles/${articleId}/edit`);
    const takeOver = owner.getByRole('button', { name: 'Take over' });
    await takeOver.waitFor();
    await Promise.all([owner.waitForLoadState('load'), takeOver.click()]);
    await expect.poll(() => owner.locator('.editor-content').getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');
    await owner.locator('.editor-content p').last().click();
    await owner.keyboard.press('End');
    await owner.keyboard.type(' The owner added this sentence.');
    await expect.poll(() => owner.locator('.save-status').first().innerText(), { timeout: 15_000 }).toMatch(/Saved at/);
    await owner.goto(`${server.baseUrl}/admin`);

    // Back online: a conflict, said in Arabic, and nothing written over the owner's text.
    await editorContext.setOffline(false);
    const banner = editor.locator('#conflict-warning');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.getAttribute('role')).toBe('alert');
    const said = await banner.innerText();
    expect(said).toContain('maha@example.com');
    expect(said).toContain('تغييراتك محفوظة على هذا الجهاز');
    expect(await banner.getByRole('link', { name: 'قارن بين النسختين' }).getAttribute('href')).toMatch(new RegExp(`/admin/articles/${articleId}/revisions\\?a=\\d+&b=\\d+`));
    const onServer = await owner.request.get(`${server.baseUrl}/admin/articles/${articleId}/preview`).then((r) => r.text());
    expect(onServer).toContain('The owner added this sentence.');
    expect(onServer).not.toContain('دون اتصال');

    // "Keep mine": saved as a new revision; the owner's version stays in the history.
    await banner.getByRole('button', { name: 'احتفظ بنسختي' }).click();
    await expect.poll(() => editor.evaluate((id) => localStorage.getItem(`arabpress:draft:${id}`), articleId), { timeout: 15_000 }).toBeNull();
    const after = await owner.request.get(`${server.baseUrl}/admin/articles/${articleId}/preview`).then((r) => r.text());
    expect(after).toContain('دون اتصال');
    const history = await owner.request.get(`${server.baseUrl}/admin/articles/${articleId}/revisions`).then((r) => r.text());
    expect(history).toContain('maha@example.com');
    expect(history).toContain('layla@example.com');
  });
});

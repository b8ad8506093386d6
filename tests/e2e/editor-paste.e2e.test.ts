import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../fixtures.js';
import { launchBrowser, openReaderTab, type ReaderTab } from './browser.js';
import { ownerFromSetupLink } from './newsroom-kit.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Pasting an Arabic news text from Microsoft Word and from Google Docs into the editor in Chromium, with
 * the clipboard contents exactly as those programs write them. What a journalist would notice: the
 * paragraphs and the subheading arrive, letters and punctuation stay in order, bold stays bold (and only
 * where it was), no Word markup leaks into the article, every paragraph reads right to left, and the
 * published page shows the same text.
 */
const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'sqlite';
const sentencesFile = fixturePath('arabic', 'ud-arabic-pud-sentences.tsv');
let server: RunningServer;
let browser: Browser;
let tab: ReaderTab;
let page: Page;
let sentences: string[] = [];

beforeAll(async () => {
  if (!sentencesFile) return;
  const rows = readFileSync(sentencesFile, 'utf8').split('\n').map((l) => l.split('\t'));
  const byId = new Map(rows.map((r) => [r[0], r[3] ?? '']));
  // Real news sentences mixing Arabic with a Latin name, digits, parentheses, commas and quotes.
  sentences = ['n01015036', 'n01005023', 'n01003007'].map((id) => byId.get(id)!);
  server = await startServer(TEST_DB);
  browser = await launchBrowser();
  tab = await openReaderTab(browser, server.baseUrl, { width: 1280, height: 900 });
  page = tab.page;
  await ownerFromSetupLink(page, server, { name: 'Hala Mansour', email: 'hala@example.com', password: 'a long enough passphrase' });
}, 120_000);

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await server?.stop();
});

/** Dispatches a real paste event carrying the clipboard's HTML and plain text into the focused editor. */
async function paste(html: string, text: string, focus = true): Promise<void> {
  if (focus) await page.locator('.editor-content').click();
  await page.evaluate(
    ([h, t]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', t!);
      const target = document.querySelector('.editor-content .ProseMirror') ?? document.querySelector('.editor-content')!;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, text],
  );
}

/** The article document the form will send, as the editor keeps it in the hidden body field. */
async function documentJson(): Promise<string> {
  await page.waitForTimeout(300); // the hidden field follows the editor 150 ms after a change
  return page.locator('input[name="body"], textarea[name="body"]').first().inputValue();
}

function wordHtml(s: string[]): string {
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta charset="utf-8"><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-family:"Arial",sans-serif;} --></style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]--></head>
<body lang=AR-SA dir=RTL style='tab-interval:36.0pt'><!--StartFragment-->
<h2 dir=RTL style='mso-margin-top-alt:auto'><span lang=AR-SA style='mso-bidi-language:AR-SA'>أسماء المواليد</span><o:p></o:p></h2>
<p class=MsoNormal dir=RTL style='text-align:right;direction:rtl;unicode-bidi:embed'><span lang=AR-SA style='font-family:"Arial",sans-serif;mso-ascii-font-family:Calibri'>${s[0]}</span><o:p></o:p></p>
<p class=MsoNormal dir=RTL style='text-align:right;direction:rtl;unicode-bidi:embed'><o:p>&nbsp;</o:p></p>
<p class=MsoNormal dir=RTL style='text-align:right;direction:rtl;unicode-bidi:embed'><span lang=AR-SA style='font-family:"Arial",sans-serif'>${s[1]}</span><o:p></o:p></p>
<!--EndFragment--></body></html>`;
}

function docsHtml(s: string): { html: string; bold: string } {
  const words = s.split(' ');
  const bold = words.slice(0, 3).join(' ');
  const rest = words.slice(3).join(' ');
  return {
    bold,
    html: `<meta charset='utf-8'><meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-4f1c2a7e-7fff-3c21-9d44-1b2c3d4e5f60"><p dir="rtl" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">${bold}</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> ${rest}</span></p></b>`,
  };
}

describe.skipIf(!sentencesFile)('pasting Arabic from Word and Google Docs', () => {
  it('keeps paragraphs, the subheading, letter order, punctuation and bold, and drops Word markup', async () => {
    await page.goto(`${server.baseUrl}/admin/articles/new`);
    await page.locator('.editor-content').waitFor();
    await page.selectOption('#language', 'ar');
    await page.fill('#headline', 'أسماء المواليد الأكثر رواجاً');
    await paste(wordHtml(sentences), `أسماء المواليد\n\n${sentences[0]}\n\n${sentences[1]}`);
    const fromDocs = docsHtml(sentences[2]!);
    // On a new line, as a journalist would before pasting the next part.
    // The caret is where the paste left it; Control+End makes sure it is at the end of the text. (A click
    // here raced the editor's own handling of the mouse: the Enter sometimes split the clicked paragraph.)
    await page.locator('.editor-content').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await paste(fromDocs.html, sentences[2]!, false);

    const json = await documentJson();
    expect(json).not.toMatch(/mso-|o:p|MsoNormal|docs-internal-guid|font-family/);
    const doc = JSON.parse(json) as { content: { type: string; attrs?: { level?: number }; content?: { type: string; text?: string; marks?: { type: string }[] }[] }[] };
    const blocks = doc.content.filter((b) => (b.content ?? []).some((n) => n.text?.trim()));
    const textOf = (b: (typeof blocks)[number]) => (b.content ?? []).map((n) => n.text ?? '').join('');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
    // Letters, digits, Latin names and punctuation in the order they were written.
    expect(blocks.map(textOf)).toEqual(['أسماء المواليد', sentences[0], sentences[1], sentences[2]]);
    // No empty paragraph from Word's spacer line.
    expect(doc.content.filter((b) => b.type === 'paragraph' && !(b.content ?? []).some((n) => n.text?.trim()))).toHaveLength(0);
    // Bold where Docs had 700, and not the whole paste (Docs wraps everything in a normal-weight <b>).
    const last = blocks[3]!.content!;
    expect(last.filter((n) => n.marks?.some((m) => m.type === 'bold')).map((n) => n.text).join('').trim()).toBe(fromDocs.bold);
    expect(blocks.slice(0, 3).every((b) => b.content!.every((n) => !n.marks?.some((m) => m.type === 'bold')))).toBe(true);
    // Every block reads right to left in the editor.
    const directions = await page.locator('.editor-content :is(p, h2, h3)').evaluateAll((els) => els.filter((e) => e.textContent?.trim()).map((e) => getComputedStyle(e).direction));
    expect(new Set(directions)).toEqual(new Set(['rtl']));
  });

  it('shows the pasted text on the article page in the same order', async () => {
    await Promise.all([page.waitForURL(/\/admin\/articles\/[^/]+\/edit/), page.getByRole('button', { name: 'Create draft' }).click()]);
    const id = /\/admin\/articles\/([^/]+)\/edit/.exec(page.url())![1]!;
    await page.goto(`${server.baseUrl}/admin/articles/${id}/preview`);
    const body = await page.locator('.article__body').innerText();
    for (const sentence of sentences) expect(body.replace(/\s+/g, ' ')).toContain(sentence.replace(/\s+/g, ' '));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.article__body h2').first().innerText()).toBe('أسماء المواليد');
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Full-page screenshots of the pages the tests visit, for a human to look at; outside the repo. */
export const SCREENSHOT_DIR = path.join(os.tmpdir(), 'arabpress-e2e-shots');

/** Debian's Chromium; `playwright install` downloads a browser and fails here (see ARCHITECTURE.md). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const require = createRequire(import.meta.url);
let axeCode: string | undefined;
const axeSource = () => (axeCode ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
/**
 * Where a tab from openReaderTab finds axe-core. The site's Content-Security-Policy (script-src
 * 'self') rightly refuses an inline <script>, so axe is added as a same-origin script that the
 * tab's request router answers from node_modules; the server never sees the request.
 */
const AXE_PATH = '/__e2e__/axe.min.js';

export interface ReaderTab {
  context: BrowserContext;
  page: Page;
  /** Requests to any host but the server's since the last visit(): blocked, and listed here. */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions since the last visit() (CSP violations show up here). */
  consoleErrors: string[];
  /** Opens a site path, expects 200, waits for the fonts; starts new request and error lists. */
  visit(sitePath: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh browser context (no cookies, no cache) with one page the size of a phone or a desktop.
 * The site promises no third-party requests, so every request to another origin is aborted and
 * recorded for the test to assert on.
 */
export async function openReaderTab(browser: Browser, baseUrl: string, viewport: { width: number; height: number }): Promise<ReaderTab> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const page = await context.newPage();
  const tab: ReaderTab = {
    context,
    page,
    foreignRequests: [],
    consoleErrors: [],
    async visit(sitePath) {
      tab.foreignRequests.length = 0;
      tab.consoleErrors.length = 0;
      const response = await page.goto(origin + sitePath, { waitUntil: 'load' });
      if (response?.status() !== 200) throw new Error(`GET ${sitePath} answered ${response?.status()}, expected 200`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    },
    close: () => context.close(),
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === origin + AXE_PATH) return route.fulfill({ contentType: 'text/javascript', body: axeSource() });
    if (new URL(url).origin === origin) return route.continue();
    tab.foreignRequests.push(`${url} (from ${route.request().frame().url()})`);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') tab.consoleErrors.push(`${message.text()} (on ${page.url()})`);
  });
  page.on('pageerror', (error) => tab.consoleErrors.push(`uncaught ${error.name}: ${error.message} (on ${page.url()})`));
  return tab;
}

/** Violations axe-core rates serious or critical on the page as it is now (a page from openReaderTab). */
export async function seriousAxeViolations(page: Page): Promise<Result[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.addScriptTag({ url: AXE_PATH });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const grave: ImpactValue[] = ['serious', 'critical'];
  return results.violations.filter((v) => v.impact && grave.includes(v.impact));
}

/** One paragraph per rule: what is wrong, where (the first few elements), and how to fix it. */
export function describeViolations(url: string, violations: Result[]): string {
  if (!violations.length) return `${url}: no serious or critical accessibility violations`;
  const parts = violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`);
    const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}${more}`;
  });
  return `${url}: ${violations.length} serious or critical accessibility violation(s):\n${parts.join('\n')}`;
}

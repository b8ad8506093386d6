import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Full-page screenshots of every page the tests visit, for a human to look at; outside the repo. */
export const SCREENSHOT_DIR = path.join(os.tmpdir(), 'arabpress-e2e-shots');

/** Debian's Chromium; `playwright install` downloads a browser and fails here (docs: ARCHITECTURE.md). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface ReaderTab {
  context: BrowserContext;
  page: Page;
  /** Every request the page tried to make to a host other than the server: blocked, and kept here. */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions (a Content-Security-Policy violation shows up here). */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context (no cookies, no cache) with one page, the size of a phone or a desktop.
 * Requests to any origin but the server's are aborted and recorded, so a test can say the page
 * made none: the site promises no third-party requests.
 */
export async function openReaderTab(browser: Browser, baseUrl: string, viewport: { width: number; height: number }): Promise<ReaderTab> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === origin + AXE_PATH) return route.fulfill({ contentType: 'text/javascript', body: axeSource() });
    if (new URL(url).origin === origin) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  return { context, page, foreignRequests, consoleErrors, close: () => context.close() };
}

const require = createRequire(import.meta.url);
let axeCode: string | undefined;
const axeSource = () => (axeCode ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
/**
 * Where a tab from openReaderTab finds axe-core. The site's Content-Security-Policy (script-src
 * 'self') refuses an inline <script>, rightly, so axe is injected as a same-origin script that the
 * test's request router answers from node_modules; the server never sees the request.
 */
const AXE_PATH = '/__e2e__/axe.min.js';

/** Violations axe-core rates serious or critical on the page as it is now (page from openReaderTab). */
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

/** One paragraph per rule: what is wrong, where (first few elements), and how to fix it. */
export function describeViolations(url: string, violations: Result[]): string {
  if (!violations.length) return `${url}: no serious or critical accessibility violations`;
  const parts = violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`);
    const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}${more}`;
  });
  return `${url}: ${violations.length} serious or critical accessibility violation(s):\n${parts.join('\n')}`;
}

import { feedLinks } from './feed-links.js';
import type { Child } from 'hono/jsx';
import type { Config } from '../../config.js';
import type { Db } from '../../db-schema.js';
import { publicRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Assets } from '../../http/assets.js';
import { SiteLayout, type PageHead, type SiteChrome } from '../../http/layouts/site-layout.js';
import { negotiateEncoding, type CachedPage, type PageCache } from '../../platform/cache/page-cache.js';
import type { Clock } from '../../platform/clock.js';
import { createDateFormatter, type DateFormatter } from '../../platform/i18n/dates.js';
import { createTranslator, type Language, type Translator } from '../../platform/i18n/i18n.js';
import { AppError } from '../../platform/errors.js';
import { listSections, type Section } from '../sections/index.js';
import { getSiteSettings, type SiteSettings } from '../site-settings/index.js';

export interface SiteDeps {
  db: Db;
  pageCache: PageCache;
  assets: Assets;
  config: Config;
  clock: Clock;
}

/** Everything a page renderer knows about the request and the site, loaded once per render. */
export interface PageContext {
  lang: Language;
  t: Translator;
  dates: DateFormatter;
  settings: SiteSettings;
  sections: Section[];
  now: Date;
  page: number;
  /** Absolute URL of a site path, for canonical links and hreflang. */
  absolute(path: string): string;
  /** Path of the home page, a section, a tag, an author, in this language. */
  paths: SitePaths;
}

export interface SitePaths {
  home: string;
  archive: string;
  search: string;
  newsletter: string;
  section(slug: string): string;
  tag(slug: string): string;
  author(slug: string): string;
}

export function sitePaths(lang: Language): SitePaths {
  const p = lang === 'ar' ? '/ar' : '';
  return {
    home: `${p}/`,
    archive: `${p}/archive`,
    search: `${p}/search`,
    newsletter: `${p}/newsletter`,
    section: (slug) => `${p}/${slug}/`,
    tag: (slug) => `${p}/tag/${encodeURIComponent(slug)}`,
    author: (slug) => `${p}/author/${encodeURIComponent(slug)}`,
  };
}

export interface RenderedPage {
  head: PageHead;
  body: Child;
  /** Page-cache tags: what this page shows (see articleCacheTags). Every page also depends on "site". */
  tags: string[];
  status?: number;
  /** The same content in the other language, for the language switch. */
  translationPath?: string;
  /** Path of the nav item to mark current. */
  navCurrent?: string;
  /** False for pages that must never be cached (search results, forms with messages). */
  cache?: boolean;
}

export type PageRenderer = (c: AppContext, ctx: PageContext) => Promise<RenderedPage | Response>;

/** The ?page= number: absent means 1; anything but a whole number from 1 is a clear 400. */
function pageNumber(c: AppContext): number {
  const raw = c.req.query('page');
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new AppError('BAD_PAGE_NUMBER', 400, 'error.badPage');
  return Number(raw);
}

/** `firstPage` ignores ?page=, for error pages that must render whatever the query says. */
export async function loadPageContext(deps: SiteDeps, c: AppContext, lang: Language, opts: { firstPage?: boolean } = {}): Promise<PageContext> {
  const [settings, sections] = await Promise.all([getSiteSettings(deps.db), listSections(deps.db)]);
  const digits = lang === 'ar' ? settings.arabicDigits : 'latn';
  const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
  return {
    lang,
    t: createTranslator(lang, digits),
    dates: createDateFormatter(lang, settings.timeZone, digits, settings.dateStyle),
    settings,
    sections,
    now: deps.clock.now(),
    page: opts.firstPage ? 1 : pageNumber(c),
    absolute: (path) => origin + path,
    paths: sitePaths(lang),
  };
}

export function buildChrome(deps: SiteDeps, ctx: PageContext, page: Pick<RenderedPage, 'translationPath' | 'navCurrent'>): SiteChrome {
  const { t, lang, dates, settings } = ctx;
  const other: Language = lang === 'ar' ? 'en' : 'ar';
  const f = deps.assets.fonts;
  return {
    t,
    siteName: settings.name[lang],
    motto: settings.motto,
    today: {
      iso: dates.dayKey(ctx.now),
      gregorian: dates.longDate(ctx.now),
      hijri: settings.showHijriDate ? dates.hijriDate(ctx.now) : null,
    },
    homePath: ctx.paths.home,
    searchPath: ctx.paths.search,
    instantSearch: deps.assets.siteSearchJs
      ? { script: deps.assets.siteSearchJs.url, url: '/search/instant', labelAll: t.t('site.searchAll'), labelNone: t.t('site.searchNone'), labelResults: t.t('site.searchSuggestions') }
      : null,
    nav: [
      { path: ctx.paths.home, name: t.t('site.home'), current: page.navCurrent === ctx.paths.home, color: '#8a1c1c' },
      ...ctx.sections.map((s) => ({ path: ctx.paths.section(s.slug), name: s.name[lang], current: page.navCurrent === ctx.paths.section(s.slug), color: s.color })),
    ],
    languageSwitch: settings.languages.includes(other)
      ? { path: page.translationPath ?? sitePaths(other).home, lang: other, label: t.t('site.languageSwitch'), title: t.t('site.languageSwitchLabel') }
      : null,
    siteFeeds: feedLinks(ctx.paths.home, settings.name[lang]),
    css: deps.assets.css.url,
    fontPreloads: lang === 'ar' ? [f.arabic700.url, f.arabic400.url] : [f.latin700.url, f.latin400.url],
    year: Number(dates.dayKey(ctx.now).slice(0, 4)),
  };
}

export async function renderDocument(deps: SiteDeps, ctx: PageContext, page: RenderedPage): Promise<string> {
  const chrome = buildChrome(deps, ctx, page);
  const html = await (<SiteLayout chrome={chrome} head={page.head}>{page.body}</SiteLayout>).toString();
  return `<!doctype html>${html}`;
}

/**
 * One page pattern served in both languages: English at `pattern`, Arabic at `/ar` + pattern.
 * Cacheable pages are looked up in the page cache before anything else runs, so a hit does no SQL.
 */
export function sitePages(deps: SiteDeps, method: 'GET' | 'POST', pattern: string, render: PageRenderer): RouteDef[] {
  let zone = 'Asia/Riyadh'; // refreshed on every render; the cache key only needs the day to turn over
  const handler = (lang: Language) => async (c: AppContext) => {
    c.set('lang', lang);
    const cacheable = method === 'GET' && deps.config.pageCache.maxEntries > 0;
    const key = cacheable ? cacheKey(c, zone, deps.clock.now()) : '';
    const hit = cacheable ? deps.pageCache.get(key) : undefined;
    if (hit) return sendPage(c, deps.pageCache, hit, lang, deps.config.pageCache.sMaxAge);

    const ctx = await loadPageContext(deps, c, lang);
    zone = ctx.settings.timeZone;
    // A site set to one language has no pages in the other.
    if (!ctx.settings.languages.includes(lang)) throw new AppError('LANGUAGE_NOT_SERVED', 404, 'error.notFound');
    const result = await render(c, ctx);
    if (result instanceof Response) return result;
    const html = await renderDocument(deps, ctx, result);
    const status = result.status ?? 200;
    const tags = ['site', ...result.tags];
    if (cacheable && status === 200 && result.cache !== false) {
      return sendPage(c, deps.pageCache, deps.pageCache.set(cacheKey(c, zone, ctx.now), html, tags), lang, deps.config.pageCache.sMaxAge);
    }
    c.header('Cache-Control', 'no-store');
    return c.html(html, status as 200);
  };
  const arPattern = pattern === '/' ? '/ar/' : `/ar${pattern}`;
  return [publicRoute(method, pattern, handler('en')), publicRoute(method, arPattern, handler('ar'))];
}

/** The local day for a zone, recomputed at most once a second (formatting dates is the costly part of a hit). */
const dayMemo = { zone: '', second: -1, day: '' };
function localDay(zone: string, now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  if (dayMemo.zone !== zone || dayMemo.second !== second) Object.assign(dayMemo, { zone, second, day: createDateFormatter('en', zone, 'latn').dayKey(now) });
  return dayMemo.day;
}

function cacheKey(c: AppContext, zone: string, now: Date): string {
  // The masthead shows today's date, so the key turns over at local midnight.
  const url = c.req.url;
  const q = url.indexOf('?');
  const base = q === -1 ? url : url.slice(0, q);
  const page = q === -1 ? null : new URLSearchParams(url.slice(q + 1)).get('page');
  return `${base}${page ? `?page=${page}` : ''}|${localDay(zone, now)}`;
}

function sendPage(c: AppContext, cache: PageCache, page: CachedPage, lang: Language, sMaxAge: number): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Language': lang,
    ETag: page.etag,
    Vary: 'Accept-Encoding',
    // Browsers revalidate (cheap 304s); a CDN keeps the page briefly and may serve it stale while it refetches.
    'Cache-Control': `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=600, stale-if-error=86400`,
  };
  if (etagMatches(c.req.header('If-None-Match'), page.etag)) return c.body(null, 304, headers);
  const encoding = negotiateEncoding(c.req.header('Accept-Encoding'));
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  const bytes = cache.encoded(page, encoding);
  // A view on the cached bytes, not a copy.
  return c.body(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), page.status as 200, headers);
}

/** If-None-Match may list several tags, weak or strong; weak comparison is right for GET. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

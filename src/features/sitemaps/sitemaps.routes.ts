import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { publicRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db-schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { countPublishedArticles, recentSitemapArticles, sitemapArticles } from '../articles/index.js';
import { listPeople } from '../people/index.js';
import { listSections } from '../sections/index.js';
import { sitePaths } from '../site/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { listTags } from '../tags/index.js';

/** The protocol's limit per sitemap file (sitemaps.org); Google News takes at most 1,000 stories. */
export const URLS_PER_SITEMAP = 50_000;
export const NEWS_STORIES = 1_000;
const NEWS_HOURS = 48;

const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  xhtml: 'http://www.w3.org/1999/xhtml',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
};

type Alternates = Partial<Record<Language, string>>;

function urlset(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.sitemap, 'urlset', { 'xmlns:xhtml': NS.xhtml, 'xmlns:image': NS.image, 'xmlns:news': NS.news });
}

/** A <url> with its hreflang pair: each language version names itself, the other, and x-default (English when there is one). */
function addUrl(set: XMLBuilder, loc: string, alternates: Alternates, lastmod?: Date): XMLBuilder {
  const url = set.ele('url');
  url.ele('loc').txt(loc);
  if (lastmod) url.ele('lastmod').txt(lastmod.toISOString());
  const langs = Object.keys(alternates) as Language[];
  if (langs.length > 1) {
    for (const l of langs) url.ele(NS.xhtml, 'xhtml:link', { rel: 'alternate', hreflang: l, href: alternates[l]! });
    url.ele(NS.xhtml, 'xhtml:link', { rel: 'alternate', hreflang: 'x-default', href: alternates.en ?? alternates[langs[0]!]! });
  }
  return url;
}

/**
 * sitemap.xml is an index of: the articles in files of 50,000 (oldest first, so a file's contents stay
 * put), the section, tag and author pages, and the Google News sitemap (stories of the last 48 hours).
 * Each page lists its other-language version (xhtml:link hreflang); articles list their featured image.
 * robots.txt points at the index. Every file is checked against the sitemap schemas in the tests.
 */
export function sitemapRoutes(deps: { db: Db; config: Config; clock: Clock }): RouteDef[] {
  const origin = (c: AppContext) => deps.config.publicUrl ?? new URL(c.req.url).origin;
  const xml = (c: AppContext, doc: XMLBuilder) => {
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=900');
    return c.body(doc.end({ prettyPrint: false }));
  };
  const languages = async () => (await getSiteSettings(deps.db)).languages;
  const newsSince = () => new Date(deps.clock.now().getTime() - NEWS_HOURS * 3_600_000);

  /** Listing pages (sections, tags, authors) in every served language, each with its pair. */
  async function listings(c: AppContext, paths: ((lang: Language) => string)[]) {
    const base = origin(c);
    const langs = await languages();
    const set = urlset();
    for (const path of paths) {
      const alternates = Object.fromEntries(langs.map((l) => [l, base + path(l)])) as Alternates;
      for (const l of langs) addUrl(set, alternates[l]!, alternates);
    }
    return xml(c, set.doc());
  }

  return [
    publicRoute('GET', '/robots.txt', (c) => {
      const base = origin(c);
      c.header('Cache-Control', 'public, max-age=3600');
      return c.text(['User-agent: *', 'Disallow: /admin/', 'Disallow: /search', 'Disallow: /ar/search', '', `Sitemap: ${base}/sitemap.xml`, ''].join('\n'));
    }),
    publicRoute('GET', '/sitemap.xml', async (c) => {
      const base = origin(c);
      const [articles, sections, tags, people, news] = await Promise.all([
        countPublishedArticles(deps.db),
        listSections(deps.db),
        listTags(deps.db),
        listPeople(deps.db),
        recentSitemapArticles(deps.db, newsSince(), 1),
      ]);
      // The schema wants at least one <url> per file: an empty list is left out of the index.
      const files = [
        ...Array.from({ length: Math.ceil(articles / URLS_PER_SITEMAP) }, (_, i) => `/sitemaps/articles-${i + 1}.xml`),
        ...(sections.length ? ['/sitemaps/sections.xml'] : []),
        ...(tags.length ? ['/sitemaps/tags.xml'] : []),
        ...(people.length ? ['/sitemaps/authors.xml'] : []),
        ...(news.length ? ['/sitemap-news.xml'] : []),
      ];
      const index = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.sitemap, 'sitemapindex');
      for (const file of files) index.ele('sitemap').ele('loc').txt(base + file);
      return xml(c, index.doc());
    }),
    publicRoute('GET', '/sitemaps/:file{articles-[1-9][0-9]*\\.xml}', async (c) => {
      const n = Number(/\d+/.exec(c.req.path)![0]);
      const articles = await sitemapArticles(deps.db, (n - 1) * URLS_PER_SITEMAP, URLS_PER_SITEMAP);
      if (!articles.length) throw new AppError('NOT_FOUND', 404, 'error.notFound');
      const base = origin(c);
      const set = urlset();
      for (const a of articles) {
        const alternates: Alternates = { [a.language]: base + a.path, ...(a.translationPath ? { [a.language === 'ar' ? 'en' : 'ar']: base + a.translationPath } : {}) };
        const url = addUrl(set, base + a.path, alternates, a.updatedAt);
        if (a.image) url.ele(NS.image, 'image:image').ele(NS.image, 'image:loc').txt(base + a.image.url);
      }
      return xml(c, set.doc());
    }),
    publicRoute('GET', '/sitemaps/sections.xml', async (c) => listings(c, (await listSections(deps.db)).map((s) => (l: Language) => sitePaths(l).section(s.slug)))),
    publicRoute('GET', '/sitemaps/tags.xml', async (c) => listings(c, (await listTags(deps.db)).map((t) => (l: Language) => sitePaths(l).tag(t.slug)))),
    publicRoute('GET', '/sitemaps/authors.xml', async (c) => listings(c, (await listPeople(deps.db)).map((p) => (l: Language) => sitePaths(l).author(p.slug)))),
    publicRoute('GET', '/sitemap-news.xml', async (c) => {
      const base = origin(c);
      const settings = await getSiteSettings(deps.db);
      const set = urlset();
      for (const a of await recentSitemapArticles(deps.db, newsSince(), NEWS_STORIES)) {
        const url = set.ele('url');
        url.ele('loc').txt(base + a.path);
        const news = url.ele(NS.news, 'news:news');
        const publication = news.ele(NS.news, 'news:publication');
        publication.ele(NS.news, 'news:name').txt(settings.name[a.language]);
        publication.ele(NS.news, 'news:language').txt(a.language);
        news.ele(NS.news, 'news:publication_date').txt(a.publishedAt.toISOString());
        news.ele(NS.news, 'news:title').txt(a.headline);
      }
      return xml(c, set.doc());
    }),
  ];
}

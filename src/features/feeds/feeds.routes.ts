import { pathParam, publicRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db-schema.js';
import { AppError } from '../../platform/errors.js';
import { createTranslator, type Language } from '../../platform/i18n/i18n.js';
import { listLatestArticlePages, type ListFilter } from '../articles/index.js';
import { findPersonBySlug } from '../people/index.js';
import { listSections } from '../sections/index.js';
import { FEED_FORMATS, feedPath, sitePaths, type FeedFormat } from '../site/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { findTagBySlug } from '../tags/index.js';
import { toAtom } from './atom.js';
import { FEED_ENTRIES, toFeedEntry, type Feed } from './feed.js';
import { toJsonFeed } from './json-feed.js';
import { toRss } from './rss.js';

type Scope = { kind: 'site' } | { kind: 'section' | 'tag' | 'author'; slug: string };

const notFound = () => new AppError('NOT_FOUND', 404, 'error.notFound');
const WRITERS: Record<FeedFormat, (feed: Feed) => string> = { rss: toRss, atom: toAtom, json: toJsonFeed };

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the whole site, each section, tag and author, per language:
 * /feed.xml, /ar/politics/feed.atom, /tag/oil/feed.json, /ar/author/layla-haddad/feed.xml … (the
 * listing's own address plus the file name, site/feed-links.ts). Readers poll them, so they answer
 * If-Modified-Since with 304 and may be kept five minutes.
 */
export function feedRoutes(deps: { db: Db; config: Config }): RouteDef[] {
  async function serve(c: AppContext, lang: Language, scope: Scope, format: FeedFormat): Promise<Response> {
    const [settings, sections] = await Promise.all([getSiteSettings(deps.db), listSections(deps.db)]);
    if (!settings.languages.includes(lang)) throw notFound();
    const t = createTranslator(lang, 'latn');
    const paths = sitePaths(lang);
    const siteName = settings.name[lang];
    const filter: ListFilter = { language: lang };
    let listingPath = paths.home;
    let title = siteName;
    if (scope.kind === 'section') {
      const section = sections.find((s) => s.slug === scope.slug);
      if (!section) throw notFound();
      [filter.sectionId, listingPath, title] = [section.id, paths.section(section.slug), `${siteName}: ${section.name[lang]}`];
    } else if (scope.kind === 'tag') {
      const tag = await findTagBySlug(deps.db, scope.slug);
      if (!tag) throw notFound();
      [filter.tagId, listingPath, title] = [tag.id, paths.tag(tag.slug), `${siteName}: ${t.t('tag.title', { tag: tag.name[lang] })}`];
    } else if (scope.kind === 'author') {
      const person = await findPersonBySlug(deps.db, scope.slug);
      if (!person) throw notFound();
      [filter.personId, listingPath, title] = [person.id, paths.author(person.slug), `${siteName}: ${person.name[lang]}`];
    }
    const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
    const articles = await listLatestArticlePages(deps.db, filter, FEED_ENTRIES);
    const entries = articles.map((a) => toFeedEntry(a, origin, settings.feedContent === 'full', paths.author));
    const updated = new Date(Math.max(0, ...entries.map((e) => e.updated.getTime())) || Date.now());
    const feed: Feed = {
      title,
      description: t.t('feeds.description', { name: title }),
      language: lang,
      homeUrl: origin + listingPath,
      urls: { rss: origin + feedPath(listingPath, 'rss'), atom: origin + feedPath(listingPath, 'atom'), json: origin + feedPath(listingPath, 'json') },
      ...(settings.webSubHub ? { hubUrl: settings.webSubHub } : {}),
      siteName,
      updated,
      entries,
    };
    // HTTP dates have whole seconds: compare at that precision.
    const lastModified = new Date(Math.floor(updated.getTime() / 1000) * 1000);
    const since = Date.parse(c.req.header('If-Modified-Since') ?? '');
    c.header('Last-Modified', lastModified.toUTCString());
    c.header('Cache-Control', 'public, max-age=300');
    if (!Number.isNaN(since) && lastModified.getTime() <= since) return c.body(null, 304);
    if (feed.hubUrl) c.header('Link', `<${feed.hubUrl}>; rel="hub", <${feed.urls[format]}>; rel="self"`);
    c.header('Content-Type', `${FEED_FORMATS[format].type}; charset=utf-8`);
    return c.body(WRITERS[format](feed));
  }

  const routes: RouteDef[] = [];
  // Arabic first: "/:section/feed.xml" would otherwise take "/ar/feed.xml" for a section named "ar".
  for (const [lang, prefix] of [['ar', '/ar'], ['en', '']] as const) {
    for (const format of Object.keys(FEED_FORMATS) as FeedFormat[]) {
      const file = FEED_FORMATS[format].file;
      routes.push(
        publicRoute('GET', `${prefix}/${file}`, (c) => serve(c, lang, { kind: 'site' }, format)),
        publicRoute('GET', `${prefix}/tag/:slug/${file}`, (c) => serve(c, lang, { kind: 'tag', slug: pathParam(c, 'slug') }, format)),
        publicRoute('GET', `${prefix}/author/:slug/${file}`, (c) => serve(c, lang, { kind: 'author', slug: pathParam(c, 'slug') }, format)),
        publicRoute('GET', `${prefix}/:section/${file}`, (c) => serve(c, lang, { kind: 'section', slug: pathParam(c, 'section') }, format)),
      );
    }
  }
  return routes;
}

import { pathParam, publicRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db-schema.js';
import { createTranslator } from '../../platform/i18n/i18n.js';
import { browsePublishedArticles, type ArticleCondition } from '../articles/index.js';
import { integrationByContentKey, markIntegrationUsed } from '../integrations/index.js';
import { listPeople } from '../people/index.js';
import { listSections } from '../sections/index.js';
import { sitePaths, SITE_LOGO } from '../site/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { listTags } from '../tags/index.js';
import { ghostHandler, GhostApiError } from './ghost-errors.js';
import { MAX_LIMIT, pagination, parseOrder, pick, readBrowse, type Browse } from './api-params.js';
import { parseFilter } from './post-filter.js';
import { NO_OVERRIDES, serializeAuthor, serializePost, serializeTag } from './serializers.js';

/**
 * The read-only Content API, following Ghost's (v5) closely enough that Ghost's own client,
 * @tryghost/content-api, and the front ends built on it work unchanged: paths under
 * /ghost/api/content/, the integration's key in ?key=, filter (NQL), include, fields, formats, limit,
 * page and order, `meta.pagination`, errors as `{ errors: [...] }`. Posts are our published articles
 * in both languages (filter `language:ar` for one); Ghost "pages" we have none of.
 */
const BASE = '/ghost/api/content';
export function contentApiRoutes(deps: { db: Db; config: Config; clock: { now(): Date } }): RouteDef[] {
  const origin = (c: AppContext) => deps.config.publicUrl ?? new URL(c.req.url).origin;

  /** The key check every endpoint starts with; headers every answer carries. */
  async function authorize(c: AppContext): Promise<void> {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Content-Version', 'v5.0');
    c.header('Cache-Control', 'public, max-age=0');
    const key = c.req.query('key');
    if (!key) throw new GhostApiError(401, 'UnauthorizedError', 'Authorization failed', 'Unable to determine the authenticated member or integration. Check the supplied Content API Key.');
    const integration = await integrationByContentKey(deps.db, key);
    if (!integration) throw new GhostApiError(401, 'UnauthorizedError', 'Unknown Content API Key');
    await markIntegrationUsed(deps.db, integration, deps.clock.now());
  }

  async function posts(c: AppContext, where: ArticleCondition, q: Browse, single: boolean): Promise<Response> {
    const limit = single ? 1 : (q.limit ?? 15);
    if (limit !== 'all' && limit > MAX_LIMIT) throw new GhostApiError(400, 'BadRequestError', 'Validation error, cannot read limit.', `The limit is at most ${MAX_LIMIT}, or "all".`);
    const page = q.page ?? 1;
    const filter = parseFilter(q.filter);
    const size = limit === 'all' ? 10_000 : limit;
    const { articles, total } = await browsePublishedArticles(deps.db, (eb) => eb.and([where(eb), filter(eb)]), parseOrder(q.order), size, (page - 1) * size);
    if (single && !articles.length) throw new GhostApiError(404, 'NotFoundError', 'Resource not found error, cannot read post.', 'Post not found.');
    const [tags, people] = await Promise.all([listTags(deps.db), listPeople(deps.db)]);
    const include = new Set((q.include ?? '').split(',').map((s) => s.trim()));
    const formats = new Set((q.formats ?? 'html').split(',').map((s) => s.trim()).filter((f): f is 'html' | 'plaintext' => f === 'html' || f === 'plaintext'));
    const base = origin(c);
    const extras = { tags: new Map(tags.map((t) => [t.id, t])), people: new Map(people.map((p) => [p.id, p])), formats };
    const items = articles.map((a) => {
      const post: Record<string, unknown> = serializePost(a, base, extras);
      // Ghost adds tags and authors only when asked; primary_tag and primary_author come with them.
      if (!include.has('tags')) for (const k of ['tags', 'primary_tag']) delete post[k];
      if (!include.has('authors')) for (const k of ['authors', 'primary_author']) delete post[k];
      return post;
    });
    return c.json({ posts: pick(items, q.fields), ...(single ? {} : { meta: { pagination: pagination(page, limit, total) } }) });
  }

  const route = (path: string, handler: (c: AppContext) => Promise<Response>) => [
    publicRoute('GET', `${BASE}${path}`, ghostHandler(async (c) => {
      await authorize(c);
      return handler(c);
    })),
  ];
  const listOf = async <T extends Record<string, unknown>>(c: AppContext, name: string, all: T[], matches: (item: T) => boolean, single: boolean) => {
    const q = readBrowse(c);
    const found = all.filter(matches);
    if (single) {
      if (!found.length) throw new GhostApiError(404, 'NotFoundError', `Resource not found error, cannot read ${name.replace(/s$/, '')}.`);
      return c.json({ [name]: pick(found.slice(0, 1), q.fields) });
    }
    const limit = q.limit ?? 15;
    const page = q.page ?? 1;
    const size = limit === 'all' ? Math.max(found.length, 1) : Math.min(limit, MAX_LIMIT);
    return c.json({ [name]: pick(found.slice((page - 1) * size, page * size), q.fields), meta: { pagination: pagination(page, limit === 'all' ? 'all' : size, found.length) } });
  };
  const language = (c: AppContext) => (c.req.query('language') === 'ar' ? 'ar' : 'en');
  const tagsOf = async (c: AppContext) => (await listTags(deps.db)).map((t) => serializeTag(t, language(c), origin(c)));
  const authorsOf = async (c: AppContext) => (await listPeople(deps.db)).map((p) => serializeAuthor(p, language(c), origin(c)));

  return [
    ...route('/posts/', (c) => posts(c, (eb) => eb.lit(true), readBrowse(c), false)),
    ...route('/posts/slug/:slug/', (c) => posts(c, (eb) => eb('a.slug', '=', pathParam(c, 'slug')), readBrowse(c), true)),
    ...route('/posts/:id/', (c) => posts(c, (eb) => eb('a.id', '=', pathParam(c, 'id')), readBrowse(c), true)),
    ...route('/pages/', async (c) => {
      const q = readBrowse(c);
      return c.json({ pages: [], meta: { pagination: pagination(q.page ?? 1, q.limit ?? 15, 0) } });
    }),
    ...route('/pages/slug/:slug/', async () => Promise.reject(new GhostApiError(404, 'NotFoundError', 'Resource not found error, cannot read page.'))),
    ...route('/pages/:id/', async () => Promise.reject(new GhostApiError(404, 'NotFoundError', 'Resource not found error, cannot read page.'))),
    ...route('/tags/', async (c) => listOf(c, 'tags', await tagsOf(c), () => true, false)),
    ...route('/tags/slug/:slug/', async (c) => listOf(c, 'tags', await tagsOf(c), (t) => t.slug === pathParam(c, 'slug'), true)),
    ...route('/tags/:id/', async (c) => listOf(c, 'tags', await tagsOf(c), (t) => t.id === pathParam(c, 'id'), true)),
    ...route('/authors/', async (c) => listOf(c, 'authors', await authorsOf(c), () => true, false)),
    ...route('/authors/slug/:slug/', async (c) => listOf(c, 'authors', await authorsOf(c), (a) => a.slug === pathParam(c, 'slug'), true)),
    ...route('/authors/:id/', async (c) => listOf(c, 'authors', await authorsOf(c), (a) => a.id === pathParam(c, 'id'), true)),
    ...route('/settings/', async (c) => {
      const [settings, sections] = await Promise.all([getSiteSettings(deps.db), listSections(deps.db)]);
      const base = origin(c);
      const lang = language(c);
      return c.json({
        settings: {
          title: settings.name[lang],
          description: settings.motto,
          logo: base + SITE_LOGO.path,
          icon: base + SITE_LOGO.path,
          accent_color: '#8a1c1c',
          cover_image: null,
          facebook: null,
          twitter: null,
          lang,
          locale: lang,
          timezone: settings.timeZone,
          codeinjection_head: null,
          codeinjection_foot: null,
          navigation: [{ label: createTranslator(lang, 'latn').t('site.home'), url: base + sitePaths(lang).home }, ...sections.map((s) => ({ label: s.name[lang], url: base + sitePaths(lang).section(s.slug) }))],
          secondary_navigation: [],
          ...NO_OVERRIDES,
          members_support_address: null,
          url: base + sitePaths(lang).home,
          title_en: settings.name.en,
          title_ar: settings.name.ar,
          languages: settings.languages,
        },
      });
    }),
  ];
}

import { pathParam, type RouteDef } from '../../http/access.js';
import { AppError } from '../../platform/errors.js';
import { findPersonBySlug } from '../people/index.js';
import { findSectionBySlug } from '../sections/index.js';
import { feedLinks, sitePages, type PageContext, type SiteDeps } from '../site/index.js';
import { findTagBySlug } from '../tags/index.js';
import type { ListFilter } from './articles.repo.js';
import { listArticles } from './articles.read.service.js';
import { PER_PAGE } from './articles.site-routes.js';
import { StoryListPage } from './views/story-list-page.js';

const notFound = () => new AppError('NOT_FOUND', 404, 'error.notFound');

async function listing(deps: SiteDeps, ctx: PageContext, filter: Omit<ListFilter, 'language'>, basePath: string) {
  const { items, total } = await listArticles(deps.db, { ...filter, language: ctx.lang }, ctx.page, PER_PAGE);
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
  if (ctx.page > pageCount) throw notFound();
  const canonical = ctx.absolute(basePath + (ctx.page > 1 ? `?page=${ctx.page}` : ''));
  return { items, pageCount, canonical, storyTags: items.map((s) => `article:${s.id}`) };
}

/** Section, tag and author pages: paginated lists of published stories in the page's language. */
export function listingSiteRoutes(deps: SiteDeps): RouteDef[] {
  return [
    ...sitePages(deps, 'GET', '/tag/:slug', async (c, ctx) => {
      const tag = await findTagBySlug(deps.db, pathParam(c, 'slug'));
      if (!tag) throw notFound();
      const base = ctx.paths.tag(tag.slug);
      const l = await listing(deps, ctx, { tagId: tag.id }, base);
      const title = ctx.t.t('tag.title', { tag: tag.name[ctx.lang] });
      return {
        head: { title: `${title} | ${ctx.settings.name[ctx.lang]}`, canonical: l.canonical, feeds: feedLinks(base, `${ctx.settings.name[ctx.lang]}: ${title}`) },
        body: <StoryListPage ctx={ctx} title={title} stories={l.items} basePath={base} pageCount={l.pageCount} />,
        tags: [`tag:${tag.id}:${ctx.lang}`, ...l.storyTags],
        translationPath: (ctx.lang === 'ar' ? '' : '/ar') + `/tag/${encodeURIComponent(tag.slug)}`,
      };
    }),
    ...sitePages(deps, 'GET', '/author/:slug', async (c, ctx) => {
      const person = await findPersonBySlug(deps.db, pathParam(c, 'slug'));
      if (!person) throw notFound();
      const base = ctx.paths.author(person.slug);
      const l = await listing(deps, ctx, { personId: person.id }, base);
      const name = person.name[ctx.lang];
      const bio = person.bio[ctx.lang];
      return {
        head: { title: `${name} | ${ctx.settings.name[ctx.lang]}`, description: bio || undefined, canonical: l.canonical, feeds: feedLinks(base, `${ctx.settings.name[ctx.lang]}: ${name}`) },
        body: (
          <StoryListPage
            ctx={ctx}
            title={name}
            intro={bio ? <p class="list-page__intro">{bio}</p> : undefined}
            stories={l.items}
            basePath={base}
            pageCount={l.pageCount}
          />
        ),
        tags: [`person:${person.id}:${ctx.lang}`, ...l.storyTags],
        translationPath: (ctx.lang === 'ar' ? '' : '/ar') + `/author/${encodeURIComponent(person.slug)}`,
      };
    }),
    ...sitePages(deps, 'GET', '/:section/', async (c, ctx) => {
      const section = ctx.sections.find((s) => s.slug === pathParam(c, 'section'));
      if (!section) throw notFound();
      const base = ctx.paths.section(section.slug);
      const l = await listing(deps, ctx, { sectionId: section.id }, base);
      return {
        head: { title: `${section.name[ctx.lang]} | ${ctx.settings.name[ctx.lang]}`, canonical: l.canonical, feeds: feedLinks(base, `${ctx.settings.name[ctx.lang]}: ${section.name[ctx.lang]}`) },
        body: <StoryListPage ctx={ctx} title={section.name[ctx.lang]} stories={l.items} basePath={base} pageCount={l.pageCount} />,
        tags: [`section:${section.id}:${ctx.lang}`, ...l.storyTags],
        translationPath: (ctx.lang === 'ar' ? '' : '/ar') + `/${section.slug}/`,
        navCurrent: base,
      };
    }),
    ...sitePages(deps, 'GET', '/:section', async (c, ctx) => {
      // "/politics" → "/politics/": one URL per page, and a typed address still works.
      const section = await findSectionBySlug(deps.db, pathParam(c, 'section'));
      if (!section) throw notFound();
      return c.redirect(ctx.paths.section(section.slug), 301);
    }),
  ];
}

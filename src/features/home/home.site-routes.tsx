import { publicRoute, type RouteDef } from '../../http/access.js';
import { listLatestArticles, type ArticleSummary } from '../articles/index.js';
import { homeJsonLd, sitePages, type SiteDeps } from '../site/index.js';
import { HomePage, type HomeData } from './views/home-page.js';

const LATEST = 6;
const PER_SECTION = 4;
const MORE_HEADLINES = 50;

export function homeSiteRoutes(deps: SiteDeps): RouteDef[] {
  // "/ar" alone would otherwise be read as a section called "ar".
  return [publicRoute('GET', '/ar', (c) => c.redirect('/ar/', 301)), ...sitePages(deps, 'GET', '/', async (_c, ctx) => {
    const items = await listLatestArticles(deps.db, { language: ctx.lang }, 1 + LATEST + MORE_HEADLINES);
    const [lead, ...rest] = items;
    const latest = rest.slice(0, LATEST);
    const shown = new Set<string>([lead, ...latest].flatMap((s) => (s ? [s.id] : [])));
    const sectionBlocks: HomeData['sectionBlocks'] = [];
    for (const section of ctx.sections) {
      const candidates = await listLatestArticles(deps.db, { language: ctx.lang, sectionId: section.id }, PER_SECTION * 2);
      const stories = candidates.filter((s) => !shown.has(s.id)).slice(0, PER_SECTION);
      stories.forEach((s) => shown.add(s.id));
      if (stories.length) sectionBlocks.push({ section, stories });
    }
    const moreHeadlines = rest.slice(LATEST).filter((s) => !shown.has(s.id));
    const all: ArticleSummary[] = [...items, ...sectionBlocks.flatMap((b) => b.stories)];
    const site = ctx.settings.name[ctx.lang];
    return {
      head: {
        title: ctx.t.t('home.title', { site }),
        description: ctx.t.t('site.footerAbout'),
        canonical: ctx.absolute(ctx.paths.home),
        alternates: [
          { hreflang: 'en', href: ctx.absolute('/') },
          { hreflang: 'ar', href: ctx.absolute('/ar/') },
          { hreflang: 'x-default', href: ctx.absolute('/') },
        ],
        jsonLd: homeJsonLd(ctx),
      },
      body: <HomePage ctx={ctx} data={{ lead, latest, sectionBlocks, moreHeadlines }} />,
      tags: [`home:${ctx.lang}`, ...ctx.sections.map((s) => `section:${s.id}:${ctx.lang}`), ...new Set(all.map((s) => `article:${s.id}`))],
      translationPath: ctx.lang === 'ar' ? '/' : '/ar/',
      navCurrent: ctx.paths.home,
    };
  })];
}

import type { RouteDef } from '../../http/access.js';
import { queryWords, searchArticles, StoryCard } from '../articles/index.js';
import { sitePages, type SiteDeps } from '../site/index.js';

/** /search and /ar/search: the masthead's search box lands here. Never cached: results depend on q. */
export function searchSiteRoutes(deps: SiteDeps): RouteDef[] {
  return sitePages(deps, 'GET', '/search', async (c, ctx) => {
    const { t } = ctx;
    const q = (c.req.query('q') ?? '').slice(0, 500).trim();
    const words = queryWords(q);
    const results = words.length ? await searchArticles(deps.db, ctx.lang, q) : [];
    const message = !q ? t.t('search.prompt') : !words.length ? t.t('search.tooShort') : results.length ? t.t('search.resultsFor', { q }) : t.t('search.noResults', { q });
    return {
      head: { title: `${t.t('search.title')} | ${ctx.settings.name[ctx.lang]}`, robots: 'noindex' },
      body: (
        <div class="search-page">
          <h1 class="list-page__title">{t.t('search.title')}</h1>
          <form class="search-page__form" role="search" action={ctx.paths.search} method="get">
            <label for="search-q">{t.t('site.searchPlaceholder')}</label>
            <input id="search-q" type="search" name="q" value={q} maxlength={500} dir="auto" />
            <button type="submit">{t.t('site.searchSubmit')}</button>
          </form>
          <p class="search-page__summary" role="status">
            {message}
          </p>
          <div class="story-grid">
            {results.map((s) => (
              <StoryCard story={s} ctx={ctx} variant="card" headingLevel={2} />
            ))}
          </div>
        </div>
      ),
      tags: [],
      cache: false,
      translationPath: ctx.lang === 'ar' ? '/search' : '/ar/search',
    };
  });
}

import type { RouteDef } from '../../http/access.js';
import { Pagination } from '../../http/components/pagination.js';
import { zonedLocalToUtc } from '../../platform/i18n/dates.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { sitePages, type PageContext, type SiteDeps } from '../site/index.js';
import { searchArticles, searchParamsSchema, type SearchFilter, type SearchOutcome, type SearchParams } from './search.service.js';
import { SearchHitView } from './views/search-hit.js';

export const RESULTS_PER_PAGE = 10;

function filterFrom(params: SearchParams, ctx: PageContext, now: Date): SearchFilter {
  const languages: Language[] = params.language === 'all' ? ['en', 'ar'] : [params.language ?? ctx.lang];
  const section = ctx.sections.find((s) => s.slug === params.section);
  // Dates are days in the site's time zone, as the reader sees them on the site.
  let from = params.from ? zonedLocalToUtc(`${params.from}T00:00:00`, ctx.settings.timeZone) : undefined;
  let to = params.to ? zonedLocalToUtc(`${params.to}T23:59:59`, ctx.settings.timeZone) : undefined;
  if (from && to && from > to) [from, to] = [zonedLocalToUtc(`${params.to}T00:00:00`, ctx.settings.timeZone), zonedLocalToUtc(`${params.from}T23:59:59`, ctx.settings.timeZone)];
  return { languages, sectionId: section?.id, from, to, sort: params.sort, now };
}

/** The same search with another page number, for the pagination links. */
function pageHref(basePath: string, params: SearchParams, page: number): string {
  const query = new URLSearchParams();
  query.set('q', params.q);
  if (params.language) query.set('language', params.language);
  if (params.section) query.set('section', params.section);
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.sort !== 'relevance') query.set('sort', params.sort);
  if (page > 1) query.set('page', String(page));
  return `${basePath}?${query.toString()}`;
}

const PROBLEM_MESSAGES = { empty: 'search.prompt', noWords: 'search.noWords', tooShort: 'search.tooShort', onlyExclusions: 'search.onlyExclusions' } as const;

function summaryText(ctx: PageContext, q: string, outcome: SearchOutcome | undefined): string {
  const { t } = ctx;
  if (!outcome) return t.t('search.prompt');
  if ('problem' in outcome) return t.t(PROBLEM_MESSAGES[outcome.problem]);
  if (outcome.capped) return t.t('search.resultsForMany', { q, count: outcome.total });
  return outcome.total ? t.t('search.resultsFor', { q, count: outcome.total }) : t.t('search.noResults', { q });
}

/** /search and /ar/search: the masthead's search box lands here. Never cached: results depend on q. */
export function searchSiteRoutes(deps: SiteDeps): RouteDef[] {
  return sitePages(deps, 'GET', '/search', async (c, ctx) => {
    const { t } = ctx;
    const params = searchParamsSchema.parse(c.req.query());
    const q = params.q.trim();
    const outcome = q ? await searchArticles(deps.db, q, filterFrom(params, ctx, deps.clock.now()), { number: params.page, size: RESULTS_PER_PAGE, poolSize: deps.config.search.poolSize }, ctx.lang) : undefined;
    const hits = outcome && 'hits' in outcome ? outcome.hits : [];
    const pageCount = outcome && 'total' in outcome ? Math.ceil(outcome.total / RESULTS_PER_PAGE) : 0;
    const language = params.language ?? ctx.lang;
    return {
      head: { title: `${q ? `${q} – ` : ''}${t.t('search.title')} | ${ctx.settings.name[ctx.lang]}`, robots: 'noindex' },
      body: (
        <div class="search-page">
          <h1 class="list-page__title">{t.t('search.title')}</h1>
          <form class="search-page__form" role="search" action={ctx.paths.search} method="get">
            <label for="search-q">{t.t('site.searchPlaceholder')}</label>
            <input id="search-q" type="search" name="q" value={q} maxlength={500} dir="auto" />
            <button type="submit">{t.t('site.searchSubmit')}</button>
            <details class="search-page__filters" open={Boolean(params.language || params.section || params.from || params.to || params.sort !== 'relevance')}>
              <summary>{t.t('search.refine')}</summary>
              <div class="search-page__filter-grid">
                <label>
                  {t.t('search.language')}
                  <select name="language">
                    <option value={ctx.lang} selected={language === ctx.lang}>{t.t(ctx.lang === 'ar' ? 'search.languageAr' : 'search.languageEn')}</option>
                    <option value={ctx.lang === 'ar' ? 'en' : 'ar'} selected={language === (ctx.lang === 'ar' ? 'en' : 'ar')}>{t.t(ctx.lang === 'ar' ? 'search.languageEn' : 'search.languageAr')}</option>
                    <option value="all" selected={language === 'all'}>{t.t('search.languageAll')}</option>
                  </select>
                </label>
                <label>
                  {t.t('search.section')}
                  <select name="section">
                    <option value="">{t.t('search.sectionAll')}</option>
                    {ctx.sections.map((s) => (
                      <option value={s.slug} selected={params.section === s.slug}>{s.name[ctx.lang]}</option>
                    ))}
                  </select>
                </label>
                <label>
                  {t.t('search.from')}
                  <input type="date" name="from" value={params.from ?? ''} />
                </label>
                <label>
                  {t.t('search.to')}
                  <input type="date" name="to" value={params.to ?? ''} />
                </label>
                <label>
                  {t.t('search.sort')}
                  <select name="sort">
                    <option value="relevance" selected={params.sort === 'relevance'}>{t.t('search.sortRelevance')}</option>
                    <option value="newest" selected={params.sort === 'newest'}>{t.t('search.sortNewest')}</option>
                  </select>
                </label>
              </div>
              <p class="search-page__tips">{t.t('search.tips')}</p>
            </details>
          </form>
          <p class="search-page__summary" role="status">
            {summaryText(ctx, q, outcome)}
          </p>
          <div class="search-results">
            {hits.map((hit) => (
              <SearchHitView hit={hit} ctx={ctx} />
            ))}
          </div>
          <Pagination t={t} basePath={ctx.paths.search} page={params.page} pageCount={pageCount} href={(p) => pageHref(ctx.paths.search, { ...params, q }, p)} />
        </div>
      ),
      tags: [],
      cache: false,
      translationPath: ctx.lang === 'ar' ? '/search' : '/ar/search',
    };
  });
}

import { StoryCard, type ArticleSummary } from '../../articles/index.js';
import type { Section } from '../../sections/index.js';
import type { PageContext } from '../../site/index.js';

export interface HomeData {
  lead: ArticleSummary | undefined;
  latest: ArticleSummary[];
  sectionBlocks: { section: Section; stories: ArticleSummary[] }[];
  moreHeadlines: ArticleSummary[];
}

/** The front page: lead story and latest headlines, a block per section, then the long headline list. */
export function HomePage(props: { ctx: PageContext; data: HomeData }) {
  const { ctx, data } = props;
  const { t } = ctx;
  if (!data.lead) {
    return (
      <div class="home">
        <h1 class="visually-hidden">{ctx.settings.name[ctx.lang]}</h1>
        <p class="empty">{t.t('home.empty')}</p>
      </div>
    );
  }
  return (
    <div class="home">
      <h1 class="visually-hidden">{ctx.settings.name[ctx.lang]}</h1>
      <div class="home__top">
        <section class="home__lead" aria-labelledby="home-lead">
          <h2 id="home-lead" class="visually-hidden">
            {t.t('home.lead')}
          </h2>
          <StoryCard story={data.lead} ctx={ctx} variant="lead" headingLevel={3} eager />
        </section>
        <section class="home__latest" aria-labelledby="home-latest">
          <h2 id="home-latest" class="block-title">
            {t.t('home.latest')}
          </h2>
          {data.latest.map((s) => (
            <StoryCard story={s} ctx={ctx} variant="compact" headingLevel={3} />
          ))}
        </section>
      </div>
      {data.sectionBlocks.map(({ section, stories }) => (
        <section class="section-block" aria-labelledby={`block-${section.slug}`} style={`--section-color:${section.color}`}>
          <h2 id={`block-${section.slug}`} class="block-title">
            <a href={ctx.paths.section(section.slug)}>{section.name[ctx.lang]}</a>
          </h2>
          <div class="story-grid">
            {stories.map((s, i) => (
              <StoryCard story={s} ctx={ctx} variant={i === 0 ? 'card' : 'compact'} headingLevel={3} />
            ))}
          </div>
          <a class="section-block__more" href={ctx.paths.section(section.slug)}>
            {t.t('home.moreIn', { section: section.name[ctx.lang] })}
          </a>
        </section>
      ))}
      {data.moreHeadlines.length ? (
        <section class="headline-list" aria-labelledby="more-headlines">
          <h2 id="more-headlines" class="block-title">
            {t.t('home.moreHeadlines')}
          </h2>
          <ul>
            {data.moreHeadlines.map((s) => (
              <li>
                <StoryCard story={s} ctx={ctx} variant="headline" headingLevel={3} />
              </li>
            ))}
          </ul>
          <a class="headline-list__all" href={ctx.paths.archive}>
            {t.t('site.archive')}
          </a>
        </section>
      ) : null}
    </div>
  );
}

import type { Child } from 'hono/jsx';
import { Pagination } from '../../../http/components/pagination.js';
import type { PageContext } from '../../site/index.js';
import type { ArticleSummary } from '../article.js';
import { StoryCard } from './story-card.js';

/** Section, tag, author and archive pages: a title, an optional intro, stories, pagination. */
export function StoryListPage(props: { ctx: PageContext; title: string; intro?: Child; stories: ArticleSummary[]; basePath: string; pageCount: number }) {
  const { ctx, stories } = props;
  const [first, ...rest] = stories;
  return (
    <div class="list-page">
      <h1 class="list-page__title">{props.title}</h1>
      {props.intro ?? null}
      {stories.length === 0 ? <p class="empty">{ctx.t.t('list.empty')}</p> : null}
      {first && ctx.page === 1 ? <StoryCard story={first} ctx={ctx} variant="lead" headingLevel={2} eager /> : null}
      <div class="story-grid">
        {(ctx.page === 1 ? rest : stories).map((s) => (
          <StoryCard story={s} ctx={ctx} variant="card" headingLevel={2} />
        ))}
      </div>
      <Pagination t={ctx.t} basePath={props.basePath} page={ctx.page} pageCount={props.pageCount} />
    </div>
  );
}

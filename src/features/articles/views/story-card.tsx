import { ResponsiveImage } from '../../media/index.js';
import type { PageContext } from '../../site/index.js';
import type { ArticleSummary } from '../article.js';

export type StoryVariant = 'lead' | 'card' | 'compact' | 'headline';

/** One story in a list: the same markup everywhere, shaped by a variant class. */
export function StoryCard(props: { story: ArticleSummary; ctx: PageContext; variant: StoryVariant; headingLevel?: 2 | 3 | 4; eager?: boolean }) {
  const { story: s, ctx, variant } = props;
  const H = (`h${props.headingLevel ?? 3}` as 'h3');
  const showImage = s.image && (variant === 'lead' || variant === 'card');
  return (
    <article class={`story story--${variant}`} style={`--section-color:${s.section.color}`}>
      {showImage && s.image ? (
        <a class="story__media" href={s.path} tabindex={-1} aria-hidden="true">
          <ResponsiveImage media={s.image.media} alt="" sizes={variant === 'lead' ? '(min-width: 60rem) 46rem, 100vw' : '(min-width: 60rem) 22rem, 100vw'} crop="16:9" eager={props.eager} />
        </a>
      ) : null}
      <div class="story__text">
        {variant !== 'headline' ? (
          <a class="story__section" href={ctx.paths.section(s.section.slug)}>
            {s.section.name}
          </a>
        ) : null}
        <H class="story__headline">
          <a href={s.path}>{s.headline}</a>
        </H>
        {variant === 'lead' || variant === 'card' ? <p class="story__standfirst">{s.standfirst}</p> : null}
        <time class="story__time" datetime={s.publishedAt.toISOString()}>
          {ctx.dates.shortDate(s.publishedAt)}
        </time>
      </div>
    </article>
  );
}

import type { PageContext } from '../../site/index.js';
import type { SearchHit } from '../search.service.js';

/**
 * One result: section, headline, date and the passage that matched, with the matching words marked.
 * The hit carries its own language and direction: with "all languages" an Arabic story can appear on
 * the English page, and its snippet must still read right to left.
 */
export function SearchHitView(props: { hit: SearchHit; ctx: PageContext }) {
  const { hit, ctx } = props;
  const foreign = hit.language !== ctx.lang;
  return (
    <article class="search-hit story" style={`--section-color:${hit.section.color}`} lang={foreign ? hit.language : undefined} dir={foreign ? (hit.language === 'ar' ? 'rtl' : 'ltr') : undefined}>
      <a class="story__section" href={ctx.paths.section(hit.section.slug)}>
        {hit.section.name}
      </a>
      <h2 class="story__headline">
        <a href={hit.path}>{hit.headline}</a>
      </h2>
      {hit.snippet.parts.length ? (
        <p class="search-hit__snippet">
          {hit.snippet.clippedStart ? '… ' : ''}
          {hit.snippet.parts.map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}
          {hit.snippet.clippedEnd ? ' …' : ''}
        </p>
      ) : null}
      <time class="story__time" datetime={hit.publishedAt.toISOString()}>
        {ctx.dates.shortDate(hit.publishedAt)}
      </time>
    </article>
  );
}

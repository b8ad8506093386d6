import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { createTranslator } from '../../../platform/i18n/i18n.js';
import { ResponsiveImage } from '../../media/index.js';
import type { PageContext } from '../../site/index.js';
import type { ArticlePage as ArticleData } from '../article.js';
import { StoryCard } from './story-card.js';

function Bylines(props: { ctx: PageContext; a: ArticleData }) {
  const { ctx, a } = props;
  if (!a.bylines.length) return null;
  const parts: Child[] = [];
  a.bylines.forEach((b, i) => {
    if (i > 0) parts.push(i === a.bylines.length - 1 ? ` ${ctx.t.t('article.and')} ` : ctx.lang === 'ar' ? '، ' : ', ');
    parts.push(
      b.personSlug ? (
        <a rel="author" href={ctx.paths.author(b.personSlug)}>
          {b.name}
        </a>
      ) : (
        <span>{b.name}</span>
      ),
    );
  });
  return (
    <p class="article__bylines">
      {ctx.t.t('article.by')} {parts}
    </p>
  );
}

/** The article page body, in the order of the seed page: headline, standfirst, body, signup, related. */
export function ArticleView(props: { ctx: PageContext; a: ArticleData; newsletter: Child; audio: Child }) {
  const { ctx, a } = props;
  const { t, dates } = ctx;
  const updated = a.updatedAt.getTime() - a.publishedAt.getTime() > 60_000;
  return (
    <article class="article" style={`--section-color:${a.section.color}`}>
      <header class="article__header">
        <a class="article__section" href={ctx.paths.section(a.section.slug)}>
          {a.section.name}
        </a>
        <h1 class="article__headline">{a.headline}</h1>
        {a.standfirst ? <p class="article__standfirst">{a.standfirst}</p> : null}
        <div class="article__meta">
          <Bylines ctx={ctx} a={a} />
          <p class="article__times">
            <span>
              {t.t('article.published')} <time datetime={a.publishedAt.toISOString()}>{dates.dateTime(a.publishedAt)}</time>
            </span>
            {updated ? (
              <span>
                {t.t('article.updated')} <time datetime={a.updatedAt.toISOString()}>{dates.dateTime(a.updatedAt)}</time>
              </span>
            ) : null}
          </p>
          {a.translation ? (
            <p class="article__translation">
              <a href={a.translation.path} hreflang={a.translation.language} lang={a.translation.language}>
                {createTranslator(a.translation.language).t('article.readThis')}
              </a>
            </p>
          ) : null}
        </div>
        {props.audio}
      </header>
      {a.image ? (
        <figure class="article__image">
          <ResponsiveImage media={a.image.media} alt={a.image.alt} sizes="(min-width: 48rem) 46rem, 100vw" eager />
          {a.image.caption || a.image.credit ? (
            <figcaption>
              {a.image.caption}
              {a.image.credit ? <span class="credit"> {t.t('article.imageCredit', { credit: a.image.credit })}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <div class="article__body" data-embed-note={t.t('article.embedNote')} data-embed-load={t.t('article.embedLoad')} data-embed-title={t.t('article.embedTitle')}>
        {raw(a.bodyHtml)}
      </div>
      {a.corrections.length ? (
        <aside class="corrections" aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t.t('article.corrections')}</h2>
          <ul>
            {a.corrections.map((c) => (
              <li>
                <time datetime={c.createdAt.toISOString()}>{t.t('article.correctionOn', { date: dates.dateTime(c.createdAt) })}</time>
                <p>{c.note}</p>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      {a.tags.length ? (
        <nav class="article__tags" aria-label={t.t('article.tags')}>
          <h2 class="visually-hidden">{t.t('article.tags')}</h2>
          <ul>
            {a.tags.map((tag) => (
              <li>
                <a href={ctx.paths.tag(tag.slug)} rel="tag">
                  {tag.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {props.newsletter}
      {a.related.length ? (
        <section class="related" aria-labelledby="related-title">
          <h2 id="related-title">{t.t('article.related')}</h2>
          <div class="story-grid">
            {a.related.map((s) => (
              <StoryCard story={s} ctx={ctx} variant="card" headingLevel={3} />
            ))}
          </div>
        </section>
      ) : null}
    </article>
  );
}

import { articleJsonLd, articleMetaTags } from './article-metadata.js';
import { pathParam, type RouteDef } from '../../http/access.js';
import { AppError } from '../../platform/errors.js';
import { SignupBox } from '../newsletters/index.js';
import { mediaCacheTag } from '../media/index.js';
import { sitePages, type SiteDeps } from '../site/index.js';
import { findArticleForPage, listArticles } from './articles.read.service.js';
import type { AudioLookup } from './audio-lookup.js';
import { AudioSlot } from './views/audio-slot.js';
import { ArticleView } from './views/article-page.js';
import { StoryListPage } from './views/story-list-page.js';

export const PER_PAGE = 20;

/** The paginated list of every published story. Registered before the /:section patterns. */
export function archiveSiteRoutes(deps: SiteDeps): RouteDef[] {
  return sitePages(deps, 'GET', '/archive', async (_c, ctx) => {
      const { items, total } = await listArticles(deps.db, { language: ctx.lang }, ctx.page, PER_PAGE);
      const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
      if (ctx.page > pageCount) throw new AppError('PAGE_OUT_OF_RANGE', 404, 'error.notFound');
      return {
        head: { title: `${ctx.t.t('archive.title')} | ${ctx.settings.name[ctx.lang]}`, canonical: ctx.absolute(ctx.paths.archive + (ctx.page > 1 ? `?page=${ctx.page}` : '')) },
        body: <StoryListPage ctx={ctx} title={ctx.t.t('archive.title')} stories={items} basePath={ctx.paths.archive} pageCount={pageCount} />,
        tags: [`archive:${ctx.lang}`, ...items.map((s) => `article:${s.id}`)],
        translationPath: ctx.lang === 'ar' ? '/archive' : '/ar/archive',
      };
    });
}

/** Scripts only where they earn their place: the Listen player with audio, the embed loader with embeds. */
export function pageScripts(deps: { assets: SiteDeps['assets'] }, bodyHtml: string, hasAudio: boolean): string[] {
  const scripts: string[] = [];
  if (hasAudio && deps.assets.siteAudioJs) scripts.push(deps.assets.siteAudioJs.url);
  if (bodyHtml.includes('data-embed-src=') && deps.assets.siteEmbedsJs) scripts.push(deps.assets.siteEmbedsJs.url);
  return scripts;
}

/** The article page. An old slug or a moved section answers 301 to the current address. */
export function articleSiteRoutes(deps: SiteDeps & { audio: AudioLookup }): RouteDef[] {
  return [
    ...sitePages(deps, 'GET', '/:section/:slug', async (c, ctx) => {
      const found = await findArticleForPage(deps.db, ctx.lang, pathParam(c, 'section'), pathParam(c, 'slug'));
      if (found.kind === 'redirect') return c.redirect(found.path, 301);
      if (found.kind === 'missing') throw new AppError('ARTICLE_NOT_FOUND', 404, 'error.notFound');
      const a = found.article;
      const audio = await deps.audio.forArticle(deps.db, a.id);
      const site = ctx.settings.name[ctx.lang];
      const alternates: { hreflang: string; href: string }[] = [{ hreflang: a.language, href: ctx.absolute(a.path) }];
      if (a.translation) alternates.push({ hreflang: a.translation.language, href: ctx.absolute(a.translation.path) });
      // x-default: the English version when there is one (the wider audience), else this page.
      alternates.push({ hreflang: 'x-default', href: alternates.find((l) => l.hreflang === 'en')?.href ?? alternates[0]!.href });
      const canonical = a.canonicalUrl || ctx.absolute(a.path);
      return {
        head: {
          title: `${a.seoTitle || a.headline} | ${site}`,
          description: a.seoDescription || a.standfirst,
          canonical,
          alternates: a.translation ? alternates : [],
          meta: articleMetaTags(ctx, a, canonical),
          jsonLd: articleJsonLd(ctx, a, canonical),
          // The signup dialog belongs to the public article only, not to the newsroom's preview.
          scripts: [...pageScripts(deps, a.bodyHtml, audio !== null), ...(deps.assets.siteNewsletterJs ? [deps.assets.siteNewsletterJs.url] : [])],
        },
        body: <ArticleView ctx={ctx} a={a} audio={<AudioSlot audio={audio} t={ctx.t} articleId={a.id} siteName={site} />} newsletter={<SignupBox t={ctx.t} action={ctx.paths.newsletter} from={a.path} languages={ctx.settings.languages} />} />,
        tags: [
          `article:${a.id}`,
          ...(a.image ? [mediaCacheTag(a.image.media.id)] : []),
          ...a.bodyMediaIds.map(mediaCacheTag),
          // The related list is drawn from the section and tags, so new stories there change this page.
          `section:${a.section.id}:${ctx.lang}`,
          ...a.tags.map((tag) => `tag:${tag.id}:${ctx.lang}`),
          ...a.related.map((r) => `article:${r.id}`),
        ],
        translationPath: a.translation?.path,
        navCurrent: ctx.paths.section(a.section.slug),
      };
    }),
  ];
}

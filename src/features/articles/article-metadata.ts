import { mediaUrl, type MediaImage } from '../media/index.js';
import { SITE_LOGO, type PageContext } from '../site/index.js';
import type { ArticlePage } from './article.js';

/**
 * What search engines and social networks read of an article page: schema.org JSON-LD (NewsArticle
 * with everything Google's article guidelines ask for, and a BreadcrumbList) and OpenGraph / X card
 * meta tags. Built from the same ArticlePage the reader sees, so the two never disagree.
 */

const OG_LOCALE = { en: 'en_US', ar: 'ar_AR' } as const;

/** The featured image in 16:9, 4:3 and 1:1 (Google's three), the widest of each crop; the master alone before the crops exist. */
export function imageSet(image: MediaImage): string[] {
  const urls: string[] = [];
  for (const crop of ['16:9', '4:3', '1:1'] as const) {
    const best = image.variants
      .filter((v) => v.crop === crop && (v.format === 'jpeg' || v.format === 'png' || v.format === 'webp'))
      .sort((a, b) => b.width - a.width || (a.format === 'webp' ? 1 : -1))[0];
    if (best) urls.push(mediaUrl(best.file));
  }
  return urls.length ? urls : [mediaUrl(image.fileName)];
}

export function articleJsonLd(ctx: PageContext, a: ArticlePage, canonical: string): object[] {
  const site = ctx.settings.name[ctx.lang];
  const home = ctx.absolute(ctx.paths.home);
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      headline: a.headline.slice(0, 110),
      description: a.seoDescription || a.standfirst,
      ...(a.image ? { image: imageSet(a.image.media).map((u) => ctx.absolute(u)) } : {}),
      datePublished: a.publishedAt.toISOString(),
      dateModified: (a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt).toISOString(),
      author: a.bylines.length
        ? a.bylines.map((b) => (b.personSlug ? { '@type': 'Person', name: b.name, url: ctx.absolute(ctx.paths.author(b.personSlug)) } : { '@type': 'Organization', name: b.name }))
        : [{ '@type': 'Organization', name: site, url: home }],
      publisher: { '@type': 'Organization', name: site, url: home, logo: { '@type': 'ImageObject', url: ctx.absolute(SITE_LOGO.path), width: SITE_LOGO.width, height: SITE_LOGO.height } },
      inLanguage: a.language,
      articleSection: a.section.name,
      ...(a.tags.length ? { keywords: a.tags.map((t) => t.name) } : {}),
      isAccessibleForFree: true,
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: ctx.t.t('site.home'), item: home },
        { '@type': 'ListItem', position: 2, name: a.section.name, item: ctx.absolute(ctx.paths.section(a.section.slug)) },
        { '@type': 'ListItem', position: 3, name: a.headline, item: canonical },
      ],
    },
  ];
}

export type MetaTag = { property: string; content: string } | { name: string; content: string };

export function articleMetaTags(ctx: PageContext, a: ArticlePage, canonical: string): MetaTag[] {
  const image = a.image ? ctx.absolute(imageSet(a.image.media)[0]!) : undefined;
  const description = a.seoDescription || a.standfirst;
  return [
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: ctx.settings.name[ctx.lang] },
    { property: 'og:title', content: a.seoTitle || a.headline },
    { property: 'og:description', content: description },
    { property: 'og:url', content: canonical },
    { property: 'og:locale', content: OG_LOCALE[a.language] },
    ...(a.translation ? [{ property: 'og:locale:alternate', content: OG_LOCALE[a.translation.language] }] : []),
    ...(image ? [{ property: 'og:image', content: image }, ...(a.image!.alt ? [{ property: 'og:image:alt', content: a.image!.alt }] : [])] : []),
    { property: 'article:published_time', content: a.publishedAt.toISOString() },
    { property: 'article:modified_time', content: (a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt).toISOString() },
    { property: 'article:section', content: a.section.name },
    ...a.tags.map((t) => ({ property: 'article:tag', content: t.name })),
    ...a.bylines.flatMap((b) => (b.personSlug ? [{ property: 'article:author', content: ctx.absolute(ctx.paths.author(b.personSlug)) }] : [])),
    { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: a.seoTitle || a.headline },
    { name: 'twitter:description', content: description },
    ...(image ? [{ name: 'twitter:image', content: image }] : []),
  ];
}

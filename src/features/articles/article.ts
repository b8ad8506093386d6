import type { Language } from '../../platform/i18n/i18n.js';
import type { MediaImage } from '../media/index.js';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Tashkeel, Quranic marks, tatweel: dropped from slugs so a readable Arabic slug stays stable. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LATIN_LETTERS: Record<string, string> = { ø: 'o', ß: 'ss', ł: 'l', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

/**
 * A URL slug from a headline. Latin is folded to ASCII; Arabic letters are kept (a readable Arabic
 * slug, percent-encoded on the wire) with diacritics removed; everything else becomes a hyphen.
 */
export function slugify(headline: string, maxLength = 80): string {
  const slug = headline
    .toLowerCase()
    .replace(/[øßłæœđðþıħ]/g, (ch) => LATIN_LETTERS[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // Recompose so Arabic letters with hamza (أ إ ؤ) stay whole; only their optional marks go.
    .normalize('NFC')
    .replace(ARABIC_MARKS, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9\u0621-\u064A\u0660-\u0669\u06A9\u06AF\u06CC]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** The public path of an article; Arabic slugs are percent-encoded so links survive any client. */
export function articlePath(lang: Language, sectionSlug: string, slug: string): string {
  return `${lang === 'ar' ? '/ar' : ''}/${sectionSlug}/${encodeURIComponent(slug)}`;
}

export interface ArticleImage {
  /** Everything the responsive image needs (variants, crops). */
  media: MediaImage;
  url: string;
  width: number;
  height: number;
  /** The master file's size (feeds give it with the enclosure). */
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface BylineView {
  name: string;
  /** Staff and known contributors have an author page; an agency byline has none. */
  personSlug: string | null;
}

export interface ArticleSummary {
  id: string;
  language: Language;
  slug: string;
  headline: string;
  standfirst: string;
  section: { id: string; slug: string; name: string; color: string };
  publishedAt: Date;
  image: ArticleImage | null;
  path: string;
}

export interface ArticlePage extends ArticleSummary {
  translationGroupId: string;
  /** The stored body with library images made responsive (body-images.tsx). */
  bodyHtml: string;
  /** The library images in the body: the page carries their cache tags. */
  bodyMediaIds: string[];
  updatedAt: Date;
  bylines: BylineView[];
  tags: { id: string; slug: string; name: string }[];
  corrections: { note: string; createdAt: Date }[];
  translation: { language: Language; path: string; headline: string } | null;
  related: ArticleSummary[];
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
  personIds: string[];
}

/** Page-cache tags of the pages that show an article or list it; see platform/cache/page-cache.ts. */
export function articleCacheTags(a: { id: string; language: Language; sectionId: string; tagIds: readonly string[]; personIds: readonly string[] }): string[] {
  const l = a.language;
  return [
    `article:${a.id}`,
    `home:${l}`,
    `archive:${l}`,
    `section:${a.sectionId}:${l}`,
    ...a.tagIds.map((t) => `tag:${t}:${l}`),
    ...a.personIds.map((p) => `person:${p}:${l}`),
  ];
}

import type { Language } from '../../platform/i18n/i18n.js';
import type { ArticlePage } from '../articles/index.js';
import type { Person } from '../people/index.js';
import { sitePaths } from '../site/index.js';
import type { Tag } from '../tags/index.js';

/**
 * Our records in the shapes of Ghost's Content API (v5), so a Ghost front end finds every field it
 * reads. Fields Ghost has and we do not fill are null (or false), as Ghost writes them; the bilingual
 * fields Ghost lacks are added beside its own (language, translations, section, name_en/name_ar…).
 */
const WORDS_PER_MINUTE = 265;

export function plainText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
}

/** The social and SEO overrides Ghost objects carry; we have none beyond the article's own SEO fields. */
export const NO_OVERRIDES = { og_image: null, og_title: null, og_description: null, twitter_image: null, twitter_title: null, twitter_description: null, meta_title: null, meta_description: null } as const;

export function serializeTag(t: Pick<Tag, 'id' | 'slug' | 'name'>, lang: Language, origin: string) {
  return {
    id: t.id,
    name: t.name[lang],
    slug: t.slug,
    description: null,
    feature_image: null,
    visibility: 'public',
    ...NO_OVERRIDES,
    codeinjection_head: null,
    codeinjection_foot: null,
    canonical_url: null,
    accent_color: null,
    url: origin + sitePaths(lang).tag(t.slug),
    name_en: t.name.en,
    name_ar: t.name.ar,
  };
}

export function serializeAuthor(p: Pick<Person, 'id' | 'slug' | 'name' | 'bio' | 'kind'>, lang: Language, origin: string, profileImage: string | null = null) {
  return {
    id: p.id,
    name: p.name[lang],
    slug: p.slug,
    profile_image: profileImage,
    cover_image: null,
    bio: p.bio[lang] || null,
    website: null,
    location: null,
    facebook: null,
    twitter: null,
    meta_title: null,
    meta_description: null,
    url: origin + sitePaths(lang).author(p.slug),
    name_en: p.name.en,
    name_ar: p.name.ar,
    kind: p.kind,
  };
}

export interface PostExtras {
  /** Tags and authors by id, in both languages, for `include`. */
  tags: Map<string, Tag>;
  people: Map<string, Person>;
  formats: Set<'html' | 'plaintext'>;
}

export function serializePost(a: ArticlePage, origin: string, extras: PostExtras) {
  const text = plainText(a.bodyHtml);
  const tags = a.tags.flatMap((t) => {
    const tag = extras.tags.get(t.id);
    return tag ? [serializeTag(tag, a.language, origin)] : [];
  });
  const authors = a.personIds.flatMap((id) => {
    const person = extras.people.get(id);
    return person ? [serializeAuthor(person, a.language, origin)] : [];
  });
  return {
    id: a.id,
    uuid: a.id,
    title: a.headline,
    slug: a.slug,
    ...(extras.formats.has('html') ? { html: a.bodyHtml } : {}),
    ...(extras.formats.has('plaintext') ? { plaintext: text } : {}),
    comment_id: a.id,
    feature_image: a.image ? origin + a.image.url : null,
    feature_image_alt: a.image?.alt || null,
    feature_image_caption: a.image?.caption || null,
    featured: false,
    visibility: 'public',
    created_at: a.publishedAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
    published_at: a.publishedAt.toISOString(),
    custom_excerpt: a.standfirst || null,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: a.canonicalUrl || null,
    url: origin + a.path,
    excerpt: a.standfirst || text.slice(0, 500),
    reading_time: Math.max(1, Math.round(text.split(' ').length / WORDS_PER_MINUTE)),
    access: true,
    comments: false,
    ...NO_OVERRIDES,
    meta_title: a.seoTitle || null,
    meta_description: a.seoDescription || null,
    email_subject: null,
    frontmatter: null,
    tags,
    authors,
    primary_tag: tags[0] ?? null,
    primary_author: authors[0] ?? null,
    language: a.language,
    section: { id: a.section.id, slug: a.section.slug, name: a.section.name },
    bylines: a.bylines.map((b) => b.name),
    translations: a.translation ? [{ language: a.translation.language, url: origin + a.translation.path, title: a.translation.headline }] : [],
  };
}

import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import type { ArticleDocument } from '../../editor/index.js';
import { slugify, type ArticleInput } from '../articles/index.js';
import { findMediaImagesByFileNames } from '../media/index.js';
import { listPeople } from '../people/index.js';
import { listSections } from '../sections/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { listStaff } from '../staff/index.js';
import { createTag, listTags, type Tag } from '../tags/index.js';
import { GhostApiError } from './ghost-errors.js';
import { libraryImage } from './html-to-document.js';

/**
 * A post as Ghost's Admin API clients send it, mapped onto our article input. Unknown and read-only
 * fields (url, uuid, reading_time… a client often sends back what it read) are ignored, as Ghost
 * ignores them. Added beside Ghost's fields: `language` (en|ar), `translation_of` (an article id) and
 * `section` (a section slug; without it, the primary tag if it names a section, else the first section).
 */
const text = (max: number) => z.string().trim().max(max);
const ref = z.object({ id: z.string().max(64).optional(), slug: z.string().max(120).optional(), name: text(80).optional(), name_en: text(80).optional(), name_ar: text(80).optional(), email: z.string().max(320).optional() });

export const postInputSchema = z.object({
  title: text(300).min(1).optional(),
  slug: text(120).optional(),
  html: z.string().max(2_000_000).optional(),
  lexical: z.unknown().optional(),
  mobiledoc: z.unknown().optional(),
  custom_excerpt: text(1000).nullable().optional(),
  status: z.enum(['draft', 'published', 'scheduled']).optional(),
  published_at: z.iso.datetime({ offset: true }).nullable().optional(),
  updated_at: z.string().max(40).optional(),
  tags: z.array(z.union([text(80).min(1), ref])).max(20).optional(),
  authors: z.array(z.union([z.string().max(320), ref])).max(10).optional(),
  feature_image: z.string().max(2048).nullable().optional(),
  feature_image_alt: text(500).nullable().optional(),
  feature_image_caption: text(500).nullable().optional(),
  meta_title: text(200).nullable().optional(),
  meta_description: text(400).nullable().optional(),
  canonical_url: z.string().max(2048).nullable().optional(),
  language: z.enum(['en', 'ar']).optional(),
  translation_of: z.string().max(64).optional(),
  section: z.union([z.string().max(120), z.object({ slug: z.string().max(120) })]).optional(),
});
export type PostInput = z.infer<typeof postInputSchema>;

/** Our input's field names as Ghost's clients know them, for error messages. */
export const GHOST_FIELD: Record<string, string> = {
  headline: 'title',
  standfirst: 'custom_excerpt',
  body: 'html',
  sectionSlug: 'section',
  tagSlugs: 'tags',
  bylines: 'authors',
  featuredImage: 'feature_image',
  seoTitle: 'meta_title',
  seoDescription: 'meta_description',
  canonicalUrl: 'canonical_url',
  translationOf: 'translation_of',
  targetUrl: 'target_url',
};

const invalid = (field: string, context: string) => new GhostApiError(422, 'ValidationError', `Validation error, cannot save ${field}.`, context, field);

/**
 * The slug for a new tag: the one asked for if it is valid, else the English name's, made unique.
 * Our tag slugs are Latin (both languages' addresses share them): an Arabic-only name gets a neutral one.
 */
export function newTagSlug(name: string, wanted: string | undefined, taken: ReadonlySet<string>, now: Date): string {
  const latin = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(wanted ?? '') ? wanted! : slugify(name, 60).replace(/[^a-z0-9-]+/g, '').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  let slug = latin || `tag-${now.getTime().toString(36)}`;
  for (let i = 2; taken.has(slug); i++) slug = `${latin || 'tag'}-${i}`;
  return slug;
}

/** Tags by id, slug or name (either language); a name we do not have yet becomes a new tag, as in Ghost. */
async function resolveTags(db: Db, refs: NonNullable<PostInput['tags']>, now: Date): Promise<string[]> {
  let all = await listTags(db);
  const slugs: string[] = [];
  for (const r of refs) {
    const wanted = typeof r === 'string' ? { name: r } : r;
    const lower = (s: string | undefined) => s?.toLocaleLowerCase();
    let tag: Tag | undefined = all.find((t) => (wanted.id && t.id === wanted.id) || (wanted.slug && t.slug === wanted.slug));
    const names = [wanted.name, wanted.name_en, wanted.name_ar].filter((n): n is string => !!n).map(lower);
    tag ??= all.find((t) => names.includes(lower(t.name.en)) || names.includes(lower(t.name.ar)));
    if (!tag) {
      const en = wanted.name_en || wanted.name || wanted.name_ar;
      const ar = wanted.name_ar || wanted.name || wanted.name_en;
      if (!en || !ar) throw invalid('tags', `No tag has the id or slug "${wanted.id ?? wanted.slug ?? ''}"; give a name to create one.`);
      tag = await createTag(db, { slug: newTagSlug(en, wanted.slug, new Set(all.map((t) => t.slug)), now), name: { en, ar } }, now);
      all = [...all, tag];
    }
    if (!slugs.includes(tag.slug)) slugs.push(tag.slug);
  }
  return slugs;
}

/** Authors are our people: by id, slug, or a staff member's email (their byline person). */
async function resolveAuthors(db: Db, refs: NonNullable<PostInput['authors']>): Promise<ArticleInput['bylines']> {
  const [people, staff] = await Promise.all([listPeople(db), listStaff(db)]);
  return refs.map((r) => {
    const wanted = typeof r === 'string' ? (r.includes('@') ? { email: r } : { slug: r }) : r;
    const personId = wanted.email ? staff.find((s) => s.email.toLowerCase() === wanted.email!.toLowerCase())?.personId : undefined;
    const person = people.find((p) => p.id === wanted.id || p.slug === wanted.slug || (personId && p.id === personId));
    if (!person) throw invalid('authors', `No author is known as "${wanted.id ?? wanted.slug ?? wanted.email ?? ''}".`);
    return { personSlug: person.slug };
  });
}

async function featuredImage(db: Db, post: PostInput, current: ArticleInput['featuredImage'] | undefined, origin: string): Promise<ArticleInput['featuredImage']> {
  if (post.feature_image === null) return null;
  if (post.feature_image === undefined) {
    if (!current) return null;
    return { ...current, alt: post.feature_image_alt ?? current.alt ?? '', caption: post.feature_image_caption ?? current.caption ?? '' };
  }
  const ref = libraryImage(post.feature_image, origin);
  const media = ref ? (await findMediaImagesByFileNames(db, [ref.fileName])).get(ref.fileName) : undefined;
  if (!media) throw invalid('feature_image', 'The feature image must be in the media library: upload it to /ghost/api/admin/images/upload/ first and send the URL it answers.');
  return { mediaId: media.id, alt: post.feature_image_alt ?? '', caption: post.feature_image_caption ?? '', credit: current?.credit ?? '' };
}

/**
 * The article input for a new post (no `current`) or for an edit, where what the post leaves out
 * keeps its value. `body` is the reduced HTML when the client sent some.
 */
export async function toArticleInput(db: Db, post: PostInput, current: (ArticleInput & { body: unknown }) | undefined, body: ArticleDocument | undefined, ctx: { origin: string; now: Date }): Promise<ArticleInput> {
  if ((post.lexical !== undefined || post.mobiledoc !== undefined) && body === undefined) {
    throw invalid('html', 'Send the body as html with ?source=html: Lexical and Mobiledoc are not read here.');
  }
  const headline = post.title ?? current?.headline;
  if (!headline) throw invalid('title', 'A post needs a title.');
  const tagSlugs = post.tags ? await resolveTags(db, post.tags, ctx.now) : (current?.tagSlugs ?? []);
  const sectionWanted = typeof post.section === 'object' ? post.section.slug : post.section;
  let sectionSlug = sectionWanted ?? current?.sectionSlug;
  if (!sectionSlug) {
    const sections = await listSections(db);
    sectionSlug = sections.find((s) => s.slug === tagSlugs[0])?.slug ?? sections[0]?.slug;
    if (!sectionSlug) throw invalid('section', 'The site has no sections yet.');
  }
  const language = current?.language ?? post.language ?? (await getSiteSettings(db)).languages[0]!;
  return {
    language,
    headline,
    standfirst: post.custom_excerpt === undefined ? (current?.standfirst ?? '') : (post.custom_excerpt ?? ''),
    body: body ?? current?.body ?? { type: 'doc', content: [] },
    sectionSlug,
    slug: post.slug ?? current?.slug,
    tagSlugs,
    bylines: post.authors ? await resolveAuthors(db, post.authors) : (current?.bylines ?? []),
    featuredImage: await featuredImage(db, post, current?.featuredImage, ctx.origin),
    seoTitle: post.meta_title === undefined ? (current?.seoTitle ?? '') : (post.meta_title ?? ''),
    seoDescription: post.meta_description === undefined ? (current?.seoDescription ?? '') : (post.meta_description ?? ''),
    canonicalUrl: post.canonical_url === undefined ? (current?.canonicalUrl ?? '') : (post.canonical_url ?? ''),
    ...(current ? {} : post.translation_of ? { translationOf: post.translation_of } : {}),
  };
}

import { documentFromBlocks, type SimpleBlock } from '../src/editor/index.js';
import { createArticle, publishArticle, type ArticleInput } from '../src/features/articles/index.js';
import { createPerson } from '../src/features/people/index.js';
import { createSection } from '../src/features/sections/index.js';
import { createTag } from '../src/features/tags/index.js';
import type { TestSite } from './kit.js';

/** A small newsroom: two sections, three tags, two writers. Returns nothing; refer to them by slug. */
export async function seedNewsroom(site: TestSite): Promise<void> {
  const { db } = site.deps;
  const now = site.clock.now();
  await createSection(db, { slug: 'politics', name: { en: 'Politics', ar: 'سياسة' }, position: 0, color: '#b3261e' }, now);
  await createSection(db, { slug: 'economy', name: { en: 'Economy', ar: 'اقتصاد' }, position: 1, color: '#0b6e4f' }, now);
  await createTag(db, { slug: 'gaza', name: { en: 'Gaza', ar: 'غزة' } }, now);
  await createTag(db, { slug: 'oil', name: { en: 'Oil', ar: 'النفط' } }, now);
  await createTag(db, { slug: 'trade', name: { en: 'Trade', ar: 'التجارة' } }, now);
  await createPerson(db, { slug: 'layla-haddad', name: { en: 'Layla Haddad', ar: 'ليلى حداد' }, bio: { en: 'Covers diplomacy.', ar: 'تغطي الدبلوماسية.' } }, now);
  await createPerson(db, { slug: 'omar-farouk', name: { en: 'Omar Farouk', ar: 'عمر فاروق' } }, now);
}

let counter = 0;

/** Creates and publishes an article through the newsroom's own services; returns its id and slug. */
export async function publishedArticle(
  site: TestSite,
  overrides: Partial<Omit<ArticleInput, 'body'>> & { blocks?: SimpleBlock[]; publishedAt?: Date } = {},
): Promise<{ id: string; slug: string }> {
  counter++;
  const { blocks, publishedAt, ...rest } = overrides;
  const input: ArticleInput = {
    language: 'en',
    headline: `Test story number ${counter}`,
    standfirst: `The standfirst of story ${counter}.`,
    sectionSlug: 'politics',
    bylines: [{ personSlug: 'layla-haddad' }],
    ...rest,
    body: documentFromBlocks(blocks ?? [{ type: 'p', text: `Body paragraph of story ${counter}.` }]),
  };
  const created = await createArticle(site.deps, input);
  await publishArticle(site.deps, created.id, publishedAt ?? new Date(site.clock.now().getTime() - counter * 60_000));
  return created;
}

import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { findTagRowBySlug, insertTagRow, listTagRows, listTagRowsBySlugs, updateTagRow } from './tags.repo.js';
import type { TagsTable } from './tags.table.js';

export interface Tag {
  id: string;
  slug: string;
  name: Record<Language, string>;
}

export const newTagSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(60),
  name: z.object({ en: z.string().min(1).max(80), ar: z.string().min(1).max(80) }),
});

export const toTag = (r: Pick<TagsTable, 'id' | 'slug' | 'name_en' | 'name_ar'>): Tag => ({ id: r.id, slug: r.slug, name: { en: r.name_en, ar: r.name_ar } });

export async function findTagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  const row = await findTagRowBySlug(db, slug);
  return row && toTag(row);
}

export async function listTagsBySlugs(db: Db, slugs: readonly string[]): Promise<Tag[]> {
  if (!slugs.length) return [];
  return (await listTagRowsBySlugs(db, slugs)).map(toTag);
}

export async function createTag(db: Db, input: z.input<typeof newTagSchema>, now: Date): Promise<Tag> {
  const v = newTagSchema.parse(input);
  const row: TagsTable = { id: newId(), slug: v.slug, name_en: v.name.en, name_ar: v.name.ar, created_at: toDbTime(now) };
  await insertTagRow(db, row);
  return toTag(row);
}

export async function listTags(db: Db): Promise<Tag[]> {
  return (await listTagRows(db)).map(toTag);
}

export async function renameTag(db: Db, id: string, name: { en: string; ar: string }): Promise<void> {
  const v = newTagSchema.shape.name.parse(name);
  await updateTagRow(db, id, { name_en: v.en, name_ar: v.ar });
}

import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { RESERVED_SLUGS, type Section } from './section.js';
import { findSectionRowBySlug, insertSectionRow, listSectionRows, updateSectionRow } from './sections.repo.js';
import type { SectionsTable } from './sections.table.js';

export const newSectionSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(60).refine((s) => !RESERVED_SLUGS.has(s), 'a slug not used by a site route'),
  name: z.object({ en: z.string().min(1).max(80), ar: z.string().min(1).max(80) }),
  position: z.number().int(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});

const toSection = (r: SectionsTable): Section => ({ id: r.id, slug: r.slug, name: { en: r.name_en, ar: r.name_ar }, position: r.position, color: r.color });

export async function listSections(db: Db): Promise<Section[]> {
  return (await listSectionRows(db)).map(toSection);
}

export async function findSectionBySlug(db: Db, slug: string): Promise<Section | undefined> {
  const row = await findSectionRowBySlug(db, slug);
  return row && toSection(row);
}

export async function createSection(db: Db, input: z.input<typeof newSectionSchema>, now: Date): Promise<Section> {
  const v = newSectionSchema.parse(input);
  if (await findSectionRowBySlug(db, v.slug)) throw new AppError('SECTION_SLUG_TAKEN', 409, 'error.badRequest');
  const row: SectionsTable = { id: newId(), slug: v.slug, name_en: v.name.en, name_ar: v.name.ar, position: v.position, color: v.color, created_at: toDbTime(now) };
  await insertSectionRow(db, row);
  return toSection(row);
}

export const sectionChangesSchema = newSectionSchema.omit({ slug: true });

/** Names, order and colour; the slug stays, since it is in every article's address. */
export async function updateSection(db: Db, id: string, input: z.input<typeof sectionChangesSchema>): Promise<void> {
  const v = sectionChangesSchema.parse(input);
  await updateSectionRow(db, id, { name_en: v.name.en, name_ar: v.name.ar, position: v.position, color: v.color });
}

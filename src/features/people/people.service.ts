import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { findPersonRowBySlug, insertPersonRow, listPersonRows, listPersonRowsBySlugs, updatePersonRow } from './people.repo.js';
import type { PeopleTable } from './people.table.js';

export interface Person {
  id: string;
  slug: string;
  kind: 'person' | 'organization';
  name: Record<Language, string>;
  bio: Record<Language, string>;
  photoMediaId: string | null;
}

export const newPersonSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80),
  kind: z.enum(['person', 'organization']).default('person'),
  name: z.object({ en: z.string().min(1).max(120), ar: z.string().min(1).max(120) }),
  bio: z.object({ en: z.string().max(2000), ar: z.string().max(2000) }).default({ en: '', ar: '' }),
  photoMediaId: z.string().nullable().default(null),
});

const toPerson = (r: PeopleTable): Person => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  name: { en: r.name_en, ar: r.name_ar },
  bio: { en: r.bio_en, ar: r.bio_ar },
  photoMediaId: r.photo_media_id,
});

export async function findPersonBySlug(db: Db, slug: string): Promise<Person | undefined> {
  const row = await findPersonRowBySlug(db, slug);
  return row && toPerson(row);
}

export async function listPeopleBySlugs(db: Db, slugs: readonly string[]): Promise<Person[]> {
  if (!slugs.length) return [];
  return (await listPersonRowsBySlugs(db, slugs)).map(toPerson);
}

export async function createPerson(db: Db, input: z.input<typeof newPersonSchema>, now: Date): Promise<Person> {
  const v = newPersonSchema.parse(input);
  const row: PeopleTable = {
    id: newId(),
    slug: v.slug,
    kind: v.kind,
    name_en: v.name.en,
    name_ar: v.name.ar,
    bio_en: v.bio.en,
    bio_ar: v.bio.ar,
    photo_media_id: v.photoMediaId,
    created_at: toDbTime(now),
  };
  await insertPersonRow(db, row);
  return toPerson(row);
}

export async function listPeople(db: Db): Promise<Person[]> {
  return (await listPersonRows(db)).map(toPerson);
}

export const personChangesSchema = newPersonSchema.omit({ slug: true });

export async function updatePerson(db: Db, id: string, input: z.input<typeof personChangesSchema>): Promise<void> {
  const v = personChangesSchema.parse(input);
  await updatePersonRow(db, id, { kind: v.kind, name_en: v.name.en, name_ar: v.name.ar, bio_en: v.bio.en, bio_ar: v.bio.ar, photo_media_id: v.photoMediaId });
}

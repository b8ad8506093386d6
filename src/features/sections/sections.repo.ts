import type { Db } from '../../db-schema.js';
import type { SectionsTable } from './sections.table.js';

export function listSectionRows(db: Db): Promise<SectionsTable[]> {
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('slug').execute();
}

export function findSectionRowBySlug(db: Db, slug: string): Promise<SectionsTable | undefined> {
  return db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertSectionRow(db: Db, row: SectionsTable): Promise<void> {
  await db.insertInto('sections').values(row).execute();
}

export async function updateSectionRow(db: Db, id: string, patch: Partial<Omit<SectionsTable, 'id' | 'slug' | 'created_at'>>): Promise<void> {
  await db.updateTable('sections').set(patch).where('id', '=', id).execute();
}

import type { Db, DB } from '../../db-schema.js';

export function findTagRowBySlug(db: Db, slug: string) {
  return db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listTagRowsBySlugs(db: Db, slugs: readonly string[]) {
  return db.selectFrom('tags').selectAll().where('slug', 'in', slugs).execute();
}

export async function insertTagRow(db: Db, row: DB['tags']): Promise<void> {
  await db.insertInto('tags').values(row).execute();
}

export function listTagRows(db: Db) {
  return db.selectFrom('tags').selectAll().orderBy('slug').execute();
}

export async function updateTagRow(db: Db, id: string, patch: { name_en: string; name_ar: string }): Promise<void> {
  await db.updateTable('tags').set(patch).where('id', '=', id).execute();
}

import type { Db, DB } from '../../db-schema.js';

export function findPersonRowBySlug(db: Db, slug: string) {
  return db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listPersonRowsBySlugs(db: Db, slugs: readonly string[]) {
  return db.selectFrom('people').selectAll().where('slug', 'in', slugs).execute();
}

export async function insertPersonRow(db: Db, row: DB['people']): Promise<void> {
  await db.insertInto('people').values(row).execute();
}

export function listPersonRows(db: Db) {
  return db.selectFrom('people').selectAll().orderBy('slug').execute();
}

export async function updatePersonRow(db: Db, id: string, patch: Partial<Omit<DB['people'], 'id' | 'slug' | 'created_at'>>): Promise<void> {
  await db.updateTable('people').set(patch).where('id', '=', id).execute();
}

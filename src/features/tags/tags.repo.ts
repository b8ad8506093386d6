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

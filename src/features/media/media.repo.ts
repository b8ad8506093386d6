import type { Db, DB } from '../../db-schema.js';

export async function insertMediaRow(db: Db, row: DB['media']): Promise<void> {
  // The same bytes stored twice share one file and one row.
  await db.insertInto('media').values(row).onConflict((oc) => oc.column('file_name').doNothing()).execute();
}

export async function findMediaIdByFileName(db: Db, fileName: string): Promise<string | undefined> {
  return (await db.selectFrom('media').select('id').where('file_name', '=', fileName).executeTakeFirst())?.id;
}

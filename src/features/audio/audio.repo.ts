import type { Db } from '../../db-schema.js';
import type { ArticleAudioTable } from './audio.table.js';

export function findAudioRow(db: Db, articleId: string): Promise<ArticleAudioTable | undefined> {
  return db.selectFrom('article_audio').selectAll().where('article_id', '=', articleId).executeTakeFirst();
}

/** Insert or replace the article's row (one per article). */
export async function saveAudioRow(db: Db, row: ArticleAudioTable): Promise<void> {
  await db
    .insertInto('article_audio')
    .values(row)
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ ...row }))
    .execute();
}

export async function listAudioRows(db: Db, articleIds: readonly string[]): Promise<ArticleAudioTable[]> {
  if (!articleIds.length) return [];
  return db.selectFrom('article_audio').selectAll().where('article_id', 'in', articleIds).execute();
}

/** Every file name still referenced: anything else in the audio folder is left over and may go. */
export async function referencedFileNames(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('article_audio').select('file_name').where('file_name', 'is not', null).execute();
  return new Set(rows.map((r) => r.file_name!));
}

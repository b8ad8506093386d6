import type { Db, DB } from '../../db-schema.js';
import type { ArticleStatus } from './article.js';

/** SQL for the newsroom's side of articles: revisions, locks and the dashboard lists. */

export async function latestRevision(db: Db, articleId: string) {
  return db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).orderBy('number', 'desc').limit(1).executeTakeFirst();
}

export async function insertRevisionRow(db: Db, row: DB['article_revisions']): Promise<void> {
  await db.insertInto('article_revisions').values(row).execute();
}

export async function updateRevisionRow(db: Db, id: string, patch: { snapshot: string; created_at: string; status: ArticleStatus }): Promise<void> {
  await db.updateTable('article_revisions').set(patch).where('id', '=', id).execute();
}

export function listRevisionRows(db: Db, articleId: string) {
  return db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).orderBy('number', 'desc').execute();
}

export function findRevisionRow(db: Db, articleId: string, number: number) {
  return db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).where('number', '=', number).executeTakeFirst();
}

export function findLockRow(db: Db, articleId: string) {
  return db.selectFrom('article_locks').selectAll().where('article_id', '=', articleId).executeTakeFirst();
}

export async function upsertLockRow(db: Db, row: DB['article_locks']): Promise<void> {
  await db
    .insertInto('article_locks')
    .values(row)
    .onConflict((oc) =>
      oc.column('article_id').doUpdateSet({ user_id: row.user_id, user_label: row.user_label, session_id: row.session_id, acquired_at: row.acquired_at, heartbeat_at: row.heartbeat_at }),
    )
    .execute();
}

export async function touchLockRow(db: Db, articleId: string, sessionId: string, now: string): Promise<boolean> {
  const r = await db.updateTable('article_locks').set({ heartbeat_at: now }).where('article_id', '=', articleId).where('session_id', '=', sessionId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteLockRow(db: Db, articleId: string, sessionId: string): Promise<void> {
  await db.deleteFrom('article_locks').where('article_id', '=', articleId).where('session_id', '=', sessionId).execute();
}

export interface DashboardFilter {
  statuses: readonly ArticleStatus[];
  createdBy?: string;
  language?: 'en' | 'ar';
  sectionId?: string;
  limit: number;
}

export function listNewsroomRows(db: Db, f: DashboardFilter) {
  let q = db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.id', 'a.headline', 'a.language', 'a.status', 'a.slug', 'a.updated_at', 'a.published_at', 'a.scheduled_at', 'a.created_by_user_id', 's.slug as section_slug', 's.name_en as section_name_en', 's.name_ar as section_name_ar'])
    .where('a.status', 'in', f.statuses);
  if (f.createdBy) q = q.where('a.created_by_user_id', '=', f.createdBy);
  if (f.language) q = q.where('a.language', '=', f.language);
  if (f.sectionId) q = q.where('a.section_id', '=', f.sectionId);
  return q.orderBy('a.updated_at', 'desc').limit(f.limit).execute();
}

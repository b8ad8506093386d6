import type { Db, DB } from '../../db-schema.js';
import type { StaffSessionsTable, StaffUsersTable } from './staff.table.js';

// Users
export function findUserRowByEmail(db: Db, email: string) {
  return db.selectFrom('staff_users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserRowById(db: Db, id: string) {
  return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUserRows(db: Db) {
  return db.selectFrom('staff_users').selectAll().orderBy('display_name').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUserRow(db: Db, row: DB['staff_users']): Promise<void> {
  await db.insertInto('staff_users').values(row).execute();
}

export async function updateUserRow(db: Db, id: string, patch: Partial<Omit<StaffUsersTable, 'id'>>): Promise<void> {
  await db.updateTable('staff_users').set(patch).where('id', '=', id).execute();
}

// Sessions
export async function insertSessionRow(db: Db, row: DB['staff_sessions']): Promise<void> {
  await db.insertInto('staff_sessions').values(row).execute();
}

export function findSessionWithUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.stage',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.language',
      'u.person_id',
      'u.disabled_at',
      'u.totp_enabled_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function updateSessionRow(db: Db, id: string, patch: Partial<Omit<StaffSessionsTable, 'id'>>): Promise<void> {
  await db.updateTable('staff_sessions').set(patch).where('id', '=', id).execute();
}

export async function deleteSessionRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
}

// One-time tokens
export async function insertTokenRow(db: Db, row: DB['staff_tokens']): Promise<void> {
  await db.insertInto('staff_tokens').values(row).execute();
}

export function findTokenRow(db: Db, tokenHash: string) {
  return db.selectFrom('staff_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks a token used; false if someone else used it first (so a token works exactly once). */
export async function useTokenRow(db: Db, id: string, now: string): Promise<boolean> {
  const r = await db.updateTable('staff_tokens').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// Sign-in throttling
export function findThrottleRows(db: Db, keys: readonly string[]) {
  return db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute();
}

export async function upsertThrottleRow(db: Db, row: DB['sign_in_throttle']): Promise<void> {
  await db
    .insertInto('sign_in_throttle')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, last_failure_at: row.last_failure_at, blocked_until: row.blocked_until }))
    .execute();
}

export async function deleteThrottleRow(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

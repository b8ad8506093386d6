import type { Db } from '../../db-schema.js';
import { roleAtLeast, type StaffRole } from '../../http/access.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { hashPassword } from './secrets.js';
import { emailSchema, passwordSchema, roleSchema, type StaffUser } from './staff.js';
import * as repo from './staff.repo.js';
import type { StaffUsersTable } from './staff.table.js';

export interface StaffDeps {
  db: Db;
  clock: Clock;
}

export const toStaffUser = (r: StaffUsersTable): StaffUser => ({
  id: r.id,
  email: r.email,
  name: r.display_name,
  role: r.role,
  language: r.language,
  twoFactor: r.totp_enabled_at !== null,
  hasPassword: r.password_hash !== null,
  disabled: r.disabled_at !== null,
  personId: r.person_id,
});

export async function listStaff(db: Db): Promise<StaffUser[]> {
  return (await repo.listUserRows(db)).map(toStaffUser);
}

export async function findStaffById(db: Db, id: string): Promise<StaffUser | undefined> {
  const row = await repo.findUserRowById(db, id);
  return row && toStaffUser(row);
}

export async function hasAnyStaff(db: Db): Promise<boolean> {
  return (await repo.countUsers(db)) > 0;
}

/** Creates a staff account; with no password, the person sets one through an emailed or printed link. */
export async function createStaffUser(
  deps: StaffDeps,
  actor: AuditActor,
  input: { email: string; name: string; role: StaffRole; language?: 'en' | 'ar'; password?: string },
): Promise<StaffUser> {
  const email = emailSchema.parse(input.email);
  const role = roleSchema.parse(input.role);
  const name = input.name.trim().slice(0, 120) || email;
  const password = input.password === undefined ? undefined : passwordSchema.parse(input.password);
  if (await repo.findUserRowByEmail(deps.db, email)) throw new AppError('STAFF_EMAIL_TAKEN', 409, 'admin.staff.emailTaken');
  const now = toDbTime(deps.clock.now());
  const row: StaffUsersTable = {
    id: newId(),
    email,
    display_name: name,
    role,
    language: input.language ?? 'en',
    password_hash: password ? await hashPassword(password) : null,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    person_id: null,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertUserRow(trx, row);
    await recordAudit(trx, actor, 'staff-created', { type: 'staff', id: row.id }, { email, role }, deps.clock.now());
  });
  return toStaffUser(row);
}

/**
 * Changes a role. Only an owner makes or unmakes owners and admins; the last owner cannot be
 * demoted (someone must always be able to run the site).
 */
export async function changeRole(deps: StaffDeps, actor: AuditActor & { role: StaffRole }, userId: string, newRole: StaffRole): Promise<void> {
  const role = roleSchema.parse(newRole);
  const target = await repo.findUserRowById(deps.db, userId);
  if (!target) throw new AppError('STAFF_NOT_FOUND', 404, 'error.notFound');
  const touchesTop = roleAtLeast(role, 'admin') || roleAtLeast(target.role, 'admin');
  if (touchesTop && actor.role !== 'owner') throw new AppError('ROLE_CHANGE_FORBIDDEN', 403, 'admin.staff.ownerOnly');
  if (target.role === 'owner' && role !== 'owner') {
    const owners = (await repo.listUserRows(deps.db)).filter((u) => u.role === 'owner' && !u.disabled_at);
    if (owners.length <= 1) throw new AppError('LAST_OWNER', 409, 'admin.staff.lastOwner');
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUserRow(trx, userId, { role, updated_at: toDbTime(deps.clock.now()) });
    await recordAudit(trx, actor, 'role-changed', { type: 'staff', id: userId }, { from: target.role, to: role }, deps.clock.now());
  });
}

/**
 * Disables an account (or enables it again). A disabled account keeps its name on its articles and in
 * the history, but cannot sign in, reset its password or use a session: all its sessions end now, so
 * its next request goes to the sign-in page; the article locks it held lapse without its heartbeat.
 * Nobody disables themself; only an owner disables an owner; the last active owner stays.
 */
export async function setStaffDisabled(deps: StaffDeps, actor: AuditActor & { role: StaffRole }, userId: string, disabled: boolean): Promise<void> {
  const target = await repo.findUserRowById(deps.db, userId);
  if (!target) throw new AppError('STAFF_NOT_FOUND', 404, 'error.notFound');
  if (disabled && target.id === actor.userId) throw new AppError('DISABLE_SELF', 409, 'admin.staff.disableSelf');
  if (roleAtLeast(target.role, 'owner') && actor.role !== 'owner') throw new AppError('ROLE_CHANGE_FORBIDDEN', 403, 'admin.staff.ownerOnly');
  if (disabled && target.role === 'owner') {
    const owners = (await repo.listUserRows(deps.db)).filter((u) => u.role === 'owner' && !u.disabled_at);
    if (owners.length <= 1) throw new AppError('LAST_OWNER', 409, 'admin.staff.lastOwner');
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUserRow(trx, userId, { disabled_at: disabled ? toDbTime(now) : null, updated_at: toDbTime(now) });
    if (disabled) {
      await repo.deleteSessionsOfUser(trx, userId);
      // Links already mailed for setting a password stop working too.
      await trx.updateTable('staff_tokens').set({ used_at: toDbTime(now) }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
    }
    await recordAudit(trx, actor, disabled ? 'staff-disabled' : 'staff-enabled', { type: 'staff', id: userId }, { email: target.email }, now);
  });
}

export async function setLanguage(deps: StaffDeps, userId: string, language: 'en' | 'ar'): Promise<void> {
  await repo.updateUserRow(deps.db, userId, { language, updated_at: toDbTime(deps.clock.now()) });
}

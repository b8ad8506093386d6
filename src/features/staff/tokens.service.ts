import { newId } from '../../platform/db/ids.js';
import { fromDbTime, toDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { hashPassword, hashSecret, newSecret } from './secrets.js';
import { emailSchema, passwordSchema, RESET_TOKEN_TTL_MS, SETUP_TOKEN_TTL_MS, type StaffUser } from './staff.js';
import * as repo from './staff.repo.js';
import { createStaffUser, hasAnyStaff, toStaffUser, type StaffDeps } from './staff.service.js';

/** A one-time link token; the database keeps only its hash. */
async function issueToken(deps: StaffDeps, purpose: 'setup' | 'reset', userId: string | null, ttlMs: number): Promise<string> {
  const token = newSecret();
  const now = deps.clock.now();
  await repo.insertTokenRow(deps.db, {
    id: newId(),
    token_hash: hashSecret(token),
    purpose,
    user_id: userId,
    expires_at: toDbTime(new Date(now.getTime() + ttlMs)),
    used_at: null,
    created_at: toDbTime(now),
  });
  return token;
}

async function validToken(deps: StaffDeps, token: string, purpose: 'setup' | 'reset') {
  const row = token.length <= 100 ? await repo.findTokenRow(deps.db, hashSecret(token)) : undefined;
  if (!row || row.purpose !== purpose || row.used_at || fromDbTime(row.expires_at) <= deps.clock.now()) return undefined;
  return row;
}

/** On first start with no staff: a token for the one-time setup link that creates the owner. */
export async function issueSetupTokenIfNoStaff(deps: StaffDeps): Promise<string | undefined> {
  if (await hasAnyStaff(deps.db)) return undefined;
  return issueToken(deps, 'setup', null, SETUP_TOKEN_TTL_MS);
}

export async function setupTokenIsValid(deps: StaffDeps, token: string): Promise<boolean> {
  return (await validToken(deps, token, 'setup')) !== undefined && !(await hasAnyStaff(deps.db));
}

export async function createOwnerWithSetupToken(
  deps: StaffDeps,
  token: string,
  input: { email: string; name: string; password: string; language: 'en' | 'ar' },
  ip: string,
): Promise<StaffUser> {
  const row = await validToken(deps, token, 'setup');
  if (!row || (await hasAnyStaff(deps.db))) throw new AppError('SETUP_LINK_INVALID', 410, 'admin.setup.linkInvalid');
  if (!(await repo.useTokenRow(deps.db, row.id, toDbTime(deps.clock.now())))) throw new AppError('SETUP_LINK_INVALID', 410, 'admin.setup.linkInvalid');
  return createStaffUser(deps, { userId: null, label: 'setup link', ip }, { ...input, role: 'owner' });
}

/** A password link for a staff member (reset, or first password of an invited account). */
export async function issuePasswordToken(deps: StaffDeps, userId: string): Promise<string> {
  return issueToken(deps, 'reset', userId, RESET_TOKEN_TTL_MS);
}

/** The user a reset link is for, if the address is a staff account (callers answer the same either way). */
export async function findUserForReset(deps: StaffDeps, email: string): Promise<StaffUser | undefined> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return undefined;
  const row = await repo.findUserRowByEmail(deps.db, parsed.data);
  return row && !row.disabled_at ? toStaffUser(row) : undefined;
}

export async function passwordTokenIsValid(deps: StaffDeps, token: string): Promise<boolean> {
  return (await validToken(deps, token, 'reset')) !== undefined;
}

/** Sets a new password from a link; every existing session of the account ends. */
export async function setPasswordWithToken(deps: StaffDeps, token: string, password: string, ip: string): Promise<StaffUser> {
  const valid = passwordSchema.parse(password);
  const row = await validToken(deps, token, 'reset');
  if (!row?.user_id) throw new AppError('RESET_LINK_INVALID', 410, 'admin.reset.linkInvalid');
  const hash = await hashPassword(valid);
  const userId = row.user_id;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.useTokenRow(trx, row.id, toDbTime(deps.clock.now())))) throw new AppError('RESET_LINK_INVALID', 410, 'admin.reset.linkInvalid');
    await repo.updateUserRow(trx, userId, { password_hash: hash, updated_at: toDbTime(deps.clock.now()) });
    await repo.deleteSessionsOfUser(trx, userId);
    const user = (await repo.findUserRowById(trx, userId))!;
    const actor: AuditActor = { userId, label: user.email, ip };
    await recordAudit(trx, actor, 'password-changed', { type: 'staff', id: userId }, { via: 'link' }, deps.clock.now());
  });
  return toStaffUser((await repo.findUserRowById(deps.db, userId))!);
}

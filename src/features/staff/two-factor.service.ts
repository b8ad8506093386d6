import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { toDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as repo from './staff.repo.js';
import type { StaffDeps } from './staff.service.js';

function totpFor(secretBase32: string, label: string, issuer: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** The 30-second step a code belongs to if it is valid now (one step of drift either way), else null. */
export function totpStep(secretBase32: string, code: string, now: Date): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totpFor(secretBase32, 'x', 'x').validate({ token: clean, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

export function checkTotp(secretBase32: string, code: string, now: Date): boolean {
  return totpStep(secretBase32, code, now) !== null;
}

/** A new secret stored as pending (not yet enabled) with what an authenticator app needs to add it. */
export async function beginTwoFactorEnrolment(deps: StaffDeps, userId: string, issuer: string): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const user = await repo.findUserRowById(deps.db, userId);
  if (!user) throw new AppError('STAFF_NOT_FOUND', 404, 'error.notFound');
  const secret = user.totp_enabled_at || !user.totp_secret ? new Secret({ size: 20 }).base32 : user.totp_secret;
  if (!user.totp_enabled_at) await repo.updateUserRow(deps.db, userId, { totp_secret: secret, updated_at: toDbTime(deps.clock.now()) });
  const uri = totpFor(secret, user.email, issuer).toString();
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

export async function confirmTwoFactor(deps: StaffDeps, actor: AuditActor, userId: string, code: string): Promise<boolean> {
  const user = await repo.findUserRowById(deps.db, userId);
  if (!user?.totp_secret || user.totp_enabled_at) return false;
  if (!checkTotp(user.totp_secret, code, deps.clock.now())) return false;
  await repo.updateUserRow(deps.db, userId, { totp_enabled_at: toDbTime(deps.clock.now()), updated_at: toDbTime(deps.clock.now()) });
  await recordAudit(deps.db, actor, 'two-factor-enabled', { type: 'staff', id: userId }, {}, deps.clock.now());
  return true;
}

export async function disableTwoFactor(deps: StaffDeps, actor: AuditActor, userId: string): Promise<void> {
  await repo.updateUserRow(deps.db, userId, { totp_secret: null, totp_enabled_at: null, updated_at: toDbTime(deps.clock.now()) });
  await recordAudit(deps.db, actor, 'two-factor-disabled', { type: 'staff', id: userId }, {}, deps.clock.now());
}

/**
 * Checks a sign-in code. Each step's code works once: one seen over someone's shoulder, or replayed
 * from a captured request, is refused after its first use.
 */
export async function verifySecondFactor(deps: StaffDeps, userId: string, code: string): Promise<boolean> {
  const user = await repo.findUserRowById(deps.db, userId);
  if (!user?.totp_secret || !user.totp_enabled_at) return false;
  const step = totpStep(user.totp_secret, code, deps.clock.now());
  if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) return false;
  await repo.updateUserRow(deps.db, userId, { totp_last_step: step });
  return true;
}

import { toDbTime, fromDbTime } from '../../platform/db/time.js';
import { recordAudit } from '../audit/index.js';
import { startSession } from './sessions.service.js';
import { verifyPassword } from './secrets.js';
import { blockAfterFailures } from './staff.js';
import * as repo from './staff.repo.js';
import type { StaffDeps } from './staff.service.js';

/** How long the keys are blocked now (0 = not blocked), in ms. */
async function blockedFor(deps: StaffDeps, keys: string[], now: Date): Promise<number> {
  const rows = await repo.findThrottleRows(deps.db, keys);
  return Math.max(0, ...rows.map((t) => fromDbTime(t.blocked_until).getTime() - now.getTime()));
}

/** Counts one more failure (or attempt) against each key, blocking it for a growing time. */
async function countFailure(deps: StaffDeps, keys: string[], now: Date): Promise<void> {
  const rows = await repo.findThrottleRows(deps.db, keys);
  for (const key of keys) {
    const previous = rows.find((t) => t.key === key);
    // Failures an hour old are forgiven: the delays punish bursts, not a month of typos.
    const recent = previous && now.getTime() - fromDbTime(previous.last_failure_at).getTime() < 3600_000;
    const failures = (recent ? previous.failures : 0) + 1;
    await repo.upsertThrottleRow(deps.db, { key, failures, last_failure_at: toDbTime(now), blocked_until: toDbTime(new Date(now.getTime() + blockAfterFailures(failures))) });
  }
}

export type SecondFactorResult = { kind: 'ok' } | { kind: 'wrong' } | { kind: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a two-step code, throttled per account (not per half-session: whoever has the password can
 * open as many of those as they like).
 */
export async function checkSecondFactor(deps: StaffDeps, userId: string, code: string, verify: () => Promise<boolean>): Promise<SecondFactorResult> {
  const now = deps.clock.now();
  const keys = [`second-factor:${userId}`];
  const wait = await blockedFor(deps, keys, now);
  if (wait > 0) return { kind: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
  if (await verify()) {
    await repo.deleteThrottleRow(deps.db, keys[0]!);
    return { kind: 'ok' };
  }
  await countFailure(deps, keys, now);
  return { kind: 'wrong' };
}

/** Password-link requests: a few an hour per address asked for and per client; beyond that, quietly none. */
export async function allowResetRequest(deps: StaffDeps, email: string, ip: string): Promise<boolean> {
  const now = deps.clock.now();
  const keys = [`reset:${email.trim().toLowerCase().slice(0, 254)}`, `reset-from:${ip}`];
  if ((await blockedFor(deps, keys, now)) > 0) return false;
  await countFailure(deps, keys, now);
  return true;
}

export type SignInResult =
  | { kind: 'signed-in'; token: string }
  | { kind: 'second-factor'; token: string }
  /** Unknown account, wrong password and disabled account all look the same from outside. */
  | { kind: 'refused' }
  | { kind: 'throttled'; retryAfterSeconds: number };

const keysFor = (email: string, ip: string) => [`account:${email.trim().toLowerCase()}`, `address:${ip}`];

export async function signIn(deps: StaffDeps, input: { email: string; password: string; ip: string; userAgent: string }): Promise<SignInResult> {
  const now = deps.clock.now();
  const keys = keysFor(input.email, input.ip);
  const wait = await blockedFor(deps, keys, now);
  if (wait > 0) return { kind: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };

  const user = await repo.findUserRowByEmail(deps.db, input.email.trim().toLowerCase());
  const ok = (await verifyPassword(user?.password_hash ?? null, input.password.slice(0, 200))) && user !== undefined && !user.disabled_at;
  const actor = { userId: user?.id ?? null, label: input.email.trim().toLowerCase().slice(0, 254), ip: input.ip };
  if (!ok || !user) {
    await countFailure(deps, keys, now);
    await recordAudit(deps.db, actor, 'sign-in-failed', { type: 'staff', id: user?.id ?? '-' }, {}, now);
    return { kind: 'refused' };
  }
  await repo.deleteThrottleRow(deps.db, keys[0]!);
  if (user.totp_enabled_at) {
    return { kind: 'second-factor', token: await startSession(deps, user.id, 'second-factor', input) };
  }
  await recordAudit(deps.db, actor, 'sign-in', { type: 'staff', id: user.id }, {}, now);
  return { kind: 'signed-in', token: await startSession(deps, user.id, 'full', input) };
}

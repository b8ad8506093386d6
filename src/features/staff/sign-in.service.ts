import { toDbTime, fromDbTime } from '../../platform/db/time.js';
import { recordAudit } from '../audit/index.js';
import { startSession } from './sessions.service.js';
import { verifyPassword } from './secrets.js';
import { blockAfterFailures } from './staff.js';
import * as repo from './staff.repo.js';
import type { StaffDeps } from './staff.service.js';

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
  const throttles = await repo.findThrottleRows(deps.db, keys);
  const blockedUntil = Math.max(0, ...throttles.map((t) => fromDbTime(t.blocked_until).getTime()));
  if (blockedUntil > now.getTime()) return { kind: 'throttled', retryAfterSeconds: Math.ceil((blockedUntil - now.getTime()) / 1000) };

  const user = await repo.findUserRowByEmail(deps.db, input.email.trim().toLowerCase());
  const ok = (await verifyPassword(user?.password_hash ?? null, input.password.slice(0, 200))) && user !== undefined && !user.disabled_at;
  const actor = { userId: user?.id ?? null, label: input.email.trim().toLowerCase().slice(0, 254), ip: input.ip };
  if (!ok || !user) {
    for (const key of keys) {
      const previous = throttles.find((t) => t.key === key);
      // Failures an hour old are forgiven: the delays punish bursts, not a month of typos.
      const recent = previous && now.getTime() - fromDbTime(previous.last_failure_at).getTime() < 3600_000;
      const failures = (recent ? previous.failures : 0) + 1;
      await repo.upsertThrottleRow(deps.db, {
        key,
        failures,
        last_failure_at: toDbTime(now),
        blocked_until: toDbTime(new Date(now.getTime() + blockAfterFailures(failures))),
      });
    }
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

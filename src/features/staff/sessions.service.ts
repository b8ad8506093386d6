import type { StaffPrincipal } from '../../http/access.js';
import { newId } from '../../platform/db/ids.js';
import { fromDbTime, toDbTime } from '../../platform/db/time.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { hashSecret, newSecret } from './secrets.js';
import { SECOND_FACTOR_TTL_MS, SESSION_TTL_MS } from './staff.js';
import * as repo from './staff.repo.js';
import type { StaffDeps } from './staff.service.js';

export interface SessionInfo {
  /** True when this request moved the session's expiry on: the cookie must be sent again with it. */
  renewed: boolean;
  principal: StaffPrincipal;
  stage: 'full' | 'second-factor';
  twoFactorEnabled: boolean;
}

/** Starts a session and returns its bearer token (for the cookie); only its hash is stored. */
export async function startSession(
  deps: StaffDeps,
  userId: string,
  stage: 'full' | 'second-factor',
  client: { ip: string; userAgent: string },
): Promise<string> {
  const token = newSecret();
  const now = deps.clock.now();
  await repo.insertSessionRow(deps.db, {
    id: newId(),
    token_hash: hashSecret(token),
    user_id: userId,
    stage,
    csrf_token: newSecret(),
    ip: client.ip.slice(0, 64),
    user_agent: client.userAgent.slice(0, 300),
    created_at: toDbTime(now),
    last_seen_at: toDbTime(now),
    expires_at: toDbTime(new Date(now.getTime() + (stage === 'full' ? SESSION_TTL_MS : SECOND_FACTOR_TTL_MS))),
  });
  return token;
}

/** The session behind a cookie value, or nothing if unknown, expired or its account is disabled. */
export async function resolveSession(deps: StaffDeps, token: string | undefined): Promise<SessionInfo | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await repo.findSessionWithUser(deps.db, hashSecret(token));
  if (!row) return undefined;
  const now = deps.clock.now();
  if (fromDbTime(row.expires_at) <= now || row.disabled_at) {
    await repo.deleteSessionRow(deps.db, row.session_id);
    return undefined;
  }
  // Sliding expiry, written at most once a minute so browsing does not write on every request.
  const renewed = row.stage === 'full' && now.getTime() - fromDbTime(row.last_seen_at).getTime() > 60_000;
  if (renewed) {
    await repo.updateSessionRow(deps.db, row.session_id, { last_seen_at: toDbTime(now), expires_at: toDbTime(new Date(now.getTime() + SESSION_TTL_MS)) });
  }
  return {
    renewed,
    stage: row.stage,
    twoFactorEnabled: row.totp_enabled_at !== null,
    principal: {
      userId: row.user_id,
      sessionId: row.session_id,
      email: row.email,
      name: row.display_name,
      role: row.role,
      language: row.language,
      csrfToken: row.csrf_token,
      personId: row.person_id,
    },
  };
}

/** Turns a half-signed-in session into a full one after the second factor (a fresh token, too). */
export async function promoteSession(deps: StaffDeps, sessionId: string, userId: string, client: { ip: string; userAgent: string }): Promise<string> {
  await repo.deleteSessionRow(deps.db, sessionId);
  return startSession(deps, userId, 'full', client);
}

export async function signOut(deps: StaffDeps, actor: AuditActor, sessionId: string): Promise<void> {
  await repo.deleteSessionRow(deps.db, sessionId);
  if (actor.userId) await recordAudit(deps.db, actor, 'sign-out', { type: 'staff', id: actor.userId }, {}, deps.clock.now());
}

export async function signOutEverywhere(deps: StaffDeps, actor: AuditActor, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await repo.deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, 'sign-out-everywhere', { type: 'staff', id: userId }, {}, deps.clock.now());
  });
}


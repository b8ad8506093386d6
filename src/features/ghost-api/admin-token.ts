import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { Db } from '../../db-schema.js';
import { integrationByAdminKeyId, type Integration } from '../integrations/index.js';
import { GhostApiError } from './ghost-errors.js';

/**
 * Ghost's Admin API authentication: `Authorization: Ghost <token>`, a JWT the client signs with the
 * integration's admin key (`id:secret`): HS256 over the hex-decoded secret, the key id as `kid`,
 * audience `/admin/` (older clients `/v2/admin/`…), and a lifetime of at most five minutes. Tokens are
 * checked by `jose`, never by hand.
 */
const AUDIENCES = ['/admin/', '/v2/admin/', '/v3/admin/', '/v4/admin/', '/canary/admin/'];
const MAX_LIFETIME_S = 5 * 60;

const unauthorized = (message: string, context: string | null = null) => new GhostApiError(401, 'UnauthorizedError', message, context);

export async function integrationFromToken(db: Db, authorization: string | undefined, now: Date): Promise<Integration> {
  const match = /^Ghost ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
  if (!match) throw unauthorized('Authorization header format is "Authorization: Ghost [token]"');
  const token = match[1]!;
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw unauthorized('Invalid token', 'The token could not be read.');
  }
  const integration = kid ? await integrationByAdminKeyId(db, kid) : undefined;
  if (!integration) throw unauthorized('Unknown Admin API Key', 'No integration has this key id: it was never made or has been deleted.');
  try {
    const { payload } = await jwtVerify(token, Buffer.from(integration.secret, 'hex'), {
      algorithms: ['HS256'],
      audience: AUDIENCES,
      requiredClaims: ['iat', 'exp'],
      currentDate: now,
      maxTokenAge: MAX_LIFETIME_S,
      // The client's clock and ours may differ a little: a minute of skew is allowed.
      clockTolerance: 60,
    });
    if (payload.exp! - payload.iat! > MAX_LIFETIME_S) throw unauthorized('Invalid token', 'A token may live at most five minutes.');
  } catch (err) {
    if (err instanceof GhostApiError) throw err;
    if (err instanceof errors.JWTExpired) throw unauthorized('Invalid token: jwt expired', 'Sign a new token: they last five minutes.');
    if (err instanceof errors.JOSEError) throw unauthorized('Invalid token', err.message);
    throw err;
  }
  const { secret: _secret, ...rest } = integration;
  return rest;
}

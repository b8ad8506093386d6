import { getCookie } from 'hono/cookie';
import { roleAtLeast, type AppContext, type Guard } from '../../http/access.js';
import { AppError } from '../../platform/errors.js';
import { getSiteSettings } from '../site-settings/index.js';
import { sameSecret } from './secrets.js';
import { resolveSession } from './sessions.service.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from './staff.js';
import { setSessionCookie } from './sign-in.admin-routes.js';
import type { Config } from '../../config.js';
import type { StaffDeps } from './staff.service.js';

/** Pages a signed-in person may use even before meeting a "two-step required" rule. */
const ALLOWED_WITHOUT_TWO_FACTOR = new Set(['/admin/account/two-factor', '/admin/sign-out', '/admin/language']);

async function csrfTokenFrom(c: AppContext): Promise<string | undefined> {
  const header = c.req.header('X-CSRF-Token');
  if (header) return header;
  const type = c.req.header('Content-Type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    // Hono keeps the parsed body, so the handler can read it again.
    const body = await c.req.parseBody();
    return typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined;
  }
  return undefined;
}

/**
 * Enforces every non-public route's declaration: a full session for staff routes (a half one for the
 * second-factor step), the role, the two-step rule, and a CSRF token on every state-changing request.
 */
export function createStaffGuard(deps: StaffDeps & { config: Config }): Guard {
  return async (c, access, method) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = await resolveSession(deps, token);
    // A session in use lives on: send the cookie again with the extended lifetime.
    if (session?.renewed && token) setSessionCookie(c, deps, token, SESSION_TTL_MS);
    if (access.kind === 'signing-in') {
      if (!session || session.stage !== 'second-factor') return c.redirect('/admin/sign-in', 303);
      c.set('staff', session.principal);
    } else if (access.kind === 'staff') {
      if (!session || session.stage !== 'full') {
        if (method === 'GET') return c.redirect(`/admin/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
        throw new AppError('SIGN_IN_REQUIRED', 401, 'admin.signIn.needed');
      }
      c.set('staff', session.principal);
      if (!roleAtLeast(session.principal.role, access.role)) throw new AppError('ROLE_TOO_LOW', 403, 'admin.forbidden');
      if (!session.twoFactorEnabled && !ALLOWED_WITHOUT_TWO_FACTOR.has(c.req.path) && (await getSiteSettings(deps.db)).requireTwoFactor) {
        return c.redirect('/admin/account/two-factor', 303);
      }
    }
    if (method !== 'GET') {
      const token = await csrfTokenFrom(c);
      if (!token || !session || !sameSecret(token, session.principal.csrfToken)) throw new AppError('CSRF_TOKEN_INVALID', 403, 'admin.csrf');
    }
    return undefined;
  };
}

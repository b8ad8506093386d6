import type { AppContext } from './access.js';

/**
 * The client's address for throttling and the audit log. Behind a proxy (TRUST_PROXY=true) it is the
 * first X-Forwarded-For entry; otherwise the socket's peer, which a client cannot forge.
 */
export function clientAddress(c: AppContext, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

export function clientInfo(c: AppContext, trustProxy: boolean): { ip: string; userAgent: string } {
  return { ip: clientAddress(c, trustProxy), userAgent: (c.req.header('User-Agent') ?? '').slice(0, 300) };
}

/** A same-site path to return to after signing in; anything else (another host, //evil) becomes /admin. */
export function safeNextPath(next: string | undefined): string {
  return next && /^\/admin(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(next) && !next.startsWith('//') ? next : '/admin';
}

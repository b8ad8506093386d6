import type { Context, Hono } from 'hono';
import type { Language } from '../platform/i18n/i18n.js';

export const STAFF_ROLES = ['contributor', 'author', 'editor', 'admin', 'owner'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Each role can do everything the roles before it can. */
export function roleAtLeast(role: StaffRole, needed: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(needed);
}

/** The signed-in staff member, as the session middleware puts it on the request. */
export interface StaffPrincipal {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  role: StaffRole;
  language: Language;
  csrfToken: string;
  personId: string | null;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    lang: Language;
    staff: StaffPrincipal | undefined;
  };
}

export type AppContext = Context<AppEnv>;
export type RouteHandler = (c: AppContext) => Response | Promise<Response>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Who may call a route: anyone; anyone with a session that is only half signed in (waiting for the
 * second factor); or staff with at least a role.
 */
export type Access = { readonly kind: 'public' } | { readonly kind: 'staff'; readonly role: StaffRole } | { readonly kind: 'signing-in' };

export interface RouteDef {
  readonly method: HttpMethod;
  readonly path: string;
  readonly access: Access;
  readonly handler: RouteHandler;
}

export function publicRoute(method: HttpMethod, path: string, handler: RouteHandler): RouteDef {
  return { method, path, access: { kind: 'public' }, handler };
}

export function staffRoute(method: HttpMethod, path: string, role: StaffRole, handler: RouteHandler): RouteDef {
  return { method, path, access: { kind: 'staff', role }, handler };
}

/** For the second-factor step of signing in: a session exists but is not yet a full one. */
export function signingInRoute(method: HttpMethod, path: string, handler: RouteHandler): RouteDef {
  return { method, path, access: { kind: 'signing-in' }, handler };
}

/** Enforces an access rule before the handler runs; returns a response to stop, or nothing to go on. */
export type Guard = (c: AppContext, access: Access, method: HttpMethod) => Promise<Response | undefined>;

/**
 * Registers feature routes in the order given. A route that does not declare who may call it is a
 * programming error, so the server refuses to start rather than serve it open by accident.
 */
export function registerRoutes(app: Hono<AppEnv>, routes: readonly RouteDef[], guard: Guard): void {
  for (const r of routes) {
    const kind = (r.access as Access | undefined)?.kind;
    if (kind !== 'public' && kind !== 'staff' && kind !== 'signing-in') throw new Error(`Route ${r.method} ${r.path} declares no access rule`);
    if (kind === 'public') {
      app.on(r.method, r.path, r.handler);
      continue;
    }
    app.on(r.method, r.path, async (c) => (await guard(c, r.access, r.method)) ?? r.handler(c));
  }
}

/** A path parameter the route pattern guarantees; routes are registered untyped, so say so once here. */
export function pathParam(c: AppContext, name: string): string {
  return c.req.param(name) ?? '';
}

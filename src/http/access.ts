import type { Context, Hono } from 'hono';
import type { Language } from '../platform/i18n/i18n.js';

export interface AppEnv {
  Variables: {
    requestId: string;
    lang: Language;
  };
}

export type AppContext = Context<AppEnv>;
export type RouteHandler = (c: AppContext) => Response | Promise<Response>;
export type HttpMethod = 'GET' | 'POST';

/** Who may call a route. Staff roles arrive with the newsroom; until then every route is public. */
export type Access = { readonly kind: 'public' };

export interface RouteDef {
  readonly method: HttpMethod;
  readonly path: string;
  readonly access: Access;
  readonly handler: RouteHandler;
}

export function publicRoute(method: HttpMethod, path: string, handler: RouteHandler): RouteDef {
  return { method, path, access: { kind: 'public' }, handler };
}

/**
 * Registers feature routes in the order given. A route that does not declare who may call it is a
 * programming error, so the server refuses to start rather than serve it open by accident.
 */
export function registerRoutes(app: Hono<AppEnv>, routes: readonly RouteDef[]): void {
  for (const r of routes) {
    if (!r.access || r.access.kind !== 'public') throw new Error(`Route ${r.method} ${r.path} declares no access rule`);
    app.on(r.method, r.path, r.handler);
  }
}

/** A path parameter the route pattern guarantees; routes are registered untyped, so say so once here. */
export function pathParam(c: AppContext, name: string): string {
  return c.req.param(name) ?? '';
}

import { negotiateEncoding } from '../platform/cache/page-cache.js';
import { publicRoute, type RouteDef } from './access.js';
import type { Assets } from './assets.js';

/** Hashed static assets from memory, cached for a year by browsers and CDNs. */
export function assetRoutes(assets: Assets): RouteDef[] {
  return [
    publicRoute('GET', '/assets/*', (c) => {
      const a = assets.byUrl.get(c.req.path);
      if (!a) return c.notFound();
      const encoding = negotiateEncoding(c.req.header('Accept-Encoding'));
      const body = (encoding === 'br' && a.br) || (encoding === 'gzip' && a.gzip) || a.body;
      const headers: Record<string, string> = { 'Content-Type': a.contentType, 'Cache-Control': 'public, max-age=31536000, immutable', Vary: 'Accept-Encoding' };
      if (body !== a.body) headers['Content-Encoding'] = encoding;
      return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), 200, headers);
    }),
  ];
}

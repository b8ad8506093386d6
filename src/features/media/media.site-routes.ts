import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathParam, publicRoute, type RouteDef } from '../../http/access.js';
import { AppError } from '../../platform/errors.js';
import { MEDIA_TYPES } from './media.js';

/** Masters (`<hash>.jpg`) and variants (`<hash>-640.webp`, `<hash>-16x9-5000x5000-640.avif`). */
const FILE_NAME = /^[A-Za-z0-9_-]{8,64}\.(svg|jpe?g|png|webp|avif|gif)$/;

/**
 * Stored media, straight from disk. Every name carries a content hash (variants their master's plus
 * what they were made with), so responses are immutable: cached for a year, revalidated by name.
 */
export function mediaRoutes(mediaDir: string): RouteDef[] {
  return [
    publicRoute('GET', '/media/:file', async (c) => {
      const file = pathParam(c, 'file');
      const m = FILE_NAME.exec(file);
      if (!m) throw new AppError('MEDIA_NOT_FOUND', 404, 'error.notFound');
      const full = path.join(mediaDir, file);
      const info = await stat(full).catch(() => undefined);
      if (!info?.isFile()) throw new AppError('MEDIA_NOT_FOUND', 404, 'error.notFound');
      const etag = `"${file}"`;
      const headers: Record<string, string> = {
        'Content-Type': MEDIA_TYPES[m[1]!.toLowerCase()]!,
        'Cache-Control': 'public, max-age=31536000, immutable',
        ETag: etag,
        'X-Content-Type-Options': 'nosniff',
      };
      // An SVG opened directly must not run script in our origin.
      if (m[1] === 'svg') headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
      if (c.req.header('If-None-Match')?.split(/\s*,\s*/).includes(etag)) return c.body(null, { status: 304, headers });
      headers['Content-Length'] = String(info.size);
      return c.body(Readable.toWeb(createReadStream(full)) as ReadableStream, { headers });
    }),
  ];
}

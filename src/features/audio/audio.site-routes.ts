import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import rangeParser from 'range-parser';
import type { Db } from '../../db-schema.js';
import { pathParam, publicRoute, type RouteDef } from '../../http/access.js';
import { AppError } from '../../platform/errors.js';

const FILE_NAME = /^[A-Za-z0-9-]{8,80}\.(mp3|m4a|ogg|wav)$/;

/**
 * Audio files with HTTP range requests (players seek by asking for byte ranges: 206 with
 * Content-Range, 416 for a range outside the file). Names carry a content hash: cached for a year.
 * Only files the database still lists are served (an old version or a switched-off article's file is gone).
 */
export function audioSiteRoutes(deps: { db: Db; audioDir: string }): RouteDef[] {
  return [
    publicRoute('GET', '/audio/:file', async (c) => {
      const file = pathParam(c, 'file');
      if (!FILE_NAME.test(file)) throw new AppError('AUDIO_NOT_FOUND', 404, 'error.notFound');
      const row = await deps.db.selectFrom('article_audio').select(['content_type', 'state']).where('file_name', '=', file).executeTakeFirst();
      if (!row || row.state === 'off' || !row.content_type) throw new AppError('AUDIO_NOT_FOUND', 404, 'error.notFound');
      const full = path.join(deps.audioDir, file);
      const info = await stat(full).catch(() => undefined);
      if (!info?.isFile()) throw new AppError('AUDIO_NOT_FOUND', 404, 'error.notFound');
      const etag = `"${file}"`;
      c.header('Content-Type', row.content_type);
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      c.header('ETag', etag);
      c.header('Accept-Ranges', 'bytes');
      c.header('X-Content-Type-Options', 'nosniff');
      if (c.req.header('If-None-Match')?.split(/\s*,\s*/).includes(etag)) return c.body(null, 304);
      const rangeHeader = c.req.header('Range');
      // If-Range with another validator means the client's partial copy is stale: send it all.
      const ifRange = c.req.header('If-Range');
      const ranges = rangeHeader && (!ifRange || ifRange === etag) ? rangeParser(info.size, rangeHeader, { combine: true }) : undefined;
      if (ranges === -1) {
        c.header('Content-Range', `bytes */${info.size}`);
        return c.body(null, 416);
      }
      // One range is what players ask for; several (rare) are answered with the whole file.
      if (Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1) {
        const { start, end } = ranges[0]!;
        c.header('Content-Range', `bytes ${start}-${end}/${info.size}`);
        c.header('Content-Length', String(end - start + 1));
        return c.body(Readable.toWeb(createReadStream(full, { start, end })) as ReadableStream, 206);
      }
      c.header('Content-Length', String(info.size));
      return c.body(Readable.toWeb(createReadStream(full)) as ReadableStream, 200);
    }),
  ];
}

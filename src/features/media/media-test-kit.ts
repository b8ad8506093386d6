// Test helpers for the media library (imported by its *.test.ts files only).
import { deflateSync } from 'node:zlib';
import { Hono } from 'hono';
import sharp from 'sharp';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { Browser, signInAs, type SignedIn } from '../../../tests/staff-kit.js';
import { registerRoutes, type AppEnv, type StaffRole } from '../../http/access.js';
import { allRoutes } from '../../server.js';
import { MEDIA_VARIANTS } from './make-variants.job.js';
import { createWorker } from '../../worker.js';
import { renderError } from '../site/index.js';
import { createStaffGuard, renderAdmin } from '../staff/index.js';
import { mediaAdminRoutes } from './media.admin-routes.js';

export interface MediaTestSite {
  site: TestSite;
  /** The app to call: the real one once it registers the media library's routes. */
  app: Hono<AppEnv>;
}

/**
 * A test site whose app serves the media library. Until `server.ts` lists `mediaAdminRoutes`, they
 * are registered in front of the real app here, with the real staff guard and error pages, and
 * every other request goes on to the real app; once it lists them, the real app is used as is.
 */
export async function createMediaTestSite(): Promise<MediaTestSite> {
  const site = await createTestSite();
  if (allRoutes(site.deps).some((r) => r.method === 'POST' && r.path === '/admin/media')) return { site, app: site.app };
  const app = new Hono<AppEnv>();
  registerRoutes(app, mediaAdminRoutes(site.deps), createStaffGuard(site.deps));
  app.all('*', (c) => site.app.fetch(c.req.raw));
  app.onError(renderError(site.deps, site.deps.log, (c, page) => renderAdmin(c, site.deps.assets, page)));
  return { site, app };
}

export async function signInToMedia(t: MediaTestSite, role: StaffRole, language?: 'en' | 'ar'): Promise<SignedIn> {
  return signInAs(t.site, role, { browser: new Browser({ app: t.app, clock: t.site.clock }), language, csrfFrom: '/admin/media' });
}

function cookieOf(me: SignedIn): string {
  return [...me.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Uploads through POST /admin/media as a browser would: multipart, with the CSRF token and session cookie. */
export async function uploadFile(t: MediaTestSite, me: SignedIn, bytes: Buffer, name: string, type = 'application/octet-stream', headers: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', me.csrf);
  form.set('file', new File([new Uint8Array(bytes)], name, { type }));
  return t.app.request('/admin/media', { method: 'POST', body: form, headers: { Cookie: cookieOf(me), ...headers } });
}

/** Uploads and returns the new media id (failing loudly if the upload was refused). */
export async function uploadOk(t: MediaTestSite, me: SignedIn, bytes: Buffer, name: string): Promise<string> {
  const res = await uploadFile(t, me, bytes, name);
  const location = res.headers.get('Location') ?? '';
  const m = /^\/admin\/media\/([^?]+)\?(uploaded|duplicate)=1$/.exec(location);
  if (res.status !== 303 || !m) throw new Error(`Upload of ${name} answered ${res.status} → ${location}: ${(await res.text()).slice(0, 300)}`);
  return m[1]!;
}

/** Attempts made so far at media-variants jobs (other features' jobs run beside them and are not counted). */
async function variantAttempts(t: MediaTestSite): Promise<number> {
  const rows = await t.site.deps.db.selectFrom('jobs').select('attempts').where('name', '=', MEDIA_VARIANTS).execute();
  return rows.reduce((n, r) => n + Number(r.attempts), 0);
}

/**
 * Runs the background jobs that are due, through the real worker (its job map, claims and
 * bookkeeping), until none is left; returns how many media-variants runs that took. Uploads leave
 * their variants to it.
 */
export async function runJobs(t: MediaTestSite): Promise<number> {
  const worker = createWorker(t.site.deps);
  const before = await variantAttempts(t);
  for (let ran = await worker.runDue(); ran > 0; ran = await worker.runDue());
  return (await variantAttempts(t)) - before;
}

/** Uploads, then lets the worker make its variants and crops: the image as pages show it for good. */
export async function uploadReady(t: MediaTestSite, me: SignedIn, bytes: Buffer, name: string): Promise<string> {
  const id = await uploadOk(t, me, bytes, name);
  await runJobs(t);
  return id;
}

/** An image with some detail (so encoders do real work), in any format sharp writes. */
export async function testImage(width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif', opts: { alpha?: boolean } = {}): Promise<Buffer> {
  const channels = opts.alpha ? 4 : 3;
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = ((x ^ y) & 0xff) >> 1;
      if (opts.alpha) raw[i + 3] = x < width / 2 ? 255 : 128;
    }
  }
  const s = sharp(raw, { raw: { width, height, channels } });
  switch (format) {
    case 'jpeg':
      return s.jpeg({ quality: 90 }).toBuffer();
    case 'png':
      return s.png().toBuffer();
    case 'webp':
      return s.webp().toBuffer();
    case 'avif':
      return s.avif({ effort: 0 }).toBuffer();
    case 'gif':
      return s.gif().toBuffer();
  }
}

/** Two halves of flat colour, left and right: which half a crop shows is then plain to see. */
export function halvesPng(width: number, height: number, left: [number, number, number], right: [number, number, number]): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = x < width / 2 ? left : right;
      raw.set(c, (y * width + x) * 3);
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A decompression bomb: a valid PNG header declaring `side`×`side` RGB pixels, with a few hundred
 * bytes of compressed zero rows. Decoding it would need side² × 3 bytes of memory.
 */
export function pngBomb(side: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = deflateSync(Buffer.alloc((side * 3 + 1) * 16)); // the first rows only: the rest never arrives
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', rows), pngChunk('IEND', Buffer.alloc(0))]);
}

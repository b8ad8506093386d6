import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

/**
 * Rendered public pages kept in memory, each tagged with what it shows ("article:<id>",
 * "section:<id>", "home:en"…), so a content change drops exactly the pages that show it.
 * Compressed forms are made once per entry, on first demand, and then served as plain bytes.
 */
export interface CachedPage {
  readonly key: string;
  readonly status: number;
  readonly etag: string;
  readonly body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  readonly tags: readonly string[];
}

export type Encoding = 'br' | 'gzip' | 'identity';

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;

  /** Bounded by count and by bytes (bodies plus their compressed forms), evicting least recently used. */
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.pages.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  /** Keys of the cached pages, least recently used first (for diagnostics and tests). */
  keys(): string[] {
    return [...this.pages.keys()];
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      // Re-insert to keep Map order = least recently used first, for eviction.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, html: string, tags: readonly string[], status = 200): CachedPage {
    const body = Buffer.from(html, 'utf8');
    const page: CachedPage = { key, status, body, tags, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (this.maxEntries === 0) return page;
    this.delete(key);
    this.pages.set(key, page);
    this.bytes += body.length;
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.evict();
    return page;
  }

  /** The page's bytes in an encoding, compressed on first use and then kept (and counted). */
  encoded(page: CachedPage, encoding: Encoding): Buffer {
    if (encoding === 'identity') return page.body;
    const existing = page[encoding];
    if (existing) return existing;
    const out = compress(page.body, encoding);
    page[encoding] = out;
    // Only pages still held count; one evicted meanwhile is simply answered and dropped.
    if (this.pages.get(page.key) === page) {
      this.bytes += out.length;
      this.evict();
    }
    return out;
  }

  private evict(): void {
    while (this.pages.size > this.maxEntries || (this.bytes > this.maxBytes && this.pages.size > 1)) {
      const oldest = this.pages.keys().next().value as string;
      this.delete(oldest);
    }
  }

  /** Drops every page carrying any of the tags; returns how many were dropped. */
  invalidate(tags: Iterable<string>): number {
    let dropped = 0;
    for (const tag of tags) {
      for (const key of this.byTag.get(tag) ?? []) if (this.delete(key)) dropped++;
    }
    return dropped;
  }

  clear(): void {
    this.pages.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  private delete(key: string): boolean {
    const page = this.pages.get(key);
    if (!page) return false;
    this.pages.delete(key);
    this.bytes -= page.body.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0);
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys && keys.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}

/** brotli at a quality fast enough for a cache miss; gzip at its default level. */
function compress(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  const out =
    encoding === 'gzip'
      ? gzipSync(body, { level: 6 })
      : brotliCompressSync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: 6, [zc.BROTLI_PARAM_SIZE_HINT]: body.length, [zc.BROTLI_PARAM_MODE]: zc.BROTLI_MODE_TEXT } });
  // zlib's result is a view on a larger output chunk; an exact copy lets that chunk be freed, so the
  // bytes the cache counts are the bytes it holds.
  return Buffer.copyBytesFrom(out);
}

/** Picks br, then gzip, from an Accept-Encoding header, honouring q=0. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (n: string) => (accepted.get(n) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

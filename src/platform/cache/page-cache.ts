import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';

/**
 * Rendered public pages kept in memory, each tagged with what it shows ("article:<id>",
 * "section:<id>", "home:en"…), so a content change drops exactly the pages that show it.
 * Compressed forms are made once per entry, on first demand, and then served as plain bytes.
 */
export interface CachedPage {
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

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.pages.size;
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
    const page: CachedPage = { status, body, tags, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (this.maxEntries === 0) return page;
    this.delete(key);
    this.pages.set(key, page);
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.pages.size > this.maxEntries) {
      const oldest = this.pages.keys().next().value as string;
      this.delete(oldest);
    }
    return page;
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
  }

  private delete(key: string): boolean {
    const page = this.pages.get(key);
    if (!page) return false;
    this.pages.delete(key);
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys && keys.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}

/** The encoded bytes of a page, compressing on first use (brotli at a quality fast enough for a miss). */
export function encodedBody(page: CachedPage, encoding: Encoding): Buffer {
  if (encoding === 'br') {
    return (page.br ??= brotliCompressSync(page.body, {
      params: { [zc.BROTLI_PARAM_QUALITY]: 6, [zc.BROTLI_PARAM_SIZE_HINT]: page.body.length, [zc.BROTLI_PARAM_MODE]: zc.BROTLI_MODE_TEXT },
    }));
  }
  if (encoding === 'gzip') return (page.gzip ??= gzipSync(page.body, { level: 6 }));
  return page.body;
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

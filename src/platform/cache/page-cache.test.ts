import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { negotiateEncoding, PageCache } from './page-cache.js';

describe('PageCache', () => {
  it('drops every page carrying an invalidated tag and only those', () => {
    const cache = new PageCache(100);
    cache.set('/a', '<p>a</p>', ['article:1', 'home:en']);
    cache.set('/b', '<p>b</p>', ['article:2', 'home:en']);
    cache.set('/c', '<p>c</p>', ['article:3']);
    expect(cache.invalidate(['home:en'])).toBe(2);
    expect(cache.keys()).toEqual(['/c']);
  });

  it('evicts the least recently used page beyond the entry limit', () => {
    const cache = new PageCache(2);
    cache.set('/a', 'a', []);
    cache.set('/b', 'b', []);
    cache.get('/a');
    cache.set('/c', 'c', []);
    expect(cache.keys().sort()).toEqual(['/a', '/c']);
  });

  it('stays within its byte budget, counting compressed copies', () => {
    const page = 'x'.repeat(10_000);
    const cache = new PageCache(1000, 35_000);
    for (let i = 0; i < 10; i++) cache.set(`/p${i}`, page + i, []);
    expect(cache.size).toBe(3);
    expect(cache.byteSize).toBeLessThanOrEqual(35_000);
    const kept = cache.get('/p9')!;
    cache.encoded(kept, 'gzip');
    expect(cache.byteSize).toBe(cache.keys().reduce((n, k) => n + cache.get(k)!.body.length + (cache.get(k)!.gzip?.length ?? 0), 0));
    cache.invalidate([]);
    cache.clear();
    expect(cache.byteSize).toBe(0);
  });

  it('compresses once and the compressed forms decode to the page', () => {
    const cache = new PageCache(10);
    const page = cache.set('/', '<p>مرحبا</p>'.repeat(100), []);
    const br = cache.encoded(page, 'br');
    expect(cache.encoded(page, 'br')).toBe(br);
    expect(brotliDecompressSync(br).toString()).toBe('<p>مرحبا</p>'.repeat(100));
    expect(gunzipSync(cache.encoded(page, 'gzip')).toString()).toBe('<p>مرحبا</p>'.repeat(100));
  });

  it('caches nothing when its size is zero', () => {
    const cache = new PageCache(0);
    cache.set('/', 'x', []);
    expect(cache.size).toBe(0);
  });
});

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('identity')).toBe('identity');
    expect(negotiateEncoding(undefined)).toBe('identity');
  });
});

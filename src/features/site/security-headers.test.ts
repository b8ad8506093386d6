import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { storeImage } from '../media/index.js';

let site: TestSite;
let slug: string;
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  slug = (await publishedArticle(site, { headline: 'Headers on every answer' })).slug;
});

const expectSecure = (res: Response, what: string) => {
  expect(res.headers.get('content-security-policy'), what).toContain("default-src 'self'");
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
};

describe('security headers', () => {
  it('are on rendered pages, cached pages, 304s, redirects, errors, assets and newsroom pages', async () => {
    const first = await site.get(`/politics/${slug}`);
    expectSecure(first, 'first render');
    const cached = await site.get(`/politics/${slug}`, { 'Accept-Encoding': 'br' });
    expectSecure(cached, 'cached page');
    expectSecure(await site.get(`/politics/${slug}`, { 'If-None-Match': first.headers.get('etag')! }), '304');
    expectSecure(await site.get('/politics'), 'redirect');
    expectSecure(await site.get('/no/such/page/here'), '404');
    const css = /href="(\/assets\/site\.[^"]+\.css)"/.exec(await first.text())![1]!;
    expectSecure(await site.get(css), 'stylesheet');
    expectSecure(await site.get('/admin/sign-in'), 'newsroom');
  });

  it('keeps a stricter policy where a route sets its own (SVG media)', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const stored = await storeImage(site.deps, { bytes: svg, ext: 'svg', contentType: 'image/svg+xml', width: 10, height: 10 });
    const res = await site.get(`/media/${stored.fileName}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

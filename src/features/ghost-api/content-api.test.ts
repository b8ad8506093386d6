import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import GhostContentAPI from '@tryghost/content-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { createArticle } from '../articles/index.js';
import { documentFromBlocks } from '../../editor/index.js';
import { createIntegration } from '../integrations/index.js';

// Ghost's own Content API client, @tryghost/content-api, reading Arab Press over HTTP on loopback as it
// reads a Ghost site: posts, tags, authors, settings, pagination, filters, an invalid key.
let site: TestSite;
let server: ServerType;
let url: string;
let key: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  key = (await createIntegration(site.deps.db, 'Front end', site.clock.now())).contentKey;
  for (let i = 1; i <= 5; i++) {
    ids[`en${i}`] = (await publishedArticle(site, { headline: `Budget story ${i}`, sectionSlug: i % 2 ? 'economy' : 'politics', tagSlugs: i === 1 ? ['trade', 'oil'] : ['oil'], publishedAt: new Date(`2024-04-0${i}T10:00:00.000Z`) })).id;
  }
  ids.ar = (await publishedArticle(site, { language: 'ar', translationOf: ids.en5, headline: 'قصة الميزانية', bylines: [{ personSlug: 'omar-farouk' }], tagSlugs: ['oil'], publishedAt: new Date('2024-04-06T10:00:00.000Z') })).id;
  // A draft is never served.
  await createArticle(site.deps, { language: 'en', headline: 'Secret draft', standfirst: '', sectionSlug: 'economy', bylines: [], tagSlugs: [], body: documentFromBlocks([{ type: 'p', text: 'Not yet.' }]) });
  server = serve({ fetch: site.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server?.close());

const api = () => GhostContentAPI({ url, key, version: 'v5.0' });

describe('the Content API through Ghost’s client', () => {
  it('browses posts newest first with pagination, tags and authors included on request', async () => {
    const page1 = await api().posts.browse({ limit: 2, include: "tags,authors" });
    expect(page1.map((p) => p['title'])).toEqual(['قصة الميزانية', 'Budget story 5']);
    expect(page1.meta.pagination).toEqual({ page: 1, limit: 2, pages: 3, total: 6, next: 2, prev: null });
    expect(page1[0]).toMatchObject({ id: ids.ar, language: 'ar', primary_author: { slug: 'omar-farouk', name: 'عمر فاروق' }, primary_tag: { slug: 'oil', name: 'النفط', name_en: 'Oil' } });
    expect(page1[1]!['translations']).toEqual([{ language: 'ar', url: expect.stringContaining('/ar/politics/'), title: 'قصة الميزانية' }]);
    const page3 = await api().posts.browse({ limit: 2, page: 3 });
    expect(page3.map((p) => (p as { title: string }).title)).toEqual(['Budget story 2', 'Budget story 1']);
    expect(page3[0]).not.toHaveProperty('tags');
  });

  it('filters with NQL (tags, sections, language, dates), picks fields and orders', async () => {
    const titles = async (o: object) => (await api().posts.browse({ limit: 'all', ...o })).map((p) => (p as { title: string }).title);
    expect(await titles({ filter: 'tag:trade' })).toEqual(['Budget story 1']);
    expect(await titles({ filter: 'section:economy+language:en', order: 'published_at asc' })).toEqual(['Budget story 1', 'Budget story 3', 'Budget story 5']);
    expect(await titles({ filter: "published_at:>'2024-04-04'+language:en" })).toEqual(['Budget story 5', 'Budget story 4']);
    expect(await titles({ filter: 'author:omar-farouk' })).toEqual(['قصة الميزانية']);
    expect(await titles({ filter: 'tag:-oil' })).toEqual([]);
    const fields = await api().posts.browse({ limit: 1, fields: 'title,url' });
    expect(Object.keys(fields[0] as object).sort()).toEqual(['title', 'url']);
    await expect(api().posts.browse({ filter: 'colour:red' })).rejects.toMatchObject({ name: 'BadRequestError' });
  });

  it('reads one post by id and by slug, in either language, and a missing one is NotFoundError', async () => {
    const byId = await api().posts.read({ id: ids.en1 }, { formats: 'html,plaintext' });
    expect(byId).toMatchObject({ id: ids.en1, title: 'Budget story 1', plaintext: expect.any(String), html: expect.stringContaining('<p') });
    const bySlug = await api().posts.read({ slug: 'قصة-الميزانية' });
    expect(bySlug['id']).toBe(ids.ar);
    await expect(api().posts.read({ id: 'no-such-post' })).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('lists tags and authors, reads one by slug, and gives the settings', async () => {
    const tags = await api().tags.browse({ limit: 'all' });
    expect(tags.map((t) => (t as { slug: string }).slug).sort()).toEqual(['gaza', 'oil', 'trade']);
    expect(await api().tags.read({ slug: 'oil' })).toMatchObject({ name: 'Oil', name_ar: 'النفط', url: expect.stringContaining('/tag/oil') });
    expect(await api().authors.read({ slug: 'layla-haddad' })).toMatchObject({ name: 'Layla Haddad', bio: 'Covers diplomacy.' });
    const settings = await api().settings.browse();
    expect(settings).toMatchObject({ title: 'Arab Press', title_ar: 'عرب برس', lang: 'en' });
    expect(await api().pages.browse()).toEqual(Object.assign([], { meta: { pagination: { page: 1, limit: 15, pages: 1, total: 0, next: null, prev: null } } }));
  });

  it('refuses a wrong key the way Ghost does', async () => {
    const wrong = GhostContentAPI({ url, key: '0123456789abcdef0123456789', version: 'v5.0' });
    await expect(wrong.posts.browse()).rejects.toMatchObject({ name: 'UnauthorizedError', message: 'Unknown Content API Key' });
    const res = await fetch(`${url}/ghost/api/content/posts/`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: { type: string }[] }).errors[0]!.type).toBe('UnauthorizedError');
  });
});

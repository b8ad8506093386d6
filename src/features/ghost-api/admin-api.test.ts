import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import GhostAdminAPI from '@tryghost/admin-api';
import { SignJWT } from 'jose';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { listRevisions } from '../articles/index.js';
import { listAudit } from '../audit/index.js';
import { createIntegration } from '../integrations/index.js';

// Ghost's own Admin API client, @tryghost/admin-api, writing to Arab Press over HTTP on loopback as it
// writes to a Ghost site: an image upload, an English and an Arabic article created from HTML, updated,
// published and unpublished; refused with a wrong key, an expired token and a stale updated_at.
let site: TestSite;
let server: ServerType;
let url: string;
let adminKey: string;
let imagePath: string;
beforeAll(async () => {
  // Tokens are signed with the real time, so the site's clock starts from it too.
  site = await createTestSite({ now: new Date() });
  await seedNewsroom(site);
  adminKey = (await createIntegration(site.deps.db, 'Wire desk', site.clock.now())).adminKey;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'admin-api-'));
  imagePath = path.join(dir, 'harbour.png');
  writeFileSync(imagePath, await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a6f97' } }).png().toBuffer());
  server = serve({ fetch: site.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server?.close());

const api = (key = adminKey) => GhostAdminAPI({ url, key, version: 'v5.0' });
const pageStatus = async (p: string) => (await fetch(url + p)).status;
const pathOf = (post: Record<string, unknown>) => new URL(String(post['url'])).pathname;

describe('the Admin API through Ghost’s client', () => {
  let enId = '';

  it('uploads an image and creates an English draft from HTML, reduced to the article schema', async () => {
    const image = await api().images.upload({ file: imagePath });
    expect(image.url).toMatch(new RegExp(`^${url}/media/[A-Za-z0-9_-]+\\.png$`));
    const post = await api().posts.add(
      {
        title: 'Port traffic doubles',
        custom_excerpt: 'Ships return to the harbour.',
        html: `<h1>Arrivals</h1><p>Cargo is <strong>up</strong>, says <a href="https://example.org/report">the report</a>.</p><script>alert(1)</script><figure><img src="${image.url}" alt="The harbour"><figcaption>The harbour at dawn</figcaption></figure><h5>Outlook</h5><table><tr><td>More to come.</td></tr></table>`,
        tags: ['Oil', { name: 'Shipping' }],
        authors: [{ slug: 'omar-farouk' }],
        section: 'economy',
      },
      { source: 'html' },
    );
    enId = String(post['id']);
    expect(post).toMatchObject({ title: 'Port traffic doubles', status: 'draft', workflow_status: 'draft', custom_excerpt: 'Ships return to the harbour.', published_at: null, language: 'en', section: { slug: 'economy' } });
    expect((post['tags'] as { slug: string }[]).map((t) => t.slug)).toEqual(['oil', 'shipping']);
    expect((post['authors'] as { slug: string }[]).map((a) => a.slug)).toEqual(['omar-farouk']);
    const html = String(post['html']);
    expect(html).toContain('<h2');
    expect(html).toContain('Arrivals');
    expect(html).toContain('<strong>up</strong>');
    expect(html).toContain('href="https://example.org/report"');
    expect(html).toMatch(/<h3[^>]*>Outlook<\/h3>/);
    expect(html).toContain('More to come.');
    expect(html).toContain('The harbour at dawn');
    expect(html).toMatch(/<img[^>]+alt="The harbour"/);
    expect(html).not.toContain('script');
    // A draft is not on the site.
    expect(await pageStatus(pathOf(post))).toBe(404);
  });

  it('publishes, edits with the updated_at it read, and refuses a stale one', async () => {
    const draft = await api().posts.read({ id: enId });
    const published = await api().posts.edit({ id: enId, updated_at: draft['updated_at'], status: 'published' });
    expect(published['status']).toBe('published');
    expect(published['published_at']).toEqual(expect.any(String));
    const page = await fetch(url + pathOf(published));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Port traffic doubles');

    site.clock.advance(60_000);
    const edited = await api().posts.edit({ id: enId, updated_at: published['updated_at'], title: 'Port traffic triples' });
    expect(edited['title']).toBe('Port traffic triples');
    expect(edited['custom_excerpt']).toBe('Ships return to the harbour.');
    expect(await (await fetch(url + pathOf(edited))).text()).toContain('Port traffic triples');

    // Someone who read the post before that edit is refused, and nothing of theirs is saved.
    await expect(api().posts.edit({ id: enId, updated_at: published['updated_at'], title: 'An old view' })).rejects.toMatchObject({ name: 'UpdateCollisionError' });
    expect((await api().posts.read({ id: enId }))['title']).toBe('Port traffic triples');
    await expect(api().posts.edit({ id: enId, title: 'No version' })).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('creates a published Arabic translation with its original date, then unpublishes the English one', async () => {
    const ar = await api().posts.add(
      { title: 'تضاعف حركة الميناء', html: '<p dir="rtl">عادت السفن إلى <em>الميناء</em>.</p>', language: 'ar', translation_of: enId, section: 'economy', tags: [{ slug: 'oil' }], status: 'published', published_at: '2024-03-01T08:00:00.000Z' },
      { source: 'html' },
    );
    expect(ar).toMatchObject({ status: 'published', language: 'ar', published_at: '2024-03-01T08:00:00.000Z', title: 'تضاعف حركة الميناء' });
    expect((ar['tags'] as { name: string }[])[0]!.name).toBe('النفط');
    const arPage = await (await fetch(url + pathOf(ar))).text();
    expect(arPage).toContain('تضاعف حركة الميناء');
    expect(arPage).toContain('hreflang="en"');

    const en = await api().posts.read({ id: enId });
    const unpublished = await api().posts.edit({ id: enId, updated_at: en['updated_at'], status: 'draft' });
    expect(unpublished).toMatchObject({ status: 'draft', workflow_status: 'unpublished' });
    expect(await pageStatus(pathOf(en))).toBe(404);

    // Browsing lists drafts too, each with its status.
    const all = await api().posts.browse({ limit: 'all' });
    expect(all.map((p) => [p['title'], p['status']])).toEqual(expect.arrayContaining([['Port traffic triples', 'draft'], ['تضاعف حركة الميناء', 'published']]));
  });

  it('keeps the newsroom’s record: revisions and the audit log name the integration', async () => {
    const revisions = await listRevisions(site.deps.db, enId);
    expect(revisions.map((r) => r.authorLabel)).toEqual(expect.arrayContaining(['integration: Wire desk']));
    expect(revisions.map((r) => r.status)).toEqual(expect.arrayContaining(['draft', 'published', 'unpublished']));
    const audit = (await listAudit(site.deps.db, 1)).items.filter((e) => e.subjectId === enId).map((e) => [e.action, e.actorLabel]);
    expect(audit).toEqual(expect.arrayContaining([['article-created', 'integration: Wire desk'], ['article-published', 'integration: Wire desk'], ['article-unpublished', 'integration: Wire desk']]));
  });

  it('refuses HTML that would lose something, naming it, and saves nothing', async () => {
    const before = (await api().posts.browse({ limit: 'all' })).length;
    const attempt = api().posts.add({ title: 'Lost parts', html: '<p>See <a href="javascript:alert(1)">this</a>.</p><img src="https://elsewhere.example/x.jpg">', section: 'economy' }, { source: 'html' });
    await expect(attempt).rejects.toMatchObject({ name: 'ValidationError' });
    const err = (await attempt.catch((e: unknown) => e)) as { context: string };
    expect(err.context).toContain('https://elsewhere.example/x.jpg');
    expect(err.context).toContain('javascript:alert(1)');
    await expect(api().posts.add({ title: 'Nowhere', section: 'no-such-section' })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(api().posts.add({ title: 'Too late', status: 'scheduled', published_at: '2020-01-01T00:00:00.000Z' })).rejects.toMatchObject({ name: 'ValidationError', property: 'published_at' });
    await expect(api().posts.add({ title: 'Foreign image', feature_image: 'https://elsewhere.example/x.jpg' })).rejects.toMatchObject({ name: 'ValidationError' });
    expect((await api().posts.browse({ limit: 'all' })).length).toBe(before);
  });

  it('refuses a wrong secret, an unknown key, an expired token and no token', async () => {
    const wrongSecret = `${adminKey.split(':')[0]}:${'0'.repeat(64)}`;
    await expect(api(wrongSecret).posts.browse()).rejects.toMatchObject({ name: 'UnauthorizedError' });
    await expect(api(`${'a'.repeat(24)}:${'0'.repeat(64)}`).posts.browse()).rejects.toMatchObject({ name: 'UnauthorizedError' });
    const [id, secret] = adminKey.split(':') as [string, string];
    const issued = Math.floor(Date.now() / 1000) - 600;
    const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: id }).setIssuedAt(issued).setExpirationTime(issued + 300).setAudience('/admin/').sign(Buffer.from(secret, 'hex'));
    const res = await fetch(`${url}/ghost/api/admin/posts/`, { headers: { Authorization: `Ghost ${expired}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errors: [{ type: 'UnauthorizedError', message: expect.stringContaining('expired') }] });
    const noAuth = await fetch(`${url}/ghost/api/admin/posts/`);
    expect(noAuth.status).toBe(401);
  });

  it('adds tags with Latin slugs, an Arabic-only name included', async () => {
    const desal = (await api().tags.add({ name: 'Desalination' })) as Record<string, unknown>;
    expect(desal).toMatchObject({ slug: 'desalination', name_en: 'Desalination' });
    expect(await api().tags.add({ name: 'Desalination', slug: 'desalination' })).toMatchObject({ slug: 'desalination-2' });
    expect(await api().tags.add({ name_ar: 'تحلية المياه', name_en: 'تحلية المياه' })).toMatchObject({ slug: expect.stringMatching(/^tag-[a-z0-9]+$/), name_ar: 'تحلية المياه' });
  });

  it('schedules a post for a future time, and takes it back to a draft', async () => {
    const at = new Date(site.clock.now().getTime() + 86_400_000).toISOString();
    const scheduled = await api().posts.add({ title: 'Budget day', section: 'economy', status: 'scheduled', published_at: at });
    expect(scheduled).toMatchObject({ status: 'scheduled', workflow_status: 'scheduled', published_at: at });
    expect(await pageStatus(pathOf(scheduled))).toBe(404);
    const back = await api().posts.edit({ id: scheduled['id'], updated_at: scheduled['updated_at'], status: 'draft' });
    expect(back).toMatchObject({ status: 'draft', workflow_status: 'draft', published_at: null });
  });

  it('adds, edits and deletes webhooks for its own integration', async () => {
    const hook = (await api().webhooks.add({ event: 'post.published', target_url: 'https://partner.example/hooks/ap', name: 'Partner' })) as Record<string, unknown>;
    expect(hook).toMatchObject({ event: 'post.published', target_url: 'https://partner.example/hooks/ap', name: 'Partner', secret: expect.stringMatching(/^[0-9a-f]{48}$/) });
    const edited = (await api().webhooks.edit({ id: hook['id'], target_url: 'https://partner.example/hooks/v2' })) as Record<string, unknown>;
    expect(edited).toMatchObject({ id: hook['id'], target_url: 'https://partner.example/hooks/v2', event: 'post.published' });
    await expect(api().webhooks.add({ event: 'post.deleted', target_url: 'https://partner.example/x' })).rejects.toMatchObject({ name: 'ValidationError', property: 'event' });
    await expect(api().webhooks.add({ event: 'post.published', target_url: 'ftp://partner.example/x' })).rejects.toMatchObject({ name: 'ValidationError', property: 'target_url' });
    await api().webhooks.delete({ id: hook['id'] });
    await expect(api().webhooks.delete({ id: hook['id'] })).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('publishes an existing newsroom story’s edit and refuses deleting stories', async () => {
    const { id } = await publishedArticle(site, { headline: 'From the newsroom' });
    const read = await api().posts.read({ id });
    expect(read).toMatchObject({ title: 'From the newsroom', status: 'published' });
    await expect(api().posts.delete({ id })).rejects.toMatchObject({ name: 'NoPermissionError' });
    expect(await pageStatus(pathOf(read))).toBe(200);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { alertIn, noticeIn, postForm, signInAs, type SignedIn } from '../../../tests/staff-kit.js';

// Integrations as an admin manages them in the newsroom (in Arabic here), and what their keys open.
let site: TestSite;
let admin: SignedIn;
let editor: SignedIn;
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  await publishedArticle(site, { headline: 'A story for partners' });
  admin = await signInAs(site, 'admin', { language: 'ar' });
  editor = await signInAs(site, 'editor');
});

const post = postForm;

describe('integrations in the newsroom', () => {
  it('creates one with both keys, which open the Content API, and deleting it closes it again', async () => {
    const res = await post(admin, '/admin/integrations', { name: 'تطبيق الهاتف' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(noticeIn(html)).toContain('أُنشئ التكامل');
    const contentKey = /<code dir="ltr">([0-9a-f]{26})<\/code>/.exec(html)![1]!;
    expect(html).toMatch(/<code dir="ltr">[0-9a-f]{24}:[0-9a-f]{64}<\/code>/);
    const api = await site.get(`/ghost/api/content/posts/?key=${contentKey}`);
    expect(api.status).toBe(200);
    expect(((await api.json()) as { posts: { title: string }[] }).posts.map((p) => p.title)).toEqual(['A story for partners']);
    expect(await (await admin.browser.request('/admin/integrations')).text()).not.toContain('لم يُستخدم');

    const id = /action="\/admin\/integrations\/([^/]+)\/delete"/.exec(html)![1]!;
    expect(noticeIn(await (await post(admin, `/admin/integrations/${id}/delete`, {})).text())).toContain('حُذف التكامل');
    expect((await site.get(`/ghost/api/content/posts/?key=${contentKey}`)).status).toBe(401);
  });

  it('asks for a name, and keeps the page from editors', async () => {
    const res = await post(admin, '/admin/integrations', { name: '   ' });
    expect(res.status).toBe(422);
    expect(alertIn(await res.text())).toContain('يرجى إعطاء التكامل اسماً');
    expect((await editor.browser.request('/admin/integrations')).status).toBe(403);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { alertIn, Browser, createStaff, mailsTo, noticeIn, signInAs, submitSignIn, visibleText, type SignedIn } from '../../../tests/staff-kit.js';
import { listAudit } from '../audit/index.js';
import { listStaff } from './index.js';

// Disabling a staff account, on SQLite and PostgreSQL, through the admin as people use it.
let site: TestSite;
let owner: SignedIn;
let admin: SignedIn;
beforeAll(async () => {
  site = await createTestSite({ env: { TRUST_PROXY: 'true' } });
  await seedNewsroom(site);
  owner = await signInAs(site, 'owner');
  admin = await signInAs(site, 'admin');
});

const userOf = async (email: string) => (await listStaff(site.deps.db)).find((u) => u.email === email)!;

describe('disabling a staff account', () => {
  it('ends every session of the person at once, refuses their sign-in and password reset, and keeps their work', async () => {
    const writer = await signInAs(site, 'author');
    const laptop = writer.browser;
    const phone = (await signInAs(site, 'author', { account: writer })).browser;
    expect((await laptop.get('/admin')).status).toBe(200);
    await publishedArticle(site, { headline: 'A story that keeps its byline' });
    const target = await userOf(writer.email);

    const res = await admin.browser.post(`/admin/staff/${target.id}/disable`, { _csrf: admin.csrf });
    expect(res.status).toBe(200);
    expect(noticeIn(await res.text())).toBe('The account is disabled and signed out everywhere. Its articles keep its name.');
    expect((await userOf(writer.email)).disabled).toBe(true);

    // Both open sessions are over: the next request goes to sign-in.
    for (const browser of [laptop, phone]) {
      const next = await browser.get('/admin');
      expect(next.status).toBe(303);
      expect(next.headers.get('location')).toMatch(/^\/admin\/sign-in/);
    }
    // The right password gets the same answer as a wrong one: nothing is learned from outside.
    const fresh = new Browser(site);
    const right = await submitSignIn(fresh, writer.email, writer.password);
    const wrong = await submitSignIn(new Browser(site), writer.email, 'not the password');
    expect(right.status).toBe(wrong.status);
    expect(alertIn(await right.text())).toBe(alertIn(await wrong.text()));
    // A reset request answers as usual and sends nothing.
    const before = (await mailsTo(site, writer.email)).length;
    const reset = await new Browser(site).post('/admin/password/forgot', { email: writer.email });
    expect(reset.status).toBeLessThan(400);
    expect((await mailsTo(site, writer.email)).length).toBe(before);
    // The story is still on the site.
    expect((await site.get('/')).status).toBe(200);
    expect(await (await site.get('/')).text()).toContain('A story that keeps its byline');

    // Enabled again: the same password works.
    const back = await admin.browser.post(`/admin/staff/${target.id}/enable`, { _csrf: admin.csrf });
    expect(noticeIn(await back.text())).toBe('The account can sign in again.');
    expect((await submitSignIn(new Browser(site), writer.email, writer.password)).status).toBe(303);

    const actions = (await listAudit(site.deps.db, 1, 50)).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['staff-disabled', 'staff-enabled']));
  });

  it('shows who is disabled on the staff page, in English and Arabic', async () => {
    const editor = await createStaff(site, 'editor');
    await admin.browser.post(`/admin/staff/${(await userOf(editor.email)).id}/disable`, { _csrf: admin.csrf });
    const en = visibleText(await (await admin.browser.get('/admin/staff')).text());
    expect(en).toMatch(new RegExp(`${editor.email.replace('.', '\\.')}.*Disabled.*Enable`, 's'));
    const arabic = await signInAs(site, 'admin', { language: 'ar' });
    const ar = visibleText(await (await arabic.browser.get('/admin/staff')).text());
    expect(ar).toContain('معطّل');
    expect(ar).toContain('تفعيل');
  });

  it('refuses to disable yourself, an owner unless you are one, and the last owner', async () => {
    const me = await userOf(admin.email);
    const self = await admin.browser.post(`/admin/staff/${me.id}/disable`, { _csrf: admin.csrf });
    expect(self.status).toBe(409);
    expect(alertIn(await self.text())).toBe('You cannot disable your own account.');
    const ownerUser = await userOf(owner.email);
    const byAdmin = await admin.browser.post(`/admin/staff/${ownerUser.id}/disable`, { _csrf: admin.csrf });
    expect(byAdmin.status).toBe(403);
    expect((await userOf(owner.email)).disabled).toBe(false);
    // A second owner may disable the first, but the last active owner stays.
    const second = await signInAs(site, 'owner');
    expect((await second.browser.post(`/admin/staff/${ownerUser.id}/disable`, { _csrf: second.csrf })).status).toBe(200);
    const secondUser = await userOf(second.email);
    const third = await signInAs(site, 'owner');
    await third.browser.post(`/admin/staff/${secondUser.id}/disable`, { _csrf: third.csrf });
    const last = await userOf(third.email);
    const refused = await third.browser.post(`/admin/staff/${last.id}/disable`, { _csrf: third.csrf });
    expect(refused.status).toBe(409); // it is also themself; the rule that bites first is enough
    expect((await userOf(third.email)).disabled).toBe(false);
  });

  it('is only for admins and owners, with a CSRF token', async () => {
    const editor = await signInAs(site, 'editor');
    const target = await userOf((await createStaff(site, 'contributor')).email);
    expect((await editor.browser.post(`/admin/staff/${target.id}/disable`, { _csrf: editor.csrf })).status).toBe(403);
    expect((await admin.browser.post(`/admin/staff/${target.id}/disable`, {})).status).toBe(403);
    expect((await userOf(target.email)).disabled).toBe(false);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { alertIn, Browser, createStaff, linkIn, mailsTo, noticeIn, outbox, signInAs, submitSignIn, visibleText, type SignedIn } from '../../../tests/staff-kit.js';
import { listStaff } from './index.js';

let site: TestSite;
let owner: SignedIn;
let admin: SignedIn;
beforeAll(async () => {
  site = await createTestSite({ env: { TRUST_PROXY: 'true' } });
  owner = await signInAs(site, 'owner');
  admin = await signInAs(site, 'admin');
});

async function staffByEmail(email: string) {
  return (await listStaff(site.deps.db)).find((u) => u.email === email);
}

describe('managing the staff', () => {
  it('lists the staff for admins, in English and Arabic', async () => {
    const page = await admin.browser.get('/admin/staff');
    expect(page.status).toBe(200);
    const text = visibleText(await page.text());
    expect(text).toContain('Add a staff member');
    expect(text).toContain(owner.email);
    const arabic = await signInAs(site, 'admin', { language: 'ar' });
    const ar = visibleText(await (await arabic.browser.get('/admin/staff')).text());
    expect(ar).toContain('إضافة عضو إلى الفريق');
    expect(ar).toContain('مالك');
  });

  it('an admin adds a staff member, who gets a password link by mail that works', async () => {
    const before = (await outbox(site)).length;
    const res = await admin.browser.post('/admin/staff', { _csrf: admin.csrf, name: 'Yusuf Nasser', email: 'Yusuf@Example.com', role: 'author' });
    expect(res.status).toBe(200);
    expect(noticeIn(await res.text())).toBe('Account created. A link to choose a password was sent to yusuf@example.com.');
    const user = await staffByEmail('yusuf@example.com');
    expect(user?.role).toBe('author');
    expect(user?.hasPassword).toBe(false);

    expect((await outbox(site)).length).toBe(before + 1);
    const mails = await mailsTo(site, 'yusuf@example.com');
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.text).toContain('Hello Yusuf Nasser,');

    const link = linkIn(mail);
    const browser = new Browser(site);
    expect((await browser.get(link)).status).toBe(200);
    expect((await browser.post(link, { password: 'yusuf chooses a passphrase' })).status).toBe(200);
    const signIn = await submitSignIn(browser, 'yusuf@example.com', 'yusuf chooses a passphrase');
    expect(signIn.status).toBe(303);
    expect(visibleText(await (await browser.get('/admin/account')).text())).toContain('Author');

    // The same address cannot be added twice.
    const twice = await admin.browser.post('/admin/staff', { _csrf: admin.csrf, name: 'Other', email: 'yusuf@example.com', role: 'author' });
    expect(twice.status).toBe(409);
    expect(alertIn(await twice.text())).toBe('There is already an account with that email address.');
  });

  it('refuses an invalid address with a clear message', async () => {
    const res = await admin.browser.post('/admin/staff', { _csrf: admin.csrf, name: 'No Mail', email: 'not-an-address', role: 'author' });
    expect(res.status).toBe(400);
    expect(alertIn(await res.text())).toBe('Enter a valid email address, such as name@example.com.');
  });

  it('an admin cannot add an owner or an admin; an owner can', async () => {
    for (const role of ['owner', 'admin']) {
      const res = await admin.browser.post('/admin/staff', { _csrf: admin.csrf, name: 'Climber', email: `climber-${role}@example.com`, role });
      expect(res.status, role).toBe(403);
      expect(alertIn(await res.text()), role).toBe('Only an owner can make or change owners and administrators.');
      expect(await staffByEmail(`climber-${role}@example.com`)).toBeUndefined();
    }
    const arabicAdmin = await signInAs(site, 'admin', { language: 'ar' });
    const ar = await arabicAdmin.browser.post('/admin/staff', { _csrf: arabicAdmin.csrf, name: 'Climber', email: 'climber-ar@example.com', role: 'owner' });
    expect(ar.status).toBe(403);
    expect(alertIn(await ar.text())).toBe('المالك وحده يستطيع تعيين المالكين والمسؤولين أو تغيير أدوارهم.');

    const made = await owner.browser.post('/admin/staff', { _csrf: owner.csrf, name: 'Second Admin', email: 'second-admin@example.com', role: 'admin' });
    expect(made.status).toBe(200);
    expect((await staffByEmail('second-admin@example.com'))?.role).toBe('admin');
  });

  it('an editor cannot open or use the staff pages', async () => {
    const editor = await signInAs(site, 'editor');
    const page = await editor.browser.get('/admin/staff');
    expect(page.status).toBe(403);
    expect(alertIn(await page.text())).toBe('Your role does not allow this. Ask an administrator if you need it.');
    const add = await editor.browser.post('/admin/staff', { _csrf: editor.csrf, name: 'X', email: 'x-by-editor@example.com', role: 'contributor' });
    expect(add.status).toBe(403);
    expect(await staffByEmail('x-by-editor@example.com')).toBeUndefined();
  });

  it('changes roles: admins below admin level, only owners at the top, never the last owner', async () => {
    const writer = await createStaff(site, 'contributor');
    const promoted = await admin.browser.post(`/admin/staff/${writer.user.id}/role`, { _csrf: admin.csrf, role: 'editor' });
    expect(promoted.status).toBe(200);
    expect(noticeIn(await promoted.text())).toBe('Role changed.');
    expect((await staffByEmail(writer.email))?.role).toBe('editor');

    const toAdmin = await admin.browser.post(`/admin/staff/${writer.user.id}/role`, { _csrf: admin.csrf, role: 'admin' });
    expect(toAdmin.status).toBe(403);
    expect(alertIn(await toAdmin.text())).toBe('Only an owner can make or change owners and administrators.');
    const demoteOwner = await admin.browser.post(`/admin/staff/${owner.user.id}/role`, { _csrf: admin.csrf, role: 'contributor' });
    expect(demoteOwner.status).toBe(403);
    expect((await staffByEmail(owner.email))?.role).toBe('owner');

    const lastOwner = await owner.browser.post(`/admin/staff/${owner.user.id}/role`, { _csrf: owner.csrf, role: 'editor' });
    expect(lastOwner.status).toBe(409);
    expect(alertIn(await lastOwner.text())).toBe('The last owner cannot be given another role.');
    expect((await staffByEmail(owner.email))?.role).toBe('owner');

    // With a second owner, the first may step down.
    const second = await owner.browser.post(`/admin/staff/${writer.user.id}/role`, { _csrf: owner.csrf, role: 'owner' });
    expect(second.status).toBe(200);
    const stepDown = await owner.browser.post(`/admin/staff/${owner.user.id}/role`, { _csrf: owner.csrf, role: 'admin' });
    expect(stepDown.status).toBe(200);
    expect((await staffByEmail(owner.email))?.role).toBe('admin');
    // …and the role in force is the new one at once.
    expect((await owner.browser.post('/admin/staff/two-factor-rule', { _csrf: owner.csrf })).status).toBe(403);
  });
});

describe('the audit log', () => {
  let auditSite: TestSite;
  let boss: SignedIn;
  beforeAll(async () => {
    auditSite = await createTestSite({ env: { TRUST_PROXY: 'true' } });
    boss = await signInAs(auditSite, 'owner');
  });

  it('shows sign-ins, failed sign-ins, role changes and password changes to admins only', async () => {
    const target = await createStaff(auditSite, 'contributor');
    expect((await submitSignIn(new Browser(auditSite, '192.0.2.9'), target.email, 'a wrong password here')).status).toBe(401);
    expect((await submitSignIn(new Browser(auditSite, '192.0.2.10'), 'ghost@example.com', 'a wrong password here')).status).toBe(401);
    await signInAs(auditSite, 'contributor', { account: target });
    expect((await boss.browser.post(`/admin/staff/${target.user.id}/role`, { _csrf: boss.csrf, role: 'author' })).status).toBe(200);
    await new Browser(auditSite).post('/admin/password/forgot', { email: target.email });
    const link = linkIn((await mailsTo(auditSite, target.email))[0]!);
    expect((await new Browser(auditSite).post(link, { password: 'audited new passphrase' })).status).toBe(200);

    const page = await boss.browser.get('/admin/audit');
    expect(page.status).toBe(200);
    const html = await page.text();
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => visibleText(m[1]!));
    const row = (action: string, ...parts: string[]) => rows.find((r) => r.includes(` ${action} `) && parts.every((p) => r.includes(p)));
    expect(row('sign-in', boss.email)).toBeTruthy();
    expect(row('sign-in', target.email)).toBeTruthy();
    expect(row('sign-in-failed', target.email, '192.0.2.9')).toBeTruthy();
    expect(row('sign-in-failed', 'ghost@example.com', '192.0.2.10')).toBeTruthy();
    expect(row('role-changed', boss.email, target.user.id, '"from":"contributor"', '"to":"author"')).toBeTruthy();
    expect(row('password-changed', target.email)).toBeTruthy();
    expect(row('staff-created', target.email)).toBeTruthy();

    const arabic = await signInAs(auditSite, 'admin', { language: 'ar' });
    const ar = await arabic.browser.get('/admin/audit');
    expect(ar.status).toBe(200);
    expect(visibleText(await ar.text())).toContain('سجل التدقيق');

    for (const role of ['contributor', 'author', 'editor'] as const) {
      const who = await signInAs(auditSite, role);
      const res = await who.browser.get('/admin/audit');
      expect(res.status, role).toBe(403);
      expect(visibleText(await res.text()), role).not.toContain('sign-in-failed');
    }
  });
});

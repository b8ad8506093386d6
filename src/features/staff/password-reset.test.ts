import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { alertIn, Browser, createStaff, linkIn, mailsTo, noticeIn, outbox, signInAs, submitSignIn, visibleText } from '../../../tests/staff-kit.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({ env: { TRUST_PROXY: 'true' } });
});

/** Asks for a reset link as a visitor would; returns the page text. */
async function askForLink(email: string, lang: 'en' | 'ar' = 'en'): Promise<{ status: number; text: string; notice: string | undefined }> {
  const res = await new Browser(site).speak(lang).post('/admin/password/forgot', { email });
  const html = await res.text();
  return { status: res.status, text: visibleText(html), notice: noticeIn(html) };
}

describe('password reset by emailed link', () => {
  it('shows the request form in English and Arabic', async () => {
    const en = await new Browser(site).get('/admin/password/forgot');
    expect(en.status).toBe(200);
    expect(visibleText(await en.text())).toContain('Reset your password');
    const ar = await new Browser(site).speak('ar').get('/admin/password/forgot');
    expect(visibleText(await ar.text())).toContain('إعادة تعيين كلمة المرور');
  });

  it('answers the same for a known and an unknown address, but mails only the known one', async () => {
    const account = await createStaff(site, 'author', { name: 'Rana Aziz' });
    const before = (await outbox(site)).length;

    const unknown = await askForLink('nobody-here@example.com');
    expect((await outbox(site)).length).toBe(before);
    const known = await askForLink(account.email.toUpperCase());
    expect(known.status).toBe(unknown.status);
    expect(known.status).toBe(200);
    expect(known.text).toBe(unknown.text);
    expect(known.notice).toBe('If that address belongs to a staff account, a link is on its way. It works for one hour.');
    const invalid = await askForLink('not an address');
    expect(invalid.text).toBe(unknown.text);

    const arUnknown = await askForLink('nobody-here@example.com', 'ar');
    expect(arUnknown.notice).toBe('إن كان هذا العنوان لحساب في فريق العمل، فالرابط في طريقه إليك. يعمل الرابط لمدة ساعة.');

    expect((await outbox(site)).length).toBe(before + 1);
    const mails = await mailsTo(site, account.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Your Arab Press password link');
    expect(mail.text).toContain('Hello Rana Aziz,');
    expect(mail.text).toMatch(/http:\/\/localhost\/admin\/password\/reset\/[A-Za-z0-9_-]{40,}/);
  });

  it('sets the new password once, ends the account’s sessions, and the old password stops working', async () => {
    const me = await signInAs(site, 'editor');
    const otherDevice = await signInAs(site, 'editor', { account: me });
    await askForLink(me.email);
    const mails = await mailsTo(site, me.email);
    expect(mails).toHaveLength(1);
    const link = linkIn(mails[0]!);

    const form = await new Browser(site).get(link);
    expect(form.status).toBe(200);
    expect(visibleText(await form.text())).toContain('Choose a new password');

    const tooShort = await new Browser(site).post(link, { password: 'short' });
    expect(tooShort.status).toBe(400);
    expect(alertIn(await tooShort.text())).toBe('Use at least 10 characters. A phrase of several words is easy to remember and hard to guess.');

    const browser = new Browser(site);
    const done = await browser.post(link, { password: 'a brand new passphrase' });
    expect(done.status).toBe(200);
    expect(noticeIn(await done.text())).toBe('Your password has been changed and every other session has been signed out. Sign in with the new password.');

    // Every session the account had is over.
    for (const b of [me.browser, otherDevice.browser]) {
      const res = await b.get('/admin');
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe('/admin/sign-in?next=%2Fadmin');
    }
    expect((await submitSignIn(new Browser(site), me.email, me.password)).status).toBe(401);
    const fresh = await submitSignIn(new Browser(site), me.email, 'a brand new passphrase');
    expect(fresh.status).toBe(303);
    expect(fresh.headers.get('Location')).toBe('/admin');

    // The link is spent.
    const again = await new Browser(site).get(link);
    expect(again.status).toBe(410);
    expect(alertIn(await again.text())).toBe('This link has been used or has expired. Ask for a new one.');
    expect((await submitSignIn(new Browser(site), me.email, 'a brand new passphrase')).status).toBe(303);
  });

  it('refuses to use a spent link a second time with 410 and the message, leaving the password alone', async () => {
    const account = await createStaff(site, 'contributor');
    await askForLink(account.email);
    const link = linkIn((await mailsTo(site, account.email))[0]!);
    expect((await new Browser(site).post(link, { password: 'first new passphrase' })).status).toBe(200);
    const replay = await new Browser(site).post(link, { password: 'second new passphrase' });
    expect(replay.status).toBe(410);
    expect(alertIn(await replay.text())).toBe('This link has been used or has expired. Ask for a new one.');
    expect((await submitSignIn(new Browser(site), account.email, 'second new passphrase')).status).toBe(401);
    expect((await submitSignIn(new Browser(site), account.email, 'first new passphrase')).status).toBe(303);
  });

  it('lets a link expire after an hour: opening it is answered 410 in English and Arabic', async () => {
    const account = await createStaff(site, 'author');
    await askForLink(account.email);
    const link = linkIn((await mailsTo(site, account.email))[0]!);
    site.clock.advance(60 * 60_000 + 1000);
    const expired = await new Browser(site).get(link);
    expect(expired.status).toBe(410);
    expect(alertIn(await expired.text())).toBe('This link has been used or has expired. Ask for a new one.');
    const ar = await new Browser(site).speak('ar').get(link);
    expect(ar.status).toBe(410);
    expect(alertIn(await ar.text())).toBe('استُخدم هذا الرابط أو انتهت صلاحيته. اطلب رابطًا جديدًا.');
    expect((await submitSignIn(new Browser(site), account.email, account.password)).status).toBe(303);
  });

  it('refuses a form opened in time but sent after the link expired with 410 and the message', async () => {
    const account = await createStaff(site, 'author');
    await askForLink(account.email);
    const link = linkIn((await mailsTo(site, account.email))[0]!);
    const browser = new Browser(site);
    expect((await browser.get(link)).status).toBe(200);
    site.clock.advance(60 * 60_000 + 1000);
    const late = await browser.post(link, { password: 'a late new passphrase' });
    expect(late.status).toBe(410);
    expect(alertIn(await late.text())).toBe('This link has been used or has expired. Ask for a new one.');
    expect((await submitSignIn(new Browser(site), account.email, 'a late new passphrase')).status).toBe(401);
  });

  it('refuses a made-up link', async () => {
    const res = await new Browser(site).get('/admin/password/reset/made-up-token');
    expect(res.status).toBe(410);
    expect(alertIn(await res.text())).toBe('This link has been used or has expired. Ask for a new one.');
  });

  it('mails an Arabic-speaking staff member in Arabic', async () => {
    const account = await createStaff(site, 'author', { language: 'ar', name: 'ليلى حداد' });
    await askForLink(account.email);
    const [mail] = await mailsTo(site, account.email);
    expect(mail!.subject).toBe('رابط كلمة المرور في عرب برس');
    expect(mail!.text).toContain('مرحبًا ليلى حداد،');
    expect(linkIn(mail!)).toMatch(/^\/admin\/password\/reset\//);
  });
});

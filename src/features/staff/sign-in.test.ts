import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { alertIn, Browser, createStaff, signInAs, submitSignIn, visibleText } from '../../../tests/staff-kit.js';
import { issueSetupTokenIfNoStaff } from './index.js';

/** The attributes of the `ap_session` cookie a response sets. */
function sessionCookie(res: Response): { value: string; attrs: string[] } | undefined {
  const line = res.headers.getSetCookie().find((l) => l.startsWith('ap_session='));
  if (!line) return undefined;
  const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
  return { value: pair.slice('ap_session='.length), attrs: attrs.map((a) => a.toLowerCase()) };
}

describe('first start: the one-time setup link', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite();
  });

  it('creates the owner once, signs them in, and never works again', async () => {
    const token = await issueSetupTokenIfNoStaff(site.deps);
    expect(token).toBeTruthy();
    const link = `/admin/setup/${token}`;

    const browser = new Browser(site);
    const form = await browser.get(link);
    expect(form.status).toBe(200);
    const formText = visibleText(await form.text());
    expect(formText).toContain('Create the owner account');
    expect(formText).toContain('This link works once.');

    const arabic = await new Browser(site).speak('ar').get(link);
    expect(arabic.status).toBe(200);
    const arabicHtml = await arabic.text();
    expect(arabicHtml).toContain('<html lang="ar" dir="rtl">');
    expect(visibleText(arabicHtml)).toContain('إنشاء حساب المالك');

    const created = await browser.post(link, { name: 'Huda Mansour', email: 'Huda@Example.com', password: 'a long enough passphrase' });
    expect(created.status).toBe(303);
    expect(created.headers.get('Location')).toBe('/admin');
    const cookie = sessionCookie(created);
    expect(cookie?.value).toBeTruthy();
    expect(cookie?.attrs).toContain('httponly');
    expect(cookie?.attrs).toContain('samesite=lax');
    expect(cookie?.attrs).toContain('path=/');
    // Plain http (no PUBLIC_URL): a Secure cookie would never come back.
    expect(cookie?.attrs).not.toContain('secure');

    const dashboard = await browser.get('/admin');
    expect(dashboard.status).toBe(200);
    expect(visibleText(await dashboard.text())).toContain('Welcome, Huda Mansour.');
    const account = visibleText(await (await browser.get('/admin/account')).text());
    expect(account).toContain('huda@example.com');
    expect(account).toContain('Owner');

    // The link is spent: opening it or posting it again is refused with a clear message.
    const again = await new Browser(site).get(link);
    expect(again.status).toBe(410);
    expect(alertIn(await again.text())).toBe('This setup link has been used or has expired. Ask whoever runs the server for a new one.');
    const replay = await new Browser(site).post(link, { name: 'Intruder', email: 'intruder@example.com', password: 'another long passphrase' });
    expect(replay.status).toBe(410);
    expect(alertIn(await replay.text())).toBe('This setup link has been used or has expired. Ask whoever runs the server for a new one.');
    const refused = await submitSignIn(new Browser(site), 'intruder@example.com', 'another long passphrase');
    expect(refused.status).toBe(401);

    // Once there is staff, a restart prints no link.
    expect(await issueSetupTokenIfNoStaff(site.deps)).toBeUndefined();
  });

  it('refuses a link that was never issued with 410, in English and Arabic', async () => {
    const res = await new Browser(site).get('/admin/setup/not-a-real-token');
    expect(res.status).toBe(410);
    expect(alertIn(await res.text())).toBe('This setup link has been used or has expired. Ask whoever runs the server for a new one.');
    const ar = await new Browser(site).speak('ar').get('/admin/setup/not-a-real-token');
    expect(ar.status).toBe(410);
    expect(alertIn(await ar.text())).toBe('استُخدم رابط الإعداد هذا أو انتهت صلاحيته. اطلب رابطًا جديدًا ممن يدير الخادم.');
  });

  it('sets a Secure session cookie when the site is served over https', async () => {
    const https = await createTestSite({ env: { PUBLIC_URL: 'https://news.example' } });
    const token = await issueSetupTokenIfNoStaff(https.deps);
    const res = await new Browser(https).post(`/admin/setup/${token}`, { name: 'Owner', email: 'owner@example.com', password: 'a long enough passphrase' });
    expect(res.status).toBe(303);
    const cookie = sessionCookie(res);
    expect(cookie?.attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'secure']));
    const signIn = await submitSignIn(new Browser(https), 'owner@example.com', 'a long enough passphrase');
    expect(signIn.status).toBe(303);
    expect(sessionCookie(signIn)?.attrs).toContain('secure');
  });
});

describe('signing in and out', () => {
  let site: TestSite;
  beforeAll(async () => {
    // Each Browser comes from its own address, so throttling in one test does not leak into another.
    site = await createTestSite({ env: { TRUST_PROXY: 'true' } });
  });

  it('shows the sign-in page in English and in Arabic', async () => {
    const en = await new Browser(site).get('/admin/sign-in');
    expect(en.status).toBe(200);
    expect(visibleText(await en.text())).toContain('Sign in to the newsroom');
    const ar = await new Browser(site).speak('ar').get('/admin/sign-in');
    const html = await ar.text();
    expect(html).toContain('dir="rtl"');
    expect(visibleText(html)).toContain('تسجيل الدخول إلى غرفة الأخبار');
  });

  it('signs in with the right password and goes to the dashboard', async () => {
    const account = await createStaff(site, 'editor', { name: 'Sami Khalil' });
    const browser = new Browser(site);
    const res = await submitSignIn(browser, account.email.toUpperCase(), account.password);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin');
    const cookie = sessionCookie(res);
    expect(cookie?.attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(cookie?.attrs).not.toContain('secure');
    const dashboard = await browser.get('/admin');
    expect(dashboard.status).toBe(200);
    expect(visibleText(await dashboard.text())).toContain('Welcome, Sami Khalil.');
  });

  it('returns to the page that asked for sign-in, but never to another site', async () => {
    const account = await createStaff(site, 'admin');
    const browser = new Browser(site);
    const asked = await browser.get('/admin/staff');
    expect(asked.status).toBe(303);
    expect(asked.headers.get('Location')).toBe('/admin/sign-in?next=%2Fadmin%2Fstaff');
    // The form keeps where to go next.
    const form = await (await browser.get(asked.headers.get('Location')!)).text();
    expect(form).toContain('action="/admin/sign-in?next=%2Fadmin%2Fstaff"');
    const back = await submitSignIn(browser, account.email, account.password, '/admin/staff');
    expect(back.status).toBe(303);
    expect(back.headers.get('Location')).toBe('/admin/staff');

    for (const next of ['//evil.example', 'https://evil.example', '//evil.example/admin', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await submitSignIn(new Browser(site), account.email, account.password, next);
      expect(res.status, next).toBe(303);
      expect(res.headers.get('Location'), next).toBe('/admin');
    }
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const account = await createStaff(site, 'author');
    const wrong = await submitSignIn(new Browser(site), account.email, 'not the password at all');
    const unknown = await submitSignIn(new Browser(site), 'nobody@example.com', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [wrongHtml, unknownHtml] = [await wrong.text(), await unknown.text()];
    expect(alertIn(wrongHtml)).toBe('That email address and password do not match an account.');
    expect(alertIn(unknownHtml)).toBe(alertIn(wrongHtml));
    // Nothing else on the page differs but the address typed into the form.
    expect(visibleText(unknownHtml)).toBe(visibleText(wrongHtml));
    expect(wrong.headers.getSetCookie().some((l) => l.startsWith('ap_session='))).toBe(false);

    const ar = await submitSignIn(new Browser(site).speak('ar'), account.email, 'not the password at all');
    expect(ar.status).toBe(401);
    expect(alertIn(await ar.text())).toBe('البريد الإلكتروني وكلمة المرور لا يطابقان أي حساب.');
  });

  it('slows down repeated failures on one account, in the visitor’s language, and lifts the block after the delay', async () => {
    const account = await createStaff(site, 'contributor');
    // Attackers rotate addresses: the account is protected whatever address the attempts come from.
    for (let i = 0; i < 4; i++) {
      const res = await submitSignIn(new Browser(site), account.email, `wrong password ${i}`);
      expect(res.status).toBe(401);
    }
    const blocked = await submitSignIn(new Browser(site).speak('ar'), account.email, account.password);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(alertIn(await blocked.text())).toBe(`محاولات كثيرة. حاول مجددًا بعد ${retryAfter} ثانية.`);
    expect(blocked.headers.getSetCookie().some((l) => l.startsWith('ap_session='))).toBe(false);

    const stillBlocked = await submitSignIn(new Browser(site), account.email, account.password);
    expect(stillBlocked.status).toBe(429);
    expect(alertIn(await stillBlocked.text())).toMatch(/^Too many attempts\. Try again in \d+ seconds\.$/);

    site.clock.advance(retryAfter * 1000);
    const after = await submitSignIn(new Browser(site), account.email, account.password);
    expect(after.status).toBe(303);
    expect(after.headers.get('Location')).toBe('/admin');
  });

  it('throttles an unknown account exactly like a real one, so the block does not reveal which exists', async () => {
    const real = await createStaff(site, 'author');
    const answers: Record<string, number[]> = { real: [], unknown: [] };
    for (let i = 0; i < 5; i++) {
      answers.real!.push((await submitSignIn(new Browser(site), real.email, `wrong ${i} password`)).status);
      answers.unknown!.push((await submitSignIn(new Browser(site), 'no-such-person@example.com', `wrong ${i} password`)).status);
    }
    expect(answers.real).toEqual([401, 401, 401, 401, 429]);
    expect(answers.unknown).toEqual(answers.real);
    site.clock.advance(60_000);
  });

  it('ends a session that has not been used for two weeks', async () => {
    const me = await signInAs(site, 'contributor');
    site.clock.advance(15 * 24 * 3600_000);
    const res = await me.browser.get('/admin');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/sign-in?next=%2Fadmin');
  });

  it('keeps a session in daily use alive past its first two weeks (the cookie is renewed with it)', async () => {
    const me = await signInAs(site, 'contributor');
    // The server slides the session's expiry as it is used; the browser keeps the cookie only for
    // the Max-Age it was last given, so the cookie must be renewed too or the sliding is for nothing.
    for (let day = 1; day <= 20; day++) {
      site.clock.advance(24 * 3600_000);
      const res = await me.browser.get('/admin');
      expect(res.status, `day ${day}`).toBe(200);
    }
  });

  it('makes the delays grow with more failures', async () => {
    const account = await createStaff(site, 'contributor');
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await submitSignIn(new Browser(site), account.email, `wrong password ${i}`);
      if (res.status === 429) {
        delays.push(Number(res.headers.get('Retry-After')));
        site.clock.advance(Number(res.headers.get('Retry-After')) * 1000);
        i--;
        continue;
      }
      expect(res.status).toBe(401);
    }
    expect(delays.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
  });

  it('slows down one address trying many accounts, without locking out other addresses', async () => {
    const victim = await createStaff(site, 'editor');
    const attacker = new Browser(site, '203.0.113.66');
    for (let i = 0; i < 4; i++) {
      const res = await submitSignIn(attacker, `guess-${i}@example.com`, 'password123456');
      expect(res.status).toBe(401);
    }
    // A fifth account, never tried before, even with its right password: that address must wait.
    const blocked = await submitSignIn(attacker, victim.email, victim.password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(alertIn(await blocked.text())).toMatch(/^Too many attempts\./);

    // The same person from another address signs in at once.
    const elsewhere = await submitSignIn(new Browser(site, '203.0.113.77'), victim.email, victim.password);
    expect(elsewhere.status).toBe(303);
  });

  it('signs out: the old session cookie no longer opens the newsroom', async () => {
    const me = await signInAs(site, 'author');
    const oldCookie = me.browser.clone();
    const out = await me.browser.post('/admin/sign-out', { _csrf: me.csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('Location')).toBe('/admin/sign-in');
    const cleared = out.headers.getSetCookie().find((l) => l.startsWith('ap_session='));
    expect(cleared).toMatch(/^ap_session=;.*Max-Age=0/i);
    expect(me.browser.session).toBeUndefined();

    const replay = await oldCookie.get('/admin');
    expect(replay.status).toBe(303);
    expect(replay.headers.get('Location')).toBe('/admin/sign-in?next=%2Fadmin');
    const post = await oldCookie.post('/admin/sign-out', { _csrf: me.csrf });
    expect(post.status).toBe(401);
    expect(alertIn(await post.text())).toBe('Please sign in to continue.');
  });

  it('signs out everywhere: another session of the same account ends too', async () => {
    const laptop = await signInAs(site, 'editor');
    const phone = await signInAs(site, 'editor', { account: laptop });
    const other = await signInAs(site, 'editor');
    expect((await laptop.browser.get('/admin')).status).toBe(200);

    const res = await phone.browser.post('/admin/account/sign-out-everywhere', { _csrf: phone.csrf });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/sign-in');

    const laptopNow = await laptop.browser.get('/admin');
    expect(laptopNow.status).toBe(303);
    expect(laptopNow.headers.get('Location')).toBe('/admin/sign-in?next=%2Fadmin');
    expect((await phone.browser.get('/admin')).status).toBe(303);
    // Someone else's session is untouched.
    expect((await other.browser.get('/admin')).status).toBe(200);
  });
});

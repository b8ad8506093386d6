import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { alertIn, Browser, csrfIn, signInAs, submitSignIn, totpCode, visibleText, type SignedIn } from '../../../tests/staff-kit.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({ env: { TRUST_PROXY: 'true' } });
});

/** Turns two-step verification on through the account pages; returns the key the page showed. */
async function enrol(me: SignedIn, title = 'Turn on two-step verification'): Promise<string> {
  const page = await me.browser.get('/admin/account/two-factor');
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(visibleText(html)).toContain(title);
  expect(html).toContain('<svg');
  const key = /<code dir="ltr">([A-Z2-7]+)<\/code>/.exec(html)?.[1];
  expect(key).toBeTruthy();
  const res = await me.browser.post('/admin/account/two-factor', { _csrf: csrfIn(html)!, code: totpCode(site, key!) });
  expect(res.status).toBe(303);
  expect(res.headers.get('Location')).toBe('/admin/account');
  return key!;
}

describe('two-step verification', () => {
  it('refuses a wrong code while enrolling and keeps it off', async () => {
    const me = await signInAs(site, 'author');
    const html = await (await me.browser.get('/admin/account/two-factor')).text();
    const key = /<code dir="ltr">([A-Z2-7]+)<\/code>/.exec(html)![1]!;
    const wrongCode = totpCode(site, key, 10 * 60_000);
    const res = await me.browser.post('/admin/account/two-factor', { _csrf: me.csrf, code: wrongCode });
    expect(res.status).toBe(400);
    expect(alertIn(await res.text())).toBe('That code is not right. Codes change every 30 seconds.');
    expect(visibleText(await (await me.browser.get('/admin/account')).text())).toContain('Two-step verification is off.');
  });

  it('once on, signing in asks for the code; a wrong code is refused and the right one signs in', async () => {
    const me = await signInAs(site, 'editor', { language: 'en' });
    const key = await enrol(me);
    expect(visibleText(await (await me.browser.get('/admin/account')).text())).toContain('Two-step verification is on.');
    await me.browser.post('/admin/sign-out', { _csrf: me.csrf });

    const browser = new Browser(site);
    const first = await submitSignIn(browser, me.email, me.password, '/admin/account');
    expect(first.status).toBe(303);
    expect(first.headers.get('Location')).toBe('/admin/sign-in/two-factor?next=%2Fadmin%2Faccount');
    const halfCookie = browser.clone();

    // Half signed in is not signed in.
    const dashboard = await browser.get('/admin');
    expect(dashboard.status).toBe(303);
    expect(dashboard.headers.get('Location')).toBe('/admin/sign-in?next=%2Fadmin');
    const post = await browser.post('/admin/sign-out', { _csrf: 'x' });
    expect(post.status).toBe(401);

    const step = await browser.get(first.headers.get('Location')!);
    expect(step.status).toBe(200);
    const stepHtml = await step.text();
    expect(visibleText(stepHtml)).toContain('Six-digit code from your authenticator app');
    const csrf = csrfIn(stepHtml)!;
    expect(csrf).toBeTruthy();

    const wrong = await browser.post('/admin/sign-in/two-factor?next=%2Fadmin%2Faccount', { _csrf: csrf, code: totpCode(site, key, 10 * 60_000) });
    expect(wrong.status).toBe(401);
    expect(alertIn(await wrong.text())).toBe('That code is not right. Codes change every 30 seconds.');
    const noToken = await browser.post('/admin/sign-in/two-factor?next=%2Fadmin%2Faccount', { code: totpCode(site, key) });
    expect(noToken.status).toBe(403);

    const right = await browser.post('/admin/sign-in/two-factor?next=%2Fadmin%2Faccount', { _csrf: csrf, code: totpCode(site, key) });
    expect(right.status).toBe(303);
    expect(right.headers.get('Location')).toBe('/admin/account');
    const line = right.headers.getSetCookie().find((l) => l.startsWith('ap_session='));
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    // A fresh token for the full session; the half one is spent.
    expect(browser.session).not.toBe(halfCookie.session);
    expect((await browser.get('/admin')).status).toBe(200);
    expect((await halfCookie.get('/admin')).status).toBe(303);
    expect((await halfCookie.get('/admin/sign-in/two-factor')).headers.get('Location')).toBe('/admin/sign-in');
  });

  it('asks for the code in Arabic for an Arabic-speaking account', async () => {
    const me = await signInAs(site, 'author', { language: 'ar' });
    const key = await enrol(me, 'تفعيل التحقق بخطوتين');
    const browser = new Browser(site);
    await submitSignIn(browser, me.email, me.password);
    const html = await (await browser.get('/admin/sign-in/two-factor')).text();
    expect(html).toContain('dir="rtl"');
    expect(visibleText(html)).toContain('الرمز المكوّن من ستة أرقام في تطبيق المصادقة');
    const wrong = await browser.post('/admin/sign-in/two-factor', { _csrf: csrfIn(html)!, code: totpCode(site, key, 10 * 60_000) });
    expect(wrong.status).toBe(401);
    expect(alertIn(await wrong.text())).toBe('الرمز غير صحيح. تتغير الرموز كل 30 ثانية.');
  });

  it('sends nobody to the second step without a session', async () => {
    const res = await new Browser(site).get('/admin/sign-in/two-factor');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin/sign-in');
  });

  it('does not let a half-signed-in session guess codes without limit', async () => {
    const me = await signInAs(site, 'contributor');
    const key = await enrol(me);
    const browser = new Browser(site);
    await submitSignIn(browser, me.email, me.password);
    const csrf = csrfIn(await (await browser.get('/admin/sign-in/two-factor')).text())!;
    const wrongCode = totpCode(site, key, 10 * 60_000);
    for (let i = 0; i < 20; i++) await browser.post('/admin/sign-in/two-factor', { _csrf: csrf, code: wrongCode });
    // After twenty wrong guesses even the right code must not sign this session in: a six-digit
    // code falls to guessing in minutes if every guess is free.
    const right = await browser.post('/admin/sign-in/two-factor', { _csrf: csrf, code: totpCode(site, key) });
    expect(right.status === 303 && right.headers.get('Location') === '/admin').toBe(false);
    expect((await browser.get('/admin')).status).toBe(303);
  });

  it('accepts each code once: the same code cannot sign in a second time', async () => {
    const me = await signInAs(site, 'author');
    const key = await enrol(me);
    const signInWith = async (code: string) => {
      const browser = new Browser(site);
      await submitSignIn(browser, me.email, me.password);
      const csrf = csrfIn(await (await browser.get('/admin/sign-in/two-factor')).text())!;
      return browser.post('/admin/sign-in/two-factor', { _csrf: csrf, code });
    };
    site.clock.advance(60_000);
    const code = totpCode(site, key);
    const first = await signInWith(code);
    expect(first.status).toBe(303);
    expect(first.headers.get('Location')).toBe('/admin');
    const replay = await signInWith(code);
    expect(replay.status).toBe(401);
    expect(alertIn(await replay.text())).toContain('That code is not right.');
    site.clock.advance(30_000);
    expect((await signInWith(totpCode(site, key))).headers.get('Location')).toBe('/admin');
  });

  it('an owner can require two-step for everyone: staff without it are sent to turn it on', async () => {
    const owner = await signInAs(site, 'owner');
    const editor = await signInAs(site, 'editor');
    expect((await editor.browser.get('/admin')).status).toBe(200);

    // Only the owner sees the rule; an admin cannot set it.
    const admin = await signInAs(site, 'admin');
    expect(visibleText(await (await admin.browser.get('/admin/staff')).text())).not.toContain('Require two-step verification for everyone');
    expect((await admin.browser.post('/admin/staff/two-factor-rule', { _csrf: admin.csrf, required: 'true' })).status).toBe(403);
    expect((await editor.browser.get('/admin')).status).toBe(200);

    const ownerKey = await enrol(owner);
    expect(ownerKey).toBeTruthy();
    const staffPage = await owner.browser.get('/admin/staff');
    expect(visibleText(await staffPage.text())).toContain('Require two-step verification for everyone');
    const set = await owner.browser.post('/admin/staff/two-factor-rule', { _csrf: owner.csrf, required: 'true' });
    expect(set.status).toBe(303);
    expect(set.headers.get('Location')).toBe('/admin/staff');
    expect((await owner.browser.get('/admin/staff')).status).toBe(200);

    for (const path of ['/admin', '/admin/account']) {
      const res = await editor.browser.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('Location'), path).toBe('/admin/account/two-factor');
    }
    const action = await editor.browser.post('/admin/account/sign-out-everywhere', { _csrf: editor.csrf });
    expect(action.status).toBe(303);
    expect(action.headers.get('Location')).toBe('/admin/account/two-factor');

    // What the rule leaves open: turning it on, and signing out.
    await enrol(editor);
    const now = await editor.browser.get('/admin');
    expect(now.status).toBe(200);
    expect(visibleText(await (await editor.browser.get('/admin/account')).text())).toContain('Two-step verification is on.');

    const another = await signInAs(site, 'contributor', { csrfFrom: '/admin/account/two-factor' });
    expect((await another.browser.get('/admin')).headers.get('Location')).toBe('/admin/account/two-factor');
    const out = await another.browser.post('/admin/sign-out', { _csrf: another.csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('Location')).toBe('/admin/sign-in');

    await owner.browser.post('/admin/staff/two-factor-rule', { _csrf: owner.csrf });
    const freed = await signInAs(site, 'contributor');
    expect((await freed.browser.get('/admin')).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, runDueJobs, type TestSite } from '../../../tests/kit.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../../platform/mail/test-smtp-receiver.js';
import { getSiteSettings, saveSiteSettings } from '../site-settings/index.js';
import { signPreferencesToken } from './link-tokens.js';
import { unsubscribeUrl } from './newsletter-links.js';

/**
 * Double opt-in over HTTP, in process: the form, the confirmation email as a real SMTP server on
 * loopback receives it, the signed links in it, preferences and one-click unsubscribe.
 */
const ORIGIN = 'https://news.example';
const THANKS_EN = 'We have sent you an email with a link to confirm your subscription.';
const THANKS_AR = 'أرسلنا إليك رسالة فيها رابط لتأكيد اشتراكك';
const THROTTLED_EN = 'Too many sign-ups have come from your connection';
const THROTTLED_AR = 'وصلنا عدد كبير من طلبات الاشتراك من اتصالك';
const BAD_LINK_EN = 'This link has expired or is not valid';
const BAD_LINK_AR = 'انتهت صلاحية هذا الرابط أو أنه غير صالح';

let site: TestSite;
let smtp: SmtpReceiver;
let politicsId: string;
let economyId: string;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  site = await createTestSite({ env: { SMTP_URL: smtp.url, PUBLIC_URL: ORIGIN, TRUST_PROXY: 'true', MAIL_FROM: 'Arab Press <newsletter@news.example>' } });
  await seedNewsroom(site);
  const sections = await site.deps.db.selectFrom('sections').select(['id', 'slug']).execute();
  politicsId = sections.find((s) => s.slug === 'politics')!.id;
  economyId = sections.find((s) => s.slug === 'economy')!.id;
});
afterAll(async () => {
  await site.deps.mailer.close();
  await smtp.close();
});

// ---- helpers ---------------------------------------------------------------------------------

let clientNo = 0;
/** A client address of its own per call unless given, so the per-client limit only counts where a test means it to. */
const newClient = () => `198.51.100.${++clientNo}`;

type Fields = Record<string, string | string[]>;
function formBody(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return params.toString();
}

/** A form POST as a browser without cookies sends it, from `client`. */
async function post(path: string, fields: Fields, client = newClient()): Promise<Response> {
  return site.app.request(path, { method: 'POST', body: formBody(fields), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': client } });
}

/** The /newsletter page's own form. */
const signUp = (email: string, opts: { lang?: 'en' | 'ar'; language?: 'en' | 'ar'; lists?: string[]; client?: string } = {}) => {
  const lang = opts.lang ?? 'en';
  const page = lang === 'ar' ? '/ar/newsletter' : '/newsletter';
  return post(page, { email, language: opts.language ?? lang, lists: opts.lists ?? ['daily', 'breaking'], choices: '1', from: page }, opts.client);
};

const subscriber = (email: string) => site.deps.db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();
async function listsOf(email: string): Promise<string[]> {
  const sub = await subscriber(email);
  if (!sub) return [];
  const rows = await site.deps.db.selectFrom('newsletter_subscriptions').select('list').where('subscriber_id', '=', sub.id).execute();
  return rows.map((r) => r.list).sort();
}
async function consentsOf(email: string) {
  const sub = await subscriber(email);
  if (!sub) return [];
  return site.deps.db.selectFrom('newsletter_consents').selectAll().where('subscriber_id', '=', sub.id).orderBy('created_at').orderBy('id').execute();
}
const mailsTo = (email: string): ReceivedMail[] => smtp.received.filter((m) => m.envelope.to.includes(email));

/** The site path (with query) of the confirmation link in a received email's plain text. */
function confirmLinkIn(mail: ReceivedMail): string {
  const text = mail.parsed.text ?? '';
  const m = /https:\/\/news\.example(\/(?:ar\/)?newsletter\/confirm\?token=[A-Za-z0-9._~%-]+)/.exec(text);
  if (!m) throw new Error(`no confirmation link in:\n${text}`);
  return m[1]!;
}

/** Signs up, runs the queued job, and returns the link from the one new email. */
async function signUpAndGetLink(email: string, opts: Parameters<typeof signUp>[1] = {}): Promise<string> {
  const before = mailsTo(email).length;
  const res = await signUp(email, opts);
  expect(res.status).toBe(200);
  await runDueJobs(site);
  const mails = mailsTo(email);
  expect(mails.length, `confirmation emails to ${email}`).toBe(before + 1);
  return confirmLinkIn(mails.at(-1)!);
}

async function subscribed(email: string, opts: Parameters<typeof signUp>[1] = {}): Promise<void> {
  const res = await site.get(await signUpAndGetLink(email, opts));
  expect(res.status).toBe(200);
  expect((await subscriber(email))?.status).toBe('active');
}

/** What a reader's browser sees of the page: everything, since there is no per-request value in it. */
const pageOf = async (res: Response) => ({ status: res.status, body: await res.text() });

function tokenOf(path: string): string {
  return new URL(path, ORIGIN).searchParams.get('token') ?? '';
}

/** The page's own content, without the masthead (whose language switch links to the same page in the other language). */
const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';

/** The preferences link the confirmation page offers. */
async function preferencesLinkFrom(confirmPage: string): Promise<string> {
  const href = /href="((?:\/ar)?\/newsletter\/preferences\?token=[^"]+)"/.exec(mainOf(confirmPage))?.[1];
  expect(href, 'a link to the preferences page').toBeDefined();
  return href!.replaceAll('&amp;', '&');
}

// ---- tests -----------------------------------------------------------------------------------

describe('double opt-in', () => {
  it('mails a confirmation link, and following it starts exactly the chosen lists in the chosen language', async () => {
    const email = 'qari@example.com';
    const res = await signUp(email, { lang: 'ar', lists: ['breaking', `weekly:${economyId}`] });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(THANKS_AR);

    // Nothing counts yet: pending, no list, and the email is only queued.
    expect(await subscriber(email)).toMatchObject({ status: 'pending', language: 'ar', confirmed_at: null });
    expect(await listsOf(email)).toEqual([]);
    expect(mailsTo(email)).toHaveLength(0);

    await runDueJobs(site);
    const mails = mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toMatch(/[\u0600-\u06FF]/);
    const link = confirmLinkIn(mails[0]!);
    expect(link.startsWith('/ar/newsletter/confirm?token=')).toBe(true);

    const confirmed = await site.get(link);
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.get('cache-control')).toBe('no-store');
    const page = await confirmed.text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('تأكّد اشتراكك');
    expect(page).toContain('الأخبار العاجلة');
    expect(page).toContain('اقتصاد هذا الأسبوع');
    expect(page).toContain('باللغة العربية');
    expect(page).not.toContain('الموجز اليومي');
    expect(page).toContain('<meta name="robots" content="noindex"/>');
    await preferencesLinkFrom(page);

    expect(await subscriber(email)).toMatchObject({ status: 'active', language: 'ar', confirmed_at: site.clock.now().toISOString() });
    expect(await listsOf(email)).toEqual(['breaking', `weekly:${economyId}`].sort());
  });

  it('keeps a consent record of each signup and confirmation: time, form, language and lists', async () => {
    const email = 'consent@example.com';
    const signedUpAt = site.clock.now().toISOString();
    const link = await signUpAndGetLink(email, { lists: ['daily', `weekly:${politicsId}`] });
    site.clock.advance(5 * 60_000);
    expect((await site.get(link)).status).toBe(200);
    const consents = await consentsOf(email);
    expect(consents.map((c) => ({ action: c.action, source: c.source, language: c.language, lists: JSON.parse(c.lists) as string[], created_at: c.created_at }))).toEqual([
      { action: 'signup', source: '/newsletter', language: 'en', lists: ['daily', `weekly:${politicsId}`], created_at: signedUpAt },
      { action: 'confirm', source: '/newsletter', language: 'en', lists: ['daily', `weekly:${politicsId}`], created_at: site.clock.now().toISOString() },
    ]);
  });

  it('signs the short box on an article up for the daily digest, in the language chosen there', async () => {
    const email = 'from-box@example.com';
    const res = await post('/newsletter', { email, language: 'ar', from: '/politics/some-story' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<a href="/politics/some-story">Back to where you were</a>');
    await runDueJobs(site);
    const link = confirmLinkIn(mailsTo(email)[0]!);
    // The email and its link are in the newsletter's language, not the page's.
    expect(link.startsWith('/ar/newsletter/confirm?token=')).toBe(true);
    expect((await site.get(link)).status).toBe(200);
    expect(await listsOf(email)).toEqual(['daily']);
    expect((await consentsOf(email))[0]).toMatchObject({ action: 'signup', source: '/politics/some-story', language: 'ar' });
  });

  it('answers an address that is already subscribed exactly as a new one, and changes nothing until the new link is followed', async () => {
    const known = 'known-reader@example.com';
    const fresh = 'never-seen@example.com';
    const first = await pageOf(await signUp(known, { lists: ['daily'] }));
    await runDueJobs(site);
    expect((await site.get(confirmLinkIn(mailsTo(known)[0]!))).status).toBe(200);
    expect(await listsOf(known)).toEqual(['daily']);

    site.clock.advance(11 * 60_000); // past the per-address window, so a new email does go out
    const again = await pageOf(await signUp(known, { lists: ['breaking'] }));
    const stranger = await pageOf(await signUp(fresh, { lists: ['breaking'] }));
    expect(again).toEqual(first);
    expect(stranger).toEqual(first);

    // Still the old choice, still active: the form alone changes nothing.
    expect(await subscriber(known)).toMatchObject({ status: 'active' });
    expect(await listsOf(known)).toEqual(['daily']);
    await runDueJobs(site);
    expect(mailsTo(known)).toHaveLength(2);
    expect(await listsOf(known)).toEqual(['daily']);
    expect((await site.get(confirmLinkIn(mailsTo(known)[1]!))).status).toBe(200);
    expect(await listsOf(known)).toEqual(['breaking']);
  });

  it('refuses an expired link (49 hours on) and changes nothing', async () => {
    const email = 'slow-reader@example.com';
    const link = await signUpAndGetLink(email);
    const start = site.clock.now();
    site.clock.advance(49 * 3600_000);
    try {
      const res = await site.get(link);
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain(BAD_LINK_EN);
      expect(html).toMatch(/<a href="\/newsletter">/);
      expect(await subscriber(email)).toMatchObject({ status: 'pending', confirmed_at: null });
      expect(await listsOf(email)).toEqual([]);
      expect((await consentsOf(email)).map((c) => c.action)).toEqual(['signup']);
    } finally {
      site.clock.set(start);
    }
    // The same link inside its 48 hours works: it was the time that refused it.
    expect((await site.get(link)).status).toBe(200);
  });

  it('refuses a tampered link, a made-up one and a preferences token, in the link’s language, and changes nothing', async () => {
    const email = 'tamper@example.com';
    const link = await signUpAndGetLink(email, { lang: 'ar', lists: ['daily'] });
    const token = tokenOf(link);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    // The same signature over a payload that asks for more lists.
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { lists: string[] };
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, lists: ['daily', 'breaking'] })).toString('base64url')}.${signature}`;
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const sub = await subscriber(email);
    const prefsToken = await signPreferencesToken(site.deps.db, sub!.id, site.clock.now());
    for (const bad of [forged, flipped, 'not-a-token', '', prefsToken]) {
      const res = await site.get(`/ar/newsletter/confirm?token=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      const html = await res.text();
      expect(html).toContain('<html lang="ar" dir="rtl">');
      expect(html).toContain(BAD_LINK_AR);
      expect(html).toMatch(/<a href="\/ar\/newsletter">/);
    }
    expect(await subscriber(email)).toMatchObject({ status: 'pending' });
    expect(await listsOf(email)).toEqual([]);
    expect((await consentsOf(email)).map((c) => c.action)).toEqual(['signup']);
    // The genuine link still works.
    expect((await site.get(link)).status).toBe(200);
    expect(await listsOf(email)).toEqual(['daily']);
  });
});

describe('throttling', () => {
  it('answers 429 in the reader’s language to the 11th signup from one client within ten minutes', async () => {
    const client = newClient();
    for (let i = 1; i <= 10; i++) {
      const res = await signUp(`burst-${i}@example.com`, { client });
      expect(res.status, `signup ${i}`).toBe(200);
    }
    const english = await signUp('burst-11@example.com', { client });
    expect(english.status).toBe(429);
    expect(english.headers.get('retry-after')).toBe('600');
    expect(english.headers.get('cache-control')).toBe('no-store');
    const enHtml = await english.text();
    expect(enHtml).toContain(THROTTLED_EN);
    expect(enHtml).not.toContain(THANKS_EN);
    // What was typed stays for a later try.
    expect(enHtml).toContain('value="burst-11@example.com"');

    const arabic = await signUp('burst-12@example.com', { client, lang: 'ar' });
    expect(arabic.status).toBe(429);
    const arHtml = await arabic.text();
    expect(arHtml).toContain('<html lang="ar" dir="rtl">');
    expect(arHtml).toContain(THROTTLED_AR);
    expect(arHtml).not.toContain(THROTTLED_EN);

    // Refused means nothing stored and nothing queued.
    expect(await subscriber('burst-11@example.com')).toBeUndefined();
    expect(await subscriber('burst-12@example.com')).toBeUndefined();
    // Another client is not affected, and the same one may sign up again ten minutes later.
    expect((await signUp('burst-other@example.com')).status).toBe(200);
    site.clock.advance(10 * 60_000);
    expect((await signUp('burst-13@example.com', { client })).status).toBe(200);
  });

  it('sends one confirmation email per address per ten minutes, however often it is posted', async () => {
    const email = 'eager@example.com';
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await pageOf(await signUp(email)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    await runDueJobs(site);
    expect(mailsTo(email)).toHaveLength(1);

    site.clock.advance(9 * 60_000);
    expect((await signUp(email)).status).toBe(200);
    await runDueJobs(site);
    expect(mailsTo(email)).toHaveLength(1);

    site.clock.advance(2 * 60_000);
    expect((await signUp(email)).status).toBe(200);
    await runDueJobs(site);
    expect(mailsTo(email)).toHaveLength(2);
  });
});

describe('preferences', () => {
  it('shows the current lists and language, and saves a change', async () => {
    const email = 'prefs@example.com';
    const link = await signUpAndGetLink(email, { lists: ['daily', 'breaking'] });
    const prefs = await preferencesLinkFrom(await (await site.get(link)).text());
    expect(prefs.startsWith('/newsletter/preferences?token=')).toBe(true);

    const page = await site.get(prefs);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain(email);
    expect(html).toMatch(/<input type="checkbox"[^>]*value="daily" checked/);
    expect(html).toMatch(/<input type="checkbox"[^>]*value="breaking" checked/);
    expect(html).toMatch(new RegExp(`<input type="checkbox"[^>]*value="weekly:${economyId}"/>`));
    expect(html).toMatch(/<option value="en" selected/);
    expect(html).toContain(`action="${prefs.replaceAll('&', '&amp;')}"`);
    // A separate form with the Unsubscribe button, posting to the unsubscribe URL.
    expect(html).toMatch(/<form class="newsletter__unsubscribe" method="post" action="\/newsletter\/unsubscribe\?token=/);

    const saved = await post(prefs, { language: 'ar', lists: [`weekly:${economyId}`, `weekly:${politicsId}`] });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Your choices are saved.');
    expect(await subscriber(email)).toMatchObject({ status: 'active', language: 'ar' });
    expect(await listsOf(email)).toEqual([`weekly:${economyId}`, `weekly:${politicsId}`].sort());
    expect((await consentsOf(email)).at(-1)).toMatchObject({ action: 'change', source: 'preferences', language: 'ar' });

    // The Arabic preferences page, in Arabic and right to left, shows the new choice.
    const arabic = await (await site.get(`/ar${prefs}`)).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('نشراتك');
    expect(arabic).toContain('اقتصاد هذا الأسبوع');
    expect(arabic).toMatch(/<option value="ar" selected/);
  });

  it('unsubscribes when no list is chosen', async () => {
    const email = 'none-left@example.com';
    const link = await signUpAndGetLink(email);
    const prefs = await preferencesLinkFrom(await (await site.get(link)).text());
    const res = await post(prefs, { language: 'en' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed and receive no newsletters.');
    expect(await subscriber(email)).toMatchObject({ status: 'unsubscribed' });
    expect(await listsOf(email)).toEqual([]);
  });

  it('refuses a bad preferences link with 400 and changes nothing', async () => {
    const email = 'prefs-guarded@example.com';
    await subscribed(email, { lists: ['daily'] });
    const sub = await subscriber(email);
    const good = await signPreferencesToken(site.deps.db, sub!.id, site.clock.now());
    const bad = `${good.slice(0, -3)}xyz`;
    expect((await site.get(`/newsletter/preferences?token=${bad}`)).status).toBe(400);
    const res = await post(`/newsletter/preferences?token=${bad}`, { language: 'ar', lists: ['breaking'] });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(BAD_LINK_EN);
    expect(await subscriber(email)).toMatchObject({ status: 'active', language: 'en' });
    expect(await listsOf(email)).toEqual(['daily']);
  });
});

describe('unsubscribing', () => {
  it('GET of the unsubscribe link shows one button and changes nothing', async () => {
    const email = 'scanned@example.com';
    await subscribed(email, { lists: ['daily', 'breaking'] });
    const sub = await subscriber(email);
    const url = unsubscribeUrl('', 'en', await signPreferencesToken(site.deps.db, sub!.id, site.clock.now()));
    const consentsBefore = (await consentsOf(email)).length;
    for (let i = 0; i < 3; i++) {
      const res = await site.get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain(`<form class="newsletter__unsubscribe" method="post" action="${url.replaceAll('&', '&amp;')}">`);
      expect(mainOf(html).match(/<button /g)).toHaveLength(1);
    }
    expect(await subscriber(email)).toMatchObject({ status: 'active' });
    expect(await listsOf(email)).toEqual(['breaking', 'daily']);
    expect(await consentsOf(email)).toHaveLength(consentsBefore);
  });

  it('one-click (RFC 8058): a POST of List-Unsubscribe=One-Click with no cookie, token or script unsubscribes', async () => {
    const email = 'one-click@example.com';
    await subscribed(email, { lang: 'ar', lists: ['daily'] });
    const sub = await subscriber(email);
    const url = unsubscribeUrl(ORIGIN, 'ar', await signPreferencesToken(site.deps.db, sub!.id, site.clock.now()));
    // Exactly what a mail client sends: the URL from List-Unsubscribe, this body, nothing else.
    const res = await site.app.request(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('أُلغي اشتراكك');
    expect(await subscriber(email)).toMatchObject({ status: 'unsubscribed' });
    expect(await listsOf(email)).toEqual([]);
    expect((await consentsOf(email)).at(-1)).toMatchObject({ action: 'unsubscribe', source: 'one-click', lists: '[]' });

    // Posting again (a client retrying) is answered the same and records nothing more.
    const again = await site.app.request(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(again.status).toBe(200);
    expect((await consentsOf(email)).filter((c) => c.action === 'unsubscribe')).toHaveLength(1);
  });

  it('one-click works with a multipart body too, and the page’s button unsubscribes as well', async () => {
    const a = 'multipart@example.com';
    const b = 'button@example.com';
    await subscribed(a);
    await subscribed(b);
    const urlOf = async (email: string) => unsubscribeUrl('', 'en', await signPreferencesToken(site.deps.db, (await subscriber(email))!.id, site.clock.now()));
    const body = new FormData();
    body.append('List-Unsubscribe', 'One-Click');
    expect((await site.app.request(await urlOf(a), { method: 'POST', body })).status).toBe(200);
    expect(await subscriber(a)).toMatchObject({ status: 'unsubscribed' });

    const res = await post(await urlOf(b), {});
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    expect(await subscriber(b)).toMatchObject({ status: 'unsubscribed' });
    expect((await consentsOf(b)).at(-1)).toMatchObject({ action: 'unsubscribe', source: 'preferences' });
  });

  it('refuses a bad unsubscribe link with 400, by GET and POST', async () => {
    const email = 'kept@example.com';
    await subscribed(email);
    const good = unsubscribeUrl('', 'en', await signPreferencesToken(site.deps.db, (await subscriber(email))!.id, site.clock.now()));
    const bad = good.replace(/.{4}$/, 'AAAA');
    expect((await site.get(bad)).status).toBe(400);
    const res = await site.app.request(bad, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(400);
    expect(await subscriber(email)).toMatchObject({ status: 'active' });
  });
});

describe('a site serving one language', () => {
  it('has no Arabic signup page, but links in mail already sent still work', async () => {
    const email = 'before-the-switch@example.com';
    await subscribed(email, { lang: 'ar', lists: ['daily'] });
    const url = unsubscribeUrl('', 'ar', await signPreferencesToken(site.deps.db, (await subscriber(email))!.id, site.clock.now()));
    const settings = await getSiteSettings(site.deps.db);
    await saveSiteSettings(site.deps.db, { ...settings, languages: ['en'] }, site.clock.now());
    try {
      expect((await site.get('/ar/newsletter')).status).toBe(404);
      const page = await (await site.get('/newsletter')).text();
      // No language to choose: the one served.
      expect(page).not.toContain('<select');
      expect(page).toContain('<input type="hidden" name="language" value="en"/>');

      const res = await site.app.request(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<html lang="en" dir="ltr">');
      expect(await subscriber(email)).toMatchObject({ status: 'unsubscribed' });
    } finally {
      await saveSiteSettings(site.deps.db, settings, site.clock.now());
    }
  });
});

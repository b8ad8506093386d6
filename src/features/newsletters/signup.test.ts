import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';

/** The signup forms: /newsletter, the box on articles and the modal's markup; what they accept and refuse. */
const THANKS_EN = 'We have sent you an email with a link to confirm your subscription. Nothing is sent to you until you follow it.';
const THANKS_AR = 'أرسلنا إليك رسالة فيها رابط لتأكيد اشتراكك، ولن يصلك شيء قبل أن تفتحه.';
const INVALID_EN = 'Please enter a valid email address, such as name@example.com.';
const INVALID_AR = 'يرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.';
const NO_LISTS_EN = 'Choose at least one newsletter.';
const NO_LISTS_AR = 'اختر نشرة واحدة على الأقل.';

let site: TestSite;
let economyId: string;
beforeAll(async () => {
  // Each post comes from its own client address, so the per-client limit never interferes here.
  site = await createTestSite({ env: { TRUST_PROXY: 'true' } });
  await seedNewsroom(site);
  economyId = (await site.deps.db.selectFrom('sections').select('id').where('slug', '=', 'economy').executeTakeFirstOrThrow()).id;
});

let clientNo = 0;
async function post(path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return site.app.request(path, { method: 'POST', body: body.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `203.0.113.${++clientNo % 250}` } });
}

const subscriber = (email: string) => site.deps.db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).execute();
async function count(table: 'newsletter_subscribers' | 'newsletter_consents' | 'jobs'): Promise<number> {
  const r = await site.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
/** The value the email box shows, as the browser will read it (entities decoded). */
function emailBoxValue(html: string, id = 'newsletter-email'): string | undefined {
  const input = new RegExp(`<input [^>]*id="${id}"[^>]*>`).exec(html)?.[0];
  const raw = input && /\svalue="([^"]*)"/.exec(input)?.[1];
  return raw?.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}
const checkedLists = (html: string) => [...html.matchAll(/<input type="checkbox"[^>]*value="([^"]+)"([^>]*)>/g)].filter((m) => /\schecked/.test(m[2]!)).map((m) => m[1]);

describe('the /newsletter page', () => {
  it('offers email, language and every list, daily and breaking ticked, in English', async () => {
    const res = await site.get('/newsletter');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    const form = /<form class="newsletter-page__form" method="post" action="\/newsletter"[^>]*>[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    expect(form).toMatch(/<input id="newsletter-email" type="email" name="email"/);
    expect(form).toMatch(/<label for="newsletter-email">Email address<\/label>/);
    expect(form).toMatch(/<option value="en" selected/);
    expect(form).toContain('<option value="ar">Arabic</option>');
    expect(form).toContain('<input type="hidden" name="from" value="/newsletter"/>');
    for (const name of ['Daily digest', 'Breaking news', 'Politics this week', 'Economy this week']) expect(form).toContain(`>${name}</label>`);
    expect(checkedLists(form)).toEqual(['daily', 'breaking']);
    expect(form).toContain(`value="weekly:${economyId}"`);
    expect(form).toMatch(/<legend>Newsletters to receive<\/legend>/);
  });

  it('is in Arabic, right to left, on /ar/newsletter', async () => {
    const html = await (await site.get('/ar/newsletter')).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1 id="newsletter-title" class="newsletter__title">النشرة البريدية</h1>');
    expect(html).toMatch(/action="\/ar\/newsletter"/);
    expect(html).toMatch(/<option value="ar" selected/);
    for (const name of ['الموجز اليومي', 'الأخبار العاجلة', 'سياسة هذا الأسبوع', 'اقتصاد هذا الأسبوع']) expect(html).toContain(`>${name}</label>`);
    expect(html).toContain('النشرات التي تريدها');
    expect(html).not.toContain('Daily digest');
  });

  it('thanks the reader with “check your inbox” in English and stores a pending address', async () => {
    const res = await post('/newsletter', { email: 'reader@example.com', language: 'en', lists: ['daily', `weekly:${economyId}`], choices: '1', from: '/newsletter' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('Check your inbox');
    expect(html).toContain(THANKS_EN);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(await subscriber('reader@example.com')).toEqual([expect.objectContaining({ status: 'pending', language: 'en', source: '/newsletter' })]);
  });

  it('thanks the reader in Arabic on /ar/newsletter', async () => {
    const res = await post('/ar/newsletter', { email: 'qari@example.com', language: 'ar', lists: ['breaking'], choices: '1', from: '/ar/newsletter' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('تفقّد بريدك');
    expect(html).toContain(THANKS_AR);
    expect(html).not.toContain(THANKS_EN);
  });

  it('refuses a form with no list ticked, keeping the address', async () => {
    const before = await count('newsletter_subscribers');
    for (const [path, message] of [['/newsletter', NO_LISTS_EN], ['/ar/newsletter', NO_LISTS_AR]] as const) {
      const res = await post(path, { email: 'undecided@example.com', language: 'en', choices: '1', from: path });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(message);
      expect(emailBoxValue(html)).toBe('undecided@example.com');
      expect(checkedLists(html)).toEqual([]);
    }
    // A list that does not exist is no choice either.
    expect((await post('/newsletter', { email: 'undecided@example.com', language: 'en', lists: ['weekly:gone'], choices: '1' })).status).toBe(400);
    expect(await count('newsletter_subscribers')).toBe(before);
  });

  it('keeps the language and lists the reader chose when the address is refused', async () => {
    const res = await post('/newsletter', { email: 'not-an-email', language: 'ar', lists: ['breaking', `weekly:${economyId}`], choices: '1', from: '/newsletter' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(INVALID_EN);
    expect(html).toMatch(/<input id="newsletter-email"[^>]*aria-invalid="true"/);
    expect(emailBoxValue(html)).toBe('not-an-email');
    expect(html).toMatch(/<option value="ar" selected/);
    expect(checkedLists(html)).toEqual(['breaking', `weekly:${economyId}`]);
  });
});

describe('refusing a bad address', () => {
  const tooLong = `${'a'.repeat(300 - '@example.com'.length)}@example.com`;
  for (const bad of ['', 'not-an-email', tooLong]) {
    const label = bad === '' ? 'an empty address' : bad === tooLong ? 'a 300-character address' : `"${bad}"`;

    it(`refuses ${label} from the article box with 400 and an English message, keeping what was typed`, async () => {
      const before = await Promise.all([count('newsletter_subscribers'), count('newsletter_consents'), count('jobs')]);
      const res = await post('/newsletter', { email: bad, language: 'en', from: '/' });
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain(INVALID_EN);
      expect(html).not.toContain(THANKS_EN);
      expect(html).toMatch(/<input [^>]*name="email"[^>]*aria-invalid="true"/);
      const shown = emailBoxValue(html) ?? '';
      if (bad === tooLong) {
        // What the reader typed comes back for correction (the page may cut an absurdly long value).
        expect(shown.length).toBeGreaterThan(0);
        expect(tooLong.startsWith(shown)).toBe(true);
      } else {
        expect(shown).toBe(bad);
      }
      expect(await Promise.all([count('newsletter_subscribers'), count('newsletter_consents'), count('jobs')])).toEqual(before);
    });

    it(`refuses ${label} on the Arabic page with the message in Arabic`, async () => {
      const res = await post('/ar/newsletter', { email: bad, language: 'ar', from: '/ar/' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('<html lang="ar" dir="rtl">');
      expect(html).toContain(INVALID_AR);
      expect(html).not.toContain(INVALID_EN);
      if (bad !== tooLong) expect(emailBoxValue(html)).toBe(bad);
    });
  }

  it('shows a typed value with quotes and angle brackets back as text, not markup', async () => {
    const typed = '"><script>alert(1)</script>';
    const res = await post('/newsletter', { email: typed, language: 'en', from: '/' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(emailBoxValue(html)).toBe(typed);
  });
});

describe('accepting an address', () => {
  it('keeps one row for the same address however it is typed', async () => {
    const res = await post('/newsletter', { email: '  Mixed.Case@Example.COM ', language: 'en', from: '/' });
    expect(res.status).toBe(200);
    expect(await subscriber('mixed.case@example.com')).toHaveLength(1);
    expect(await subscriber('Mixed.Case@Example.COM')).toHaveLength(0);
    const again = await post('/ar/newsletter', { email: 'MIXED.CASE@EXAMPLE.COM', language: 'ar', from: '/ar/' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(THANKS_AR);
    expect(await subscriber('mixed.case@example.com')).toHaveLength(1);
  });

  it('accepts only a language the site offers (else the page’s)', async () => {
    expect((await post('/ar/newsletter', { email: 'klingon@example.com', language: 'tlh', from: '/ar/' })).status).toBe(200);
    expect(await subscriber('klingon@example.com')).toEqual([expect.objectContaining({ language: 'ar' })]);
  });

  it('never links “Back to where you were” to another site', async () => {
    // `from` comes from the form, so anyone can post it; a protocol-relative URL leaves the site.
    for (const from of ['//evil.example/phish', '/\\evil.example', 'https://evil.example/']) {
      const res = await post('/newsletter', { email: 'elsewhere@example.com', language: 'en', from });
      expect(res.status).toBe(200);
      const back = /<a href="([^"]*)">Back to where you were<\/a>/.exec(await res.text())?.[1];
      expect(back).toBe('/');
    }
  });
});

describe('signup forms on article pages', () => {
  it('English: the short box posts email and language to /newsletter with the article as the origin', async () => {
    const a = await publishedArticle(site, { headline: 'Story with a signup box' });
    const html = await (await site.get(`/politics/${a.slug}`)).text();
    const form = /<form class="newsletter__form"[^>]*>[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    expect(form).toMatch(/method="post"/);
    expect(form).toMatch(/action="\/newsletter"/);
    expect(form).toMatch(/<input id="newsletter-email" type="email" name="email"/);
    expect(form).toContain(`value="/politics/${a.slug}"`);
    expect(form).toMatch(/<option value="en" selected/);
    // Short: no lists (the daily digest is implied).
    expect(form).not.toContain('type="checkbox"');
    expect(form).toContain('>Subscribe</button>');
  });

  it('English: carries the closed signup dialog, with a named close button and the same plain form', async () => {
    const a = await publishedArticle(site, { headline: 'Story with a signup dialog' });
    const html = await (await site.get(`/politics/${a.slug}`)).text();
    const dialog = /<dialog id="newsletter-modal"[^>]*>[\s\S]*?<\/dialog>/.exec(html)?.[0] ?? '';
    expect(dialog).toMatch(/^<dialog id="newsletter-modal" class="newsletter-modal" aria-labelledby="newsletter-modal-title"/);
    // Closed: without JavaScript a reader never sees it.
    expect(dialog).not.toMatch(/^<dialog[^>]*\sopen/);
    expect(dialog).toContain('aria-label="Close the newsletter sign-up"');
    expect(dialog).toMatch(/<form class="newsletter-modal__form" method="post" action="\/newsletter"/);
    expect(dialog).toContain(`<input type="hidden" name="from" value="/politics/${a.slug}"/>`);
    expect(dialog).toMatch(/<label for="newsletter-modal-email">Email address<\/label>/);
    // Ids stay unique beside the box.
    expect(html.match(/id="newsletter-email"/g)).toHaveLength(1);
  });

  it('Arabic: the box and the dialog post to /ar/newsletter, in Arabic', async () => {
    const a = await publishedArticle(site, { language: 'ar', headline: 'خبر فيه صندوق الاشتراك', bylines: [] });
    const res = await site.get(`/ar/politics/${encodeURIComponent(a.slug)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const form = /<form class="newsletter__form"[^>]*>[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    expect(form).toMatch(/action="\/ar\/newsletter"/);
    expect(form).toMatch(/<option value="ar" selected/);
    expect(form).toContain('اشترك');
    expect(html).toContain('النشرة البريدية');
    const dialog = /<dialog id="newsletter-modal"[^>]*>[\s\S]*?<\/dialog>/.exec(html)?.[0] ?? '';
    expect(dialog).toContain('aria-label="إغلاق نافذة الاشتراك في النشرة"');
    expect(dialog).toMatch(/action="\/ar\/newsletter"/);
    expect(dialog).toContain('الأخبار في بريدك');
  });

  it('posting the box’s own fields signs the reader up and links back to the article', async () => {
    const a = await publishedArticle(site, { headline: 'Story the reader came from' });
    const path = `/politics/${a.slug}`;
    const res = await post('/newsletter', { from: path, email: 'from-article@example.com', language: 'en' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<a href="${path}">Back to where you were</a>`);
    expect(await subscriber('from-article@example.com')).toEqual([expect.objectContaining({ source: path, status: 'pending' })]);
  });
});

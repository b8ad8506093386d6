import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';

const THANKS_EN = 'Thank you. Your address has been saved; we will write to you when the newsletter starts.';
const THANKS_AR = 'شكرًا لك. حفظنا عنوانك، وسنراسلك حين تبدأ النشرة.';
const INVALID_EN = 'Please enter a valid email address, such as name@example.com.';
const INVALID_AR = 'يرجى إدخال بريد إلكتروني صحيح، مثل name@example.com.';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
});

const rowsFor = (email: string) => site.deps.db.selectFrom('newsletter_signups').selectAll().where('email', '=', email).execute();
async function rowCount(): Promise<number> {
  const r = await site.deps.db.selectFrom('newsletter_signups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
/** The value the email box shows, as the browser will read it (entities decoded). */
function emailBoxValue(html: string): string | undefined {
  const input = /<input [^>]*name="email"[^>]*>/.exec(html)?.[0];
  const raw = input && /\svalue="([^"]*)"/.exec(input)?.[1];
  return raw?.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

describe('newsletter signup', () => {
  it('stores a valid address and thanks the reader in English', async () => {
    const res = await site.post('/newsletter', { email: 'reader@example.com', language: 'en', from: '/politics/' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain(THANKS_EN);
    expect(html).toMatch(/<a href="\/politics\/">Back to where you were<\/a>/);
    const rows = await rowsFor('reader@example.com');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ language: 'en', source_path: '/politics/' });
  });

  it('stores a valid address and thanks the reader in Arabic on /ar/newsletter', async () => {
    const res = await site.post('/ar/newsletter', { email: 'qari@example.com', language: 'ar', from: '/ar/' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(THANKS_AR);
    expect(html).not.toContain(THANKS_EN);
    expect(await rowsFor('qari@example.com')).toEqual([expect.objectContaining({ language: 'ar', source_path: '/ar/' })]);
  });

  const tooLong = `${'a'.repeat(300 - '@example.com'.length)}@example.com`;
  for (const bad of ['', 'not-an-email', tooLong]) {
    const label = bad === '' ? 'an empty address' : bad === tooLong ? 'a 300-character address' : `"${bad}"`;

    it(`refuses ${label} with 400 and an English message, keeping what was typed`, async () => {
      const before = await rowCount();
      const res = await site.post('/newsletter', { email: bad, language: 'en', from: '/' });
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
      expect(await rowCount()).toBe(before);
    });

    it(`refuses ${label} on the Arabic page with the message in Arabic`, async () => {
      const res = await site.post('/ar/newsletter', { email: bad, language: 'ar', from: '/ar/' });
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
    const res = await site.post('/newsletter', { email: typed, language: 'en', from: '/' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(emailBoxValue(html)).toBe(typed);
  });

  it('gives the same answer for the same address twice and keeps one row', async () => {
    const first = await site.post('/newsletter', { email: 'twice@example.com', language: 'en', from: '/' });
    const second = await site.post('/newsletter', { email: 'twice@example.com', language: 'en', from: '/' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const [a, b] = [await first.text(), await second.text()];
    expect(a).toContain(THANKS_EN);
    expect(b).toContain(THANKS_EN);
    expect(await rowsFor('twice@example.com')).toHaveLength(1);
  });

  it('stores the address lower-cased and trimmed, so a differently typed duplicate is still one row', async () => {
    const res = await site.post('/newsletter', { email: '  Mixed.Case@Example.COM ', language: 'en', from: '/' });
    expect(res.status).toBe(200);
    expect(await rowsFor('mixed.case@example.com')).toHaveLength(1);
    expect(await rowsFor('Mixed.Case@Example.COM')).toHaveLength(0);
    const again = await site.post('/ar/newsletter', { email: 'MIXED.CASE@EXAMPLE.COM', language: 'ar', from: '/ar/' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(THANKS_AR);
    expect(await rowsFor('mixed.case@example.com')).toHaveLength(1);
  });

  it('never links "Back to where you were" to another site', async () => {
    // `from` comes from the form, so anyone can post it; a protocol-relative URL leaves the site.
    const res = await site.post('/newsletter', { email: 'elsewhere@example.com', language: 'en', from: '//evil.example/phish' });
    expect(res.status).toBe(200);
    const html = await res.text();
    const back = /<a href="([^"]*)">Back to where you were<\/a>/.exec(html)?.[1];
    expect(back).toBeDefined();
    expect(back!.startsWith('/')).toBe(true);
    expect(back!.startsWith('//')).toBe(false);
  });
});

describe('signup form on pages', () => {
  it('is on every English article page, posting to /newsletter with the article as the origin', async () => {
    const a = await publishedArticle(site, { headline: 'Story with a signup box' });
    const html = await (await site.get(`/politics/${a.slug}`)).text();
    const form = /<form [^>]*class="newsletter__form"[^>]*>[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    expect(form).toMatch(/method="post"/);
    expect(form).toMatch(/action="\/newsletter"/);
    expect(form).toMatch(/<input [^>]*type="email"[^>]*name="email"|<input [^>]*name="email"[^>]*type="email"/);
    expect(form).toContain(`value="/politics/${a.slug}"`);
    expect(form).toMatch(/<option value="en" selected="">|<option value="en" selected>/);
    expect(html).toContain('Subscribe');
  });

  it('is on every Arabic article page, posting to /ar/newsletter, in Arabic', async () => {
    const a = await publishedArticle(site, { language: 'ar', headline: 'خبر فيه صندوق الاشتراك', bylines: [] });
    const res = await site.get(`/ar/politics/${encodeURIComponent(a.slug)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const form = /<form [^>]*class="newsletter__form"[^>]*>[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    expect(form).toMatch(/action="\/ar\/newsletter"/);
    expect(form).toMatch(/<option value="ar" selected="">|<option value="ar" selected>/);
    expect(form).toContain('اشترك');
    expect(html).toContain('النشرة البريدية');
  });

  it('posting the article page’s own form fields signs the reader up and links back to the article', async () => {
    const a = await publishedArticle(site, { headline: 'Story the reader came from' });
    const path = `/politics/${a.slug}`;
    const res = await site.post('/newsletter', { from: path, email: 'from-article@example.com', language: 'en' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<a href="${path}">Back to where you were</a>`);
    expect(await rowsFor('from-article@example.com')).toEqual([expect.objectContaining({ source_path: path })]);
  });
});

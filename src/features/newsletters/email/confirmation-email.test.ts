import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { newsletterEmailEn } from '../../../platform/i18n/newsletter-email.en.js';
import { renderConfirmationEmail, type ConfirmationEmailInput } from './index.js';

const window = new Window();
afterAll(() => window.happyDOM.close());
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');
const seen = (el: { textContent: string | null } | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const linkByText = (doc: ReturnType<typeof parse>, text: string) => [...doc.querySelectorAll('a')].find((a) => seen(a) === text);

const CONFIRM_EN = 'https://news.example/newsletters/confirm?token=Zx9&list=daily';
const CONFIRM_AR = 'https://news.example/ar/newsletters/confirm?token=Zx9&list=daily';

const english: ConfirmationEmailInput = {
  lang: 'en',
  siteName: 'Arab Press',
  motto: 'بالشعب و للشعب',
  siteUrl: 'https://news.example',
  confirmUrl: CONFIRM_EN,
  listNames: ['Daily digest', 'Breaking news'],
  expiresInHours: 48,
};
const arabic: ConfirmationEmailInput = {
  lang: 'ar',
  siteName: 'عرب برس',
  motto: 'بالشعب و للشعب',
  siteUrl: 'https://news.example/ar',
  confirmUrl: CONFIRM_AR,
  listNames: ['الموجز اليومي', 'الأخبار العاجلة'],
  expiresInHours: 48,
};

describe('renderConfirmationEmail in English', () => {
  it('has a subject, a big confirm button, the link as text, the lists, the expiry and the reassurance', async () => {
    const email = await renderConfirmationEmail(english);
    expect(email.subject).toBe('Confirm your subscription to Arab Press');
    const doc = parse(email.html);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.documentElement.getAttribute('dir')).toBe('ltr');
    expect(seen(doc.querySelector('h1'))).toBe('Confirm your subscription');

    // The button: a link styled as a block with a coloured background (MJML's mj-button).
    const button = linkByText(doc, 'Confirm my subscription');
    expect(button?.getAttribute('href')).toBe(CONFIRM_EN);
    expect(button?.getAttribute('style')).toMatch(/background:#[0-9a-f]{6}.*padding:14px 28px/);
    // The same link written out for clients that hide buttons.
    expect(linkByText(doc, CONFIRM_EN)?.getAttribute('href')).toBe(CONFIRM_EN);
    expect(email.html).toContain('confirm?token=Zx9&amp;list=daily');

    expect([...doc.querySelectorAll('li')].map(seen)).toEqual(['Daily digest', 'Breaking news']);
    const body = seen(doc.body);
    expect(body).toContain('You asked to receive these newsletters from Arab Press:');
    expect(body).toContain('This link works for 48 hours.');
    expect(body).toContain('If the button does not work, copy this link into your browser:');
    expect(body).toContain('If you did not ask for this, ignore this email: you will not be subscribed.');
    expect(linkByText(doc, 'Visit Arab Press')?.getAttribute('href')).toBe('https://news.example');
  });

  it('writes the plain text with the link alone on its line', async () => {
    const { text } = await renderConfirmationEmail(english);
    expect(text).toBe(
      [
        'Arab Press',
        'بالشعب و للشعب',
        '----------------------------------------',
        '',
        'Confirm your subscription',
        '',
        'You asked to receive these newsletters from Arab Press:',
        '- Daily digest',
        '- Breaking news',
        '',
        'Confirm my subscription:',
        CONFIRM_EN,
        '',
        'This link works for 48 hours.',
        '',
        'If you did not ask for this, ignore this email: you will not be subscribed.',
        '',
        '----------------------------------------',
        'You are receiving this email because this address was entered in the newsletter signup form on Arab Press.',
        '',
        'Visit Arab Press:',
        'https://news.example',
        '',
      ].join('\n'),
    );
  });

  it('says "one hour" for one, and copes with no list names', async () => {
    const { html, text } = await renderConfirmationEmail({ ...english, expiresInHours: 1, listNames: [] });
    expect(text).toContain('This link works for one hour.');
    expect(text).toContain('You asked to receive newsletters from Arab Press.');
    expect(parse(html).querySelectorAll('li')).toHaveLength(0);
  });

  it('escapes list and site names', async () => {
    const { html } = await renderConfirmationEmail({ ...english, siteName: 'Arab <b>Press</b>', listNames: ['<script>alert(1)</script>'] });
    expect(html).not.toMatch(/<script|<b>/);
    const doc = parse(html);
    expect(seen(doc.querySelector('li'))).toBe('<script>alert(1)</script>');
  });

  it('refuses a confirmation link that is not http(s), and a nonsensical expiry', async () => {
    await expect(renderConfirmationEmail({ ...english, confirmUrl: 'javascript:alert(1)' })).rejects.toThrow(/confirmUrl/);
    await expect(renderConfirmationEmail({ ...english, confirmUrl: '%%CONFIRM_URL%%' })).rejects.toThrow(/confirmUrl/);
    await expect(renderConfirmationEmail({ ...english, expiresInHours: 0 })).rejects.toThrow(/expiresInHours/);
  });
});

describe('renderConfirmationEmail in Arabic', () => {
  it('is right to left and entirely in Arabic', async () => {
    const email = await renderConfirmationEmail(arabic);
    expect(email.subject).toBe('أكّد اشتراكك في عرب برس');
    const doc = parse(email.html);
    expect(doc.documentElement.getAttribute('lang')).toBe('ar');
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(seen(doc.querySelector('h1'))).toBe('أكّد اشتراكك');
    expect(linkByText(doc, 'تأكيد اشتراكي')?.getAttribute('href')).toBe(CONFIRM_AR);
    // The URL written out reads left to right inside the Arabic text.
    expect(linkByText(doc, CONFIRM_AR)?.closest('p')?.getAttribute('dir')).toBe('ltr');
    expect([...doc.querySelectorAll('li')].map(seen)).toEqual(['الموجز اليومي', 'الأخبار العاجلة']);
    expect(doc.querySelector('ul')?.getAttribute('style')).toContain('padding:0 22px 0 0');

    const body = seen(doc.body);
    expect(body).toContain('هذا الرابط صالح لمدة 48 ساعة.');
    expect(body).toContain('إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن يُسجَّل اشتراكك.');
    for (const value of Object.values(newsletterEmailEn)) {
      for (const words of value.split(/\{\w+\}/).map((s) => s.trim()).filter((s) => s.length > 3)) {
        expect(body, words).not.toContain(words);
        expect(email.text, words).not.toContain(words);
        expect(email.subject, words).not.toContain(words);
      }
    }

    expect(email.text).toContain(`تأكيد اشتراكي:\n${CONFIRM_AR}\n`);
    expect(email.text).toContain('طلبتَ تلقّي هذه النشرات من عرب برس:\n- الموجز اليومي\n- الأخبار العاجلة\n');
    expect(email.text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
  });

  it('counts hours the Arabic way', async () => {
    const expiry = async (hours: number) => (await renderConfirmationEmail({ ...arabic, expiresInHours: hours })).text.split('\n').find((l) => l.startsWith('هذا الرابط'));
    expect(await expiry(1)).toBe('هذا الرابط صالح لمدة ساعة واحدة.');
    expect(await expiry(2)).toBe('هذا الرابط صالح لمدة ساعتين.');
    expect(await expiry(5)).toBe('هذا الرابط صالح لمدة 5 ساعات.');
    expect(await expiry(24)).toBe('هذا الرابط صالح لمدة 24 ساعة.');
  });
});

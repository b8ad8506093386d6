import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { compileMessageTemplate } from './message-template.js';

describe('the message template an issue is sent from', () => {
  it('gives each recipient a whole, correctly encoded message of their own', async () => {
    const template = await compileMessageTemplate({ from: 'عرب برس <newsletter@news.example>', subject: 'عاجل: توقيع اتفاق المياه', listId: '<breaking.ar.news.example>' });
    const message = (n: number) =>
      template.fill({
        to: `reader-${n}@example.com`,
        messageId: `<nl.issue.reader-${n}@news.example>`,
        listUnsubscribe: `<https://news.example/ar/newsletter/unsubscribe?token=t${n}>`,
        // `$&` and `$1` would be replacement patterns to String.replace: they must come out as typed.
        text: `مرحباً ${n}\nhttps://news.example/ar/newsletter/preferences?token=t${n}&x=$&$1`,
        html: `<p dir="rtl">مرحباً ${n}</p><a href="https://news.example/?a=1&amp;b=$&">x</a>`,
      });
    const [one, two] = await Promise.all([simpleParser(message(1)), simpleParser(message(2))]);
    expect(one.subject).toBe('عاجل: توقيع اتفاق المياه');
    expect(one.from?.value[0]).toMatchObject({ name: 'عرب برس', address: 'newsletter@news.example' });
    expect(one.to && 'text' in one.to ? one.to.text : '').toBe('reader-1@example.com');
    expect(one.messageId).toBe('<nl.issue.reader-1@news.example>');
    expect(two.messageId).toBe('<nl.issue.reader-2@news.example>');
    expect(one.text?.trim()).toBe('مرحباً 1\nhttps://news.example/ar/newsletter/preferences?token=t1&x=$&$1');
    expect(one.html).toBe('<p dir="rtl">مرحباً 1</p><a href="https://news.example/?a=1&amp;b=$&">x</a>');
    expect(two.text).toContain('مرحباً 2');
    const headers = message(1).toString('latin1').split('\r\n\r\n')[0]!;
    expect(headers).toMatch(/^List-Unsubscribe: <https:\/\/news\.example\/ar\/newsletter\/unsubscribe\?token=t1>$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(headers).toMatch(/^List-ID: <breaking\.ar\.news\.example>$/im);
    // Nothing of the markers is left for a reader to see.
    expect(message(1).toString('latin1')).not.toContain('marker.arabpress.invalid');
  });
});

// Test-only: the messages the mail tests send and the checks both transports must pass.
import type { ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import type { MailMessage } from './mail-message.js';

export const FROM = 'Arab Press <news@arabpress.example>';

export const englishMessage: MailMessage = {
  to: 'Reader One <reader@example.com>',
  replyTo: 'help@arabpress.example',
  subject: 'Reset your password',
  text: 'Hello,\nfollow this link to choose a new password: https://arabpress.example/reset/abc123\n',
  html: '<p>Hello,</p><p><a href="https://arabpress.example/reset/abc123">Choose a new password</a></p>',
  headers: {
    'List-Unsubscribe': '<https://arabpress.example/unsubscribe/xyz>',
    'X-Arabpress-Kind': 'password-reset',
  },
  messageId: '<reset-42@arabpress.example>',
};

export const arabicMessage: MailMessage = {
  to: 'قارئ عربي <qari@example.com>',
  from: '"عرب برس" <akhbar@arabpress.example>',
  subject: 'إعادة تعيين كلمة المرور — عرب برس',
  text: 'مرحباً،\nاتبع هذا الرابط لاختيار كلمة مرور جديدة: https://arabpress.example/ar/reset/abc123\nمع تحيات فريق التحرير.\n',
  html: '<div dir="rtl" lang="ar"><p>مرحباً،</p><p><a href="https://arabpress.example/ar/reset/abc123">اختر كلمة مرور جديدة</a></p></div>',
  headers: { 'X-Arabpress-Kind': 'password-reset' },
  // Without brackets: the mailer adds them.
  messageId: 'reset-43@arabpress.example',
};

/** The header field as it was written, e.g. `List-Unsubscribe: <…>` → `<…>`. */
export function headerLine(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

/** `"Name" <a@b>` → { name, address }, as mailparser reports an address. */
function splitAddress(mailbox: string): { name: string; address: string } {
  const m = /^"?(.*?)"?\s*<([^>]+)>$/.exec(mailbox);
  return m ? { name: m[1]!, address: m[2]! } : { name: '', address: mailbox };
}

/** What arrived is what was sent: every field, in both languages, on both transports. */
export function expectDelivered(parsed: ParsedMail, msg: MailMessage, from: string): void {
  expect(parsed.subject).toBe(msg.subject);
  expect(parsed.text).toBe(msg.text);
  expect(parsed.html).toBe(msg.html);
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  expect(to?.value).toEqual([splitAddress(msg.to)]);
  expect(parsed.from?.value).toEqual([splitAddress(from)]);
  const wantedId = msg.messageId?.startsWith('<') ? msg.messageId : `<${msg.messageId}>`;
  expect(parsed.messageId).toBe(wantedId);
  expect(parsed.date).toBeInstanceOf(Date);
  expect(Math.abs(Date.now() - parsed.date!.getTime())).toBeLessThan(60_000);
  for (const [name, value] of Object.entries(msg.headers ?? {})) expect(headerLine(parsed, name)).toBe(value);
  if (msg.replyTo) expect(parsed.replyTo?.value[0]?.address).toBe(msg.replyTo);
}

/** Headers on the wire are 7-bit (UTF-8 goes in encoded words) and lines end in CRLF. */
export function expectWellFormed(raw: Buffer): void {
  const text = raw.toString('latin1');
  const head = text.slice(0, text.indexOf('\r\n\r\n'));
  expect(head.length).toBeGreaterThan(0);
  expect(/[^\x20-\x7e\r\n\t]/.test(head)).toBe(false);
  expect(/(?<!\r)\n/.test(text)).toBe(false);
  expect(head).toMatch(/^Content-Type: multipart\/alternative;/m);
  expect(head).toMatch(/^Date: /m);
}

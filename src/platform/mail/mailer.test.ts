import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { englishMessage, expectDelivered, FROM } from './mail-fixtures.js';
import { toMailError, toNodemailerOptions } from './mail-message.js';
import { createMailer, MailError } from './mailer.js';
import { startSmtpReceiver, type SmtpReceiver } from './test-smtp-receiver.js';

const log = createLogger({ level: 'silent', format: 'json' });

describe('createMailer', () => {
  let outboxDir: string;
  let receiver: SmtpReceiver;

  beforeEach(async () => {
    outboxDir = mkdtempSync(path.join(os.tmpdir(), 'arabpress-mail-'));
    receiver = await startSmtpReceiver();
  });
  afterEach(async () => {
    await receiver.close();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  it('sends through SMTP when an SMTP URL is set (URL query options included), and writes no file', async () => {
    const mailer = createMailer({ smtpUrl: `${receiver.url}?maxConnections=1&tls.rejectUnauthorized=false`, outboxDir, from: FROM }, log);
    try {
      await mailer.send(englishMessage);
    } finally {
      await mailer.close();
    }
    expect(receiver.received).toHaveLength(1);
    expectDelivered(receiver.received[0]!.parsed, englishMessage, FROM);
    expect(readdirSync(outboxDir)).toEqual([]);
  });

  it.each([undefined, ''])('writes to the outbox when the SMTP URL is %j', async (smtpUrl) => {
    const mailer = createMailer({ ...(smtpUrl === undefined ? {} : { smtpUrl }), outboxDir, from: FROM }, log);
    await mailer.send(englishMessage);
    await mailer.close();
    expect(readdirSync(outboxDir)).toHaveLength(1);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('toMailError', () => {
  it.each([
    [{ responseCode: 452, response: '452 4.2.2 Mailbox full' }, false],
    [{ responseCode: 421, code: 'ECONNECTION' }, false],
    [{ responseCode: 503, response: '503 Bad sequence of commands' }, false],
    [{ responseCode: 550, code: 'EENVELOPE', response: '550 No such user' }, true],
    [{ responseCode: 535, code: 'EAUTH' }, true],
    [{ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' }, false],
    [{ code: 'ETIMEDOUT' }, false],
    [{ code: 'EDNS' }, false],
    [{ code: 'EENVELOPE', message: 'No recipients defined' }, true],
    [new Error('Connection pool was closed'), false],
  ])('%j → permanent %s', (err, permanent) => {
    const mailError = toMailError(err);
    expect(mailError).toBeInstanceOf(MailError);
    expect(mailError.permanent).toBe(permanent);
    expect(mailError.cause).toBe(err);
    if ('responseCode' in err) expect(mailError.responseCode).toBe(err.responseCode);
  });
});

describe('toNodemailerOptions', () => {
  const now = new Date('2026-03-01T10:15:00Z');

  it('takes the Message-ID domain from the sender, or arabpress.local for a bare host like localhost', () => {
    expect(toNodemailerOptions({ to: 'a@example.com', subject: 's', text: 't' }, FROM, now).messageId).toMatch(/^<[0-9a-f-]{36}@arabpress\.example>$/);
    expect(toNodemailerOptions({ to: 'a@example.com', subject: 's', text: 't' }, 'Arab Press <newsroom@localhost>', now).messageId).toMatch(/^<[0-9a-f-]{36}@arabpress\.local>$/);
  });

  it('brackets a given Message-ID and refuses one that is not left@right', () => {
    expect(toNodemailerOptions({ ...englishMessage, messageId: 'reset-1@arabpress.example' }, FROM, now)).toMatchObject({ messageId: '<reset-1@arabpress.example>', date: now, from: FROM });
    for (const bad of ['', 'no-at-sign', '<a@b> <c@d>', 'a b@c']) {
      expect(() => toNodemailerOptions({ ...englishMessage, messageId: bad }, FROM, now)).toThrow(MailError);
    }
  });
});

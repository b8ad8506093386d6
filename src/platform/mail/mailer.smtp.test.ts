import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { arabicMessage, englishMessage, expectDelivered, expectWellFormed, FROM } from './mail-fixtures.js';
import { MailError, type Mailer } from './mail-message.js';
import { createSmtpMailer } from './mailer.smtp.js';
import { startSmtpReceiver, type SmtpReceiver } from './test-smtp-receiver.js';

const log = createLogger({ level: 'silent', format: 'json' });

/** A loopback port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function failure(sending: Promise<unknown>): Promise<MailError> {
  const err = await sending.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MailError);
  return err as MailError;
}

describe('SMTP mailer', () => {
  let receiver: SmtpReceiver;
  let mailer: Mailer;

  beforeEach(async () => {
    receiver = await startSmtpReceiver();
    mailer = createSmtpMailer({ smtpUrl: receiver.url, from: FROM }, log);
  });
  afterEach(async () => {
    await mailer.close();
    await receiver.close();
  });

  it('delivers an English message: text and html parts, custom headers, the given Message-ID', async () => {
    const sent = await mailer.send(englishMessage);
    expect(sent).toEqual({ messageId: '<reset-42@arabpress.example>', response: expect.stringMatching(/^250 /), accepted: ['reader@example.com'] });
    expect(sent.response).toContain('Message queued for the test');
    expect(receiver.received).toHaveLength(1);
    const mail = receiver.received[0]!;
    expect(mail.envelope).toEqual({ from: 'news@arabpress.example', to: ['reader@example.com'] });
    expectDelivered(mail.parsed, englishMessage, FROM);
    expectWellFormed(mail.raw);
  });

  it('delivers an Arabic message intact: subject, names, body and html in UTF-8', async () => {
    const sent = await mailer.send(arabicMessage);
    expect(sent.messageId).toBe('<reset-43@arabpress.example>');
    const mail = receiver.received[0]!;
    expect(mail.envelope).toEqual({ from: 'akhbar@arabpress.example', to: ['qari@example.com'] });
    expectDelivered(mail.parsed, arabicMessage, arabicMessage.from!);
    expectWellFormed(mail.raw);
  });

  it('generates a Message-ID on our domain when none is given, and reports the one that went out', async () => {
    const first = await mailer.send({ to: 'a@example.com', subject: 'One', text: 'one' });
    const second = await mailer.send({ to: 'b@example.com', subject: 'Two', text: 'two' });
    expect(first.messageId).toMatch(/^<[0-9a-f-]{36}@arabpress\.example>$/);
    expect(second.messageId).not.toBe(first.messageId);
    expect(receiver.received.map((m) => m.parsed.messageId)).toEqual([first.messageId, second.messageId]);
    expect(receiver.received[0]!.parsed.html).toBe(false);
  });

  it.each([
    { at: 'RCPT', code: 452, permanent: false },
    { at: 'DATA', code: 451, permanent: false },
    { at: 'MAIL', code: 421, permanent: false },
    { at: 'RCPT', code: 550, permanent: true },
    { at: 'DATA', code: 554, permanent: true },
  ] as const)('a $code answer at $at is a MailError with permanent=$permanent', async ({ at, code, permanent }) => {
    receiver.refuse({ at, code, message: 'Not now' });
    const err = await failure(mailer.send(englishMessage));
    expect(err).toMatchObject({ name: 'MailError', permanent, responseCode: code });
    expect(err.message).toContain(String(code));
    expect(receiver.received).toHaveLength(0);
    // The pool recovers: the next message goes through once the server accepts again.
    receiver.refuse(undefined);
    await mailer.send(arabicMessage);
    expect(receiver.received).toHaveLength(1);
  });

  it('a refused connection is a temporary MailError', async () => {
    const down = createSmtpMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: FROM }, log);
    try {
      const err = await failure(down.send(englishMessage));
      expect(err.permanent).toBe(false);
      expect(err.responseCode).toBeUndefined();
    } finally {
      await down.close();
    }
  });

  it('refuses an invalid Message-ID permanently, before talking to the server', async () => {
    const err = await failure(mailer.send({ ...englishMessage, messageId: 'no id\r\nBcc: x@evil.example' }));
    expect(err.permanent).toBe(true);
    expect(receiver.received).toHaveLength(0);
  });

  it('close() lets a message already being delivered finish, then refuses new ones as temporary', async () => {
    receiver.delayAccept(200);
    const sending = mailer.send(englishMessage);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await mailer.close();
    await expect(sending).resolves.toMatchObject({ messageId: '<reset-42@arabpress.example>' });
    expect(receiver.received).toHaveLength(1);
    const err = await failure(mailer.send(englishMessage));
    expect(err.permanent).toBe(false);
  });

  it('rejects a URL that is not smtp:// or smtps://', () => {
    expect(() => createSmtpMailer({ smtpUrl: 'http://user:secret@127.0.0.1:25', from: FROM }, log)).toThrow(/smtp:\/\/ or smtps:\/\/.*http:\/\/user@127\.0\.0\.1:25/);
    expect(() => createSmtpMailer({ smtpUrl: 'http://user:secret@127.0.0.1:25', from: FROM }, log)).not.toThrow(/secret/);
  });
});

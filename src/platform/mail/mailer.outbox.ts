import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../log.js';
import { MailError, toMailError, toNodemailerOptions, type Mailer, type SentMail } from './mail-message.js';

/** `2026-03-01T101500.123Z-reset-42_arabpress.example.eml`: sorts by time, names the message. */
export function outboxFileName(date: Date, messageId: string): string {
  const id = messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_').slice(0, 120);
  return `${date.toISOString().replace(/:/g, '')}-${id}.eml`;
}

/**
 * With no SMTP server configured, every message becomes one RFC 5322 file (`.eml`, CRLF line ends)
 * in `outboxDir`, exactly the bytes an SMTP server would have received; any mail client opens it.
 */
export function createOutboxMailer(settings: { outboxDir: string; from: string }, log: Logger): Mailer {
  // nodemailer composes (headers, UTF-8 encodings, multipart) and hands us the bytes instead of sending.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  /** Writes one message's bytes; the rename makes it appear whole (same directory: atomic). */
  async function store(messageId: string, bytes: Buffer, accepted: string[], now: Date): Promise<SentMail> {
    const file = path.join(settings.outboxDir, outboxFileName(now, messageId));
    const temp = path.join(settings.outboxDir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(settings.outboxDir, { recursive: true });
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true }).catch(() => undefined);
      // A full or read-only disk may recover (toMailError decides).
      throw toMailError(err);
    }
    log.info({ messageId, file }, 'mail written to outbox');
    return { messageId, response: `written to ${file}`, accepted };
  }

  return {
    async send(msg): Promise<SentMail> {
      const now = new Date();
      const options = toNodemailerOptions(msg, settings.from, now);
      let info;
      try {
        await mkdir(settings.outboxDir, { recursive: true });
        info = await transport.sendMail(options);
      } catch (err) {
        // A read-only disk may recover; an unsendable message will not (toMailError decides).
        throw toMailError(err);
      }
      if (!Buffer.isBuffer(info.message)) throw new MailError('Expected the composed message as a buffer', { permanent: false });
      // An SMTP server would refuse it; keep the outbox as strict so development sees the same failure.
      if (info.envelope.to.length === 0) throw new MailError('No recipients defined', { permanent: true });
      return store(info.messageId, info.message, info.envelope.to, now);
    },
    sendRaw: (msg) => store(msg.messageId, msg.raw, [msg.to], new Date()),
    async close() {
      transport.close();
    },
  };
}

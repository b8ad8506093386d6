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

  return {
    async send(msg): Promise<SentMail> {
      const now = new Date();
      const options = toNodemailerOptions(msg, settings.from, now);
      const file = path.join(settings.outboxDir, outboxFileName(now, options.messageId));
      // Same directory, so the rename is atomic: a reader sees the whole file or none of it.
      const temp = path.join(settings.outboxDir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await mkdir(settings.outboxDir, { recursive: true });
        const info = await transport.sendMail(options);
        if (!Buffer.isBuffer(info.message)) throw new MailError('Expected the composed message as a buffer', { permanent: false });
        // An SMTP server would refuse it; keep the outbox as strict so development sees the same failure.
        if (info.envelope.to.length === 0) throw new MailError('No recipients defined', { permanent: true });
        await writeFile(temp, info.message, { flag: 'wx' });
        await rename(temp, file);
        log.info({ messageId: info.messageId, file }, 'mail written to outbox');
        return { messageId: info.messageId, response: `written to ${file}`, accepted: info.envelope.to };
      } catch (err) {
        await rm(temp, { force: true }).catch(() => undefined);
        // A full or read-only disk may recover; an unsendable message will not (toMailError decides).
        throw toMailError(err);
      }
    },
    async close() {
      transport.close();
    },
  };
}

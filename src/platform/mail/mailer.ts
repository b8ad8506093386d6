import type { Logger } from '../log.js';
import type { Mailer } from './mail-message.js';
import { createOutboxMailer } from './mailer.outbox.js';
import { createSmtpMailer, describeSmtpUrl } from './mailer.smtp.js';

export { MailError, type MailMessage, type Mailer, type RawMail, type SentMail } from './mail-message.js';

/**
 * The one way the application sends email. With `smtpUrl` (SMTP_URL) messages go to that server;
 * without it they are written as `.eml` files to `outboxDir`, so `npm start` works with no mail setup.
 */
export function createMailer(settings: { smtpUrl?: string; outboxDir: string; from: string }, log: Logger): Mailer {
  const mailLog = log.child({ component: 'mail' });
  if (settings.smtpUrl) {
    mailLog.info({ server: describeSmtpUrl(settings.smtpUrl) }, 'mail goes out through SMTP');
    return createSmtpMailer({ smtpUrl: settings.smtpUrl, from: settings.from }, mailLog);
  }
  mailLog.info({ outboxDir: settings.outboxDir }, 'no SMTP_URL: mail is written to the outbox folder');
  return createOutboxMailer({ outboxDir: settings.outboxDir, from: settings.from }, mailLog);
}

import nodemailer from 'nodemailer';
import type { Logger } from '../log.js';
import { MailError, toMailError, toNodemailerOptions, type Mailer, type MailMessage, type RawMail, type SentMail } from './mail-message.js';

/** The URL without its password, for logs. */
export function describeSmtpUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.host}`;
  } catch {
    return '(unparseable SMTP URL)';
  }
}

/**
 * Sends through an SMTP server over a small pool of reused connections. The URL carries everything:
 * `smtp://user:pass@host:587` (STARTTLS when offered), `smtps://…:465` (TLS from the start), and
 * nodemailer's query options, e.g. `?maxConnections=2` or `?tls.rejectUnauthorized=false`.
 */
export function createSmtpMailer(settings: { smtpUrl: string; from: string }, log: Logger): Mailer {
  if (!/^smtps?:\/\//i.test(settings.smtpUrl)) {
    throw new MailError(`SMTP URL must start with smtp:// or smtps://, got ${describeSmtpUrl(settings.smtpUrl)}`, { permanent: true });
  }
  // Defaults apply where the URL does not say otherwise. Nodemailer's own timeouts (2 min to connect,
  // 10 min idle socket) are for interactive use; a worker should give up sooner and retry later.
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const server = describeSmtpUrl(settings.smtpUrl);
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;

  async function deliver(msg: MailMessage | RawMail): Promise<SentMail> {
    const options = 'raw' in msg ? { envelope: { from: msg.from, to: [msg.to] }, raw: msg.raw, messageId: msg.messageId } : toNodemailerOptions(msg, settings.from, new Date());
    try {
      const info = await transport.sendMail(options);
      const sent: SentMail = {
        messageId: info.messageId,
        response: String(info.response),
        accepted: [...info.accepted],
      };
      // Never the body or the recipient: bodies carry reset links, addresses are personal data.
      log.info({ messageId: sent.messageId, response: sent.response }, 'mail sent');
      return sent;
    } catch (err) {
      const error = toMailError(err);
      log.warn({ messageId: options.messageId, server, permanent: error.permanent, responseCode: error.responseCode, err: error.message }, 'mail not sent');
      throw error;
    }
  }

  function track(msg: MailMessage | RawMail): Promise<SentMail> {
    if (closed) return Promise.reject(new MailError('Mailer is closed', { permanent: false }));
    const sending = deliver(msg);
    const settled = sending.catch(() => undefined);
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
    return sending;
  }

  return {
    send: track,
    sendRaw: track,
    async close() {
      closed = true;
      // The pool finishes deliveries already on a connection and fails the queued ones (temporary).
      transport.close();
      await Promise.allSettled(inFlight);
    },
  };
}

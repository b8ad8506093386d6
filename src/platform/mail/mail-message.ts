import { randomUUID } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';

/** One message to one recipient, as every feature hands it to the mailer. */
export interface MailMessage {
  to: string;
  /** Defaults to the mailer's configured sender (MAIL_FROM). */
  from?: string;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra header fields kept as given, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>;
  /** A stable id (`<reset-42@arabpress.example>` or without the brackets) so a resend is recognisable. */
  messageId?: string;
}

export interface SentMail {
  /** The Message-ID header that went out, with angle brackets. */
  messageId: string;
  /** The server's answer line (SMTP), or where the outbox wrote the file. */
  response: string;
  accepted: string[];
}

/**
 * A message composed already (RFC 5322 bytes, CRLF line ends), for bulk sends that compose once and
 * fill in each recipient: the mailer only delivers it to `to`.
 */
export interface RawMail {
  from: string;
  to: string;
  messageId: string;
  raw: Buffer;
}

export interface Mailer {
  send(msg: MailMessage): Promise<SentMail>;
  sendRaw(msg: RawMail): Promise<SentMail>;
  /** Lets queued messages finish, then closes connections. */
  close(): Promise<void>;
}

/**
 * A message that did not go out. `permanent` tells a job whether to retry: false for 4xx answers and
 * connection trouble (try again later), true for 5xx answers and messages that can never be sent.
 */
export class MailError extends Error {
  readonly permanent: boolean;
  readonly responseCode?: number;

  constructor(message: string, opts: { permanent: boolean; responseCode?: number; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'MailError';
    this.permanent = opts.permanent;
    if (opts.responseCode !== undefined) this.responseCode = opts.responseCode;
  }
}

// What nodemailer may attach to the errors it rejects with.
interface NodemailerFailure {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

// Failures that no retry can fix: the message or the configuration is wrong.
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ECONFIG', 'EAUTH', 'ENOAUTH', 'EMAXRECIPIENTS', 'EREQUIRETLS', 'EFILEACCESS', 'EURLACCESS']);

/**
 * Classifies a nodemailer (or socket) error. An SMTP reply decides by its class (RFC 5321): 4xx is
 * temporary, 5xx permanent, except 503 "bad sequence of commands", a session-state problem that a fresh
 * connection clears. Without a reply, connection, DNS, TLS and timeout failures are temporary.
 */
export function toMailError(err: unknown): MailError {
  if (err instanceof MailError) return err;
  const e: NodemailerFailure = typeof err === 'object' && err !== null ? err : {};
  const message = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(err);
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    const responseCode = e.responseCode;
    const permanent = responseCode >= 500 && responseCode !== 503;
    return new MailError(message, { permanent, responseCode, cause: err });
  }
  const permanent = typeof e.code === 'string' && PERMANENT_CODES.has(e.code);
  return new MailError(message, { permanent, cause: err });
}

// RFC 5322 msg-id: "<" id-left "@" id-right ">", no spaces, brackets or line breaks inside.
const MESSAGE_ID = /^<?([^<>\s@]+@[^<>\s@]+)>?$/;

function normalizeMessageId(given: string | undefined, from: string): string {
  if (given === undefined) {
    // Our own domain on the right, as RFC 5322 advises; arabpress.local when MAIL_FROM has no real
    // one (the default sender is newsroom@localhost).
    const domain = /@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)>?\s*$/.exec(from)?.[1] ?? 'arabpress.local';
    return `<${randomUUID()}@${domain}>`;
  }
  const match = MESSAGE_ID.exec(given.trim());
  if (!match) throw new MailError(`Invalid Message-ID ${JSON.stringify(given)}: expected <left@right>`, { permanent: true });
  return `<${match[1]}>`;
}

/** The nodemailer options both transports send: our defaults, an explicit Date and Message-ID. */
export function toNodemailerOptions(msg: MailMessage, defaultFrom: string, now: Date): SendMailOptions & { messageId: string; date: Date } {
  const from = msg.from ?? defaultFrom;
  return {
    from,
    to: msg.to,
    ...(msg.replyTo === undefined ? {} : { replyTo: msg.replyTo }),
    subject: msg.subject,
    text: msg.text,
    ...(msg.html === undefined ? {} : { html: msg.html }),
    ...(msg.headers === undefined ? {} : { headers: { ...msg.headers } }),
    messageId: normalizeMessageId(msg.messageId, from),
    date: now,
    // Our messages never attach local files or fetch URLs; refuse it so content can't make them.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

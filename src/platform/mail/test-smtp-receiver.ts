// Test-only: a real SMTP server on loopback that keeps what it receives. Imported by tests, never by
// the application (smtp-server and mailparser are dev dependencies).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

/** Makes the server answer `code` at one step of the conversation, as a real one refusing mail would. */
export interface Refusal {
  at: 'MAIL' | 'RCPT' | 'DATA';
  code: number;
  message?: string;
}

export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>`, ready for SMTP_URL. */
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Answer every following message with this refusal; `undefined` accepts again. */
  refuse(refusal: Refusal | undefined): void;
  /** Hold each message this long before accepting it (to catch something in flight). */
  delayAccept(ms: number): void;
  close(): Promise<void>;
}

function refusalError(r: Refusal): Error {
  return Object.assign(new Error(r.message ?? `Refused for the test (${r.code})`), { responseCode: r.code });
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  let refusal: Refusal | undefined;
  let delay = 0;
  const refused = (at: Refusal['at']) => (refusal?.at === at ? refusalError(refusal) : null);

  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    // A pooled client may still hold a connection; don't keep the test waiting for it.
    closeTimeout: 200,
    onMailFrom: (_address, _session, callback) => callback(refused('MAIL')),
    onRcptTo: (_address, _session, callback) => callback(refused('RCPT')),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const rejection = refused('DATA');
        if (rejection) return callback(rejection);
        const raw = Buffer.concat(chunks);
        // Parsed before answering 250, so a resolved send means the mail is already in `received`.
        simpleParser(raw)
          .then(async (parsed) => {
            if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
            const from = session.envelope.mailFrom;
            received.push({
              envelope: { from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
              raw,
              parsed,
            });
            callback(null, 'Message queued for the test');
          })
          .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuse: (r) => void (refusal = r),
    delayAccept: (ms) => void (delay = ms),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

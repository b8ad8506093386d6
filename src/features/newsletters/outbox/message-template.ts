import MailComposer from 'nodemailer/lib/mail-composer/index.js';

/**
 * An issue's message composed once, by nodemailer, with markers where each recipient differs: the
 * To address, the Message-ID, the List-Unsubscribe link, and the two bodies (whose links are the
 * reader's own). Each message is then the template with those filled in, which costs a few string
 * replacements and a base64 encoding instead of a full MIME composition (several ms of CPU a message,
 * the limit on a send's rate). Bodies are base64, so a filled-in body can never break the encoding.
 */
const TO = 'recipient@marker.arabpress.invalid';
const MESSAGE_ID = '<message-id@marker.arabpress.invalid>';
const UNSUBSCRIBE = '<https://marker.arabpress.invalid/list-unsubscribe>';
// Not plain ASCII, so nodemailer must encode them (as base64, per textEncoding), as it will real bodies.
const TEXT = 'ARABPRESS-TEXT-BODY-MARKER-ع';
const HTML = 'ARABPRESS-HTML-BODY-MARKER-ع';

export interface TemplateFields {
  from: string;
  subject: string;
  listId: string;
}

export interface Recipient {
  to: string;
  messageId: string;
  listUnsubscribe: string;
  text: string;
  html: string;
}

export interface MessageTemplate {
  fill(r: Recipient): Buffer;
}

/** Base64 in lines of 76 characters, as MIME wants it. */
function base64Lines(s: string): string {
  return (Buffer.from(s, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export async function compileMessageTemplate(fields: TemplateFields): Promise<MessageTemplate> {
  const composer = new MailComposer({
    from: fields.from,
    to: TO,
    subject: fields.subject,
    text: TEXT,
    html: HTML,
    textEncoding: 'base64',
    messageId: MESSAGE_ID,
    date: new Date(),
    headers: { 'List-Unsubscribe': UNSUBSCRIBE, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Id': fields.listId },
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const built = await new Promise<Buffer>((resolve, reject) => composer.compile().build((err, message) => (err ? reject(err) : resolve(message))));
  // Everything in the template is ASCII (headers encoded, bodies base64): latin1 keeps it byte for byte.
  const template = built.toString('latin1');
  const markers = [TO, MESSAGE_ID, UNSUBSCRIBE, base64Lines(TEXT), base64Lines(HTML)];
  for (const m of markers) {
    if (template.split(m).length !== 2) throw new Error(`message template: marker ${m} not found exactly once`);
  }
  return {
    fill(r) {
      const filled = template
        .replace(TO, () => r.to)
        .replace(MESSAGE_ID, () => r.messageId)
        .replace(UNSUBSCRIBE, () => r.listUnsubscribe)
        .replace(base64Lines(TEXT), () => base64Lines(r.text))
        .replace(base64Lines(HTML), () => base64Lines(r.html));
      return Buffer.from(filled, 'latin1');
    },
  };
}

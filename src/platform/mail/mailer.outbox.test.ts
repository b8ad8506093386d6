import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { arabicMessage, englishMessage, expectDelivered, expectWellFormed, FROM } from './mail-fixtures.js';
import { MailError } from './mail-message.js';
import { createOutboxMailer, outboxFileName } from './mailer.outbox.js';

const log = createLogger({ level: 'silent', format: 'json' });

describe('outbox mailer', () => {
  let root: string;
  let outboxDir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'arabpress-outbox-'));
    outboxDir = path.join(root, 'data', 'outbox'); // does not exist yet
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes a parseable .eml with every field, named after the time and the Message-ID', async () => {
    const mailer = createOutboxMailer({ outboxDir, from: FROM }, log);
    const sent = await mailer.send(englishMessage);
    await mailer.close();

    const files = readdirSync(outboxDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z-reset-42@arabpress\.example\.eml$/);
    expect(sent).toEqual({ messageId: '<reset-42@arabpress.example>', response: `written to ${path.join(outboxDir, files[0]!)}`, accepted: ['reader@example.com'] });
    const raw = readFileSync(path.join(outboxDir, files[0]!));
    expectWellFormed(raw);
    expectDelivered(await simpleParser(raw), englishMessage, FROM);
  });

  it('keeps Arabic intact, and two sends give two files', async () => {
    const mailer = createOutboxMailer({ outboxDir, from: FROM }, log);
    await mailer.send(arabicMessage);
    const generated = await mailer.send({ to: 'b@example.com', subject: 'عاجل', text: 'نص قصير' });

    const files = readdirSync(outboxDir).sort();
    expect(files).toHaveLength(2);
    const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(path.join(outboxDir, f)))));
    const arabic = parsed.find((p) => p.messageId === '<reset-43@arabpress.example>')!;
    expectDelivered(arabic, arabicMessage, arabicMessage.from!);
    const other = parsed.find((p) => p.messageId === generated.messageId)!;
    expect(generated.messageId).toMatch(/^<[0-9a-f-]{36}@arabpress\.example>$/);
    expect(other.subject).toBe('عاجل');
    expect(other.text).toBe('نص قصير');
    expect(other.from?.value).toEqual([{ name: 'Arab Press', address: 'news@arabpress.example' }]);
  });

  it('leaves no temporary file behind and fails temporarily when the folder cannot be made', async () => {
    writeFileSync(path.join(root, 'data'), 'a file where the folder should be');
    const mailer = createOutboxMailer({ outboxDir, from: FROM }, log);
    const err = await mailer.send(englishMessage).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).permanent).toBe(false);
    expect(readdirSync(root)).toEqual(['data']);
  });

  it('refuses a message with no recipient permanently', async () => {
    const mailer = createOutboxMailer({ outboxDir, from: FROM }, log);
    const err = await mailer.send({ ...englishMessage, to: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailError);
    expect((err as MailError).permanent).toBe(true);
    expect(readdirSync(outboxDir)).toEqual([]);
  });

  it('names files safely whatever the Message-ID holds', () => {
    const at = new Date('2026-03-01T10:15:00.123Z');
    expect(outboxFileName(at, '<news/../../etc@arabpress.example>')).toBe('2026-03-01T101500.123Z-news_.._.._etc@arabpress.example.eml');
  });
});

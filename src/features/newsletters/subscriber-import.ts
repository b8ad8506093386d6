import { parse } from 'csv-parse/sync';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Section } from '../sections/index.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { validLists, type ListKey } from './lists.js';
import { emailSchema } from './subscribe.service.js';

/**
 * Reading the CSV files the newsroom uploads (subscribers, suppressions): pure functions, no
 * database. Every problem with the file as a whole is an ImportFileError naming what is wrong, so the
 * page can say it in the staff member's language; problems with single rows are listed, not thrown.
 */

/** Bigger files are refused before they are read (server.ts also caps the request body). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Rows (records after the header) one file may hold. */
export const IMPORT_MAX_ROWS = 100_000;

export type ImportFileProblem = 'no-file' | 'empty' | 'too-large' | 'spreadsheet' | 'not-text' | 'not-utf8' | 'malformed' | 'too-many-rows' | 'no-rows' | 'bad-payload';

export class ImportFileError extends Error {
  constructor(
    readonly problem: ImportFileProblem,
    readonly details: { line?: number; rows?: number } = {},
  ) {
    super(`import file: ${problem}`);
    this.name = 'ImportFileError';
  }
}

/**
 * The text of an uploaded file, which must be UTF-8 (with or without a BOM). A workbook saved as
 * .xlsx/.xls, any binary file, or text in another encoding is refused with the reason.
 */
export function textOfUpload(bytes: Uint8Array): string {
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw new ImportFileError('too-large');
  if (bytes.byteLength === 0) throw new ImportFileError('empty');
  const head = bytes.subarray(0, 8);
  // .xlsx is a ZIP archive ("PK\3\4"); .xls an OLE2 compound file.
  if ((head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) || (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)) {
    throw new ImportFileError('spreadsheet');
  }
  if (bytes.subarray(0, 64 * 1024).includes(0)) throw new ImportFileError('not-text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError('not-utf8');
  }
  if (text.trim() === '') throw new ImportFileError('empty');
  return text;
}

export interface CsvRecord {
  /** The line the record starts on, as a text editor or a spreadsheet numbers it. */
  line: number;
  cells: string[];
}

/**
 * Every non-empty record of a CSV text. Line endings are made LF first: csv-parse counts lines one
 * off after a CRLF header, and the numbers are what the newsroom uses to find a row in its file.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read; csv-parse's types do not follow the option.
    parsed = parse(text.replace(/\r\n?/g, '\n'), { bom: true, skip_empty_lines: true, skip_records_with_empty_values: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof parsed;
  } catch (err) {
    // csv-parse's CsvError: an unclosed quote, a stray character after a closing quote, …
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : undefined;
    throw new ImportFileError('malformed', line === undefined ? {} : { line });
  }
  const records = parsed.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  return records;
}

/**
 * The preview's "what would be imported" travels to the confirmation inside the confirm form
 * (compressed, base64url) rather than being stored on the server: nothing to clean up, nothing lost
 * on a restart, and any instance can take the confirmation. The confirmation re-reads the same bytes
 * and checks the resulting plan against the preview's fingerprint (see subscribers.admin.service.ts).
 */
export function packUpload(text: string): string {
  return deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
}

export function unpackUpload(payload: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) throw new ImportFileError('bad-payload');
  try {
    // Capped, so a crafted payload cannot inflate into gigabytes.
    return inflateRawSync(Buffer.from(payload, 'base64url'), { maxOutputLength: IMPORT_MAX_BYTES }).toString('utf8');
  } catch {
    throw new ImportFileError('bad-payload');
  }
}

export type SubscriberRowProblem = 'invalid-email' | 'unknown-language' | 'unknown-list' | 'no-lists' | 'duplicate' | 'not-active-in-file' | 'unsubscribed' | 'suppressed';

export interface RejectedRow {
  line: number;
  /** The address cell as written in the file. */
  value: string;
  problem: SubscriberRowProblem;
  /** What was wrong with it: the unknown language or list, the status, the line of the first copy. */
  detail?: string;
}

export interface ParsedSubscriberRow {
  line: number;
  email: string;
  language: Language;
  lists: ListKey[];
}

export interface SubscriberCsvOptions {
  defaultLanguage: Language;
  defaultLists: readonly ListKey[];
  sections: readonly Section[];
}

const HEADER_NAMES = {
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'address', 'البريد الإلكتروني', 'البريد', 'العنوان'],
  language: ['language', 'lang', 'locale', 'اللغة'],
  lists: ['lists', 'list', 'newsletters', 'القوائم', 'القائمة'],
  status: ['status', 'الحالة'],
} as const;

const LANGUAGE_WORDS: Record<string, Language> = {
  en: 'en',
  eng: 'en',
  english: 'en',
  'en-us': 'en',
  'en-gb': 'en',
  الإنجليزية: 'en',
  الانجليزية: 'en',
  إنجليزي: 'en',
  انجليزي: 'en',
  ar: 'ar',
  ara: 'ar',
  arabic: 'ar',
  العربية: 'ar',
  عربي: 'ar',
  'ar-sa': 'ar',
};

function languageOf(cell: string): Language | undefined {
  return LANGUAGE_WORDS[cell.trim().toLowerCase()];
}

/**
 * A list as the file may name it: `daily`, `breaking`, `weekly:<section slug>` or `weekly:<section id>`
 * (an export writes slugs). Undefined for anything else.
 */
export function listKeyOf(token: string, sections: readonly Section[]): ListKey | undefined {
  const t = token.trim().toLowerCase();
  if (t === 'daily' || t === 'breaking') return t;
  const m = /^weekly:(.+)$/.exec(token.trim());
  if (!m) return undefined;
  const ref = m[1]!.trim();
  const section = sections.find((s) => s.id === ref) ?? sections.find((s) => s.slug === ref.toLowerCase());
  return section ? `weekly:${section.id}` : undefined;
}

/** How an export and the preview write a list: with the section's slug, which reads better than its id. */
export function listToken(key: string, sections: readonly Section[]): string {
  if (!key.startsWith('weekly:')) return key;
  const section = sections.find((s) => `weekly:${s.id}` === key);
  return section ? `weekly:${section.slug}` : key;
}

/**
 * Reads a subscriber file: an address per row, and optionally a language and lists (`daily;breaking;
 * weekly:politics`). A first row naming an `email` column is a header, and its columns are found by
 * name (so an export reads back); without one, the columns are email, language, lists. Empty
 * language and lists cells take the defaults chosen on the form. Each row is accepted or rejected
 * with its line number and the reason; a repeated address is rejected after its first row.
 */
export function parseSubscriberCsv(text: string, opts: SubscriberCsvOptions): { rows: ParsedSubscriberRow[]; rejected: RejectedRow[] } {
  const records = readCsvRecords(text);
  const first = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const column = (names: readonly string[]) => first.findIndex((c) => names.includes(c));
  const hasHeader = column(HEADER_NAMES.email) >= 0;
  const cols = hasHeader
    ? { email: column(HEADER_NAMES.email), language: column(HEADER_NAMES.language), lists: column(HEADER_NAMES.lists), status: column(HEADER_NAMES.status) }
    : { email: 0, language: 1, lists: 2, status: -1 };
  const body = hasHeader ? records.slice(1) : records;
  if (!body.length) throw new ImportFileError('no-rows');
  if (body.length > IMPORT_MAX_ROWS) throw new ImportFileError('too-many-rows', { rows: body.length });

  const rows: ParsedSubscriberRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  const cell = (r: CsvRecord, i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
  for (const r of body) {
    const raw = cell(r, cols.email);
    const reject = (problem: SubscriberRowProblem, detail?: string) => void rejected.push({ line: r.line, value: raw, problem, ...(detail === undefined ? {} : { detail }) });
    const email = emailSchema.safeParse(raw);
    if (!email.success) {
      reject('invalid-email');
      continue;
    }
    const earlier = firstLine.get(email.data);
    if (earlier !== undefined) {
      reject('duplicate', String(earlier));
      continue;
    }
    firstLine.set(email.data, r.line);
    const status = cell(r, cols.status).toLowerCase();
    if (status !== '' && status !== 'active') {
      reject('not-active-in-file', cell(r, cols.status));
      continue;
    }
    const langCell = cell(r, cols.language);
    const language = langCell === '' ? opts.defaultLanguage : languageOf(langCell);
    if (!language) {
      reject('unknown-language', langCell);
      continue;
    }
    const tokens = cell(r, cols.lists)
      .split(/[;|,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const keys = tokens.map((tok) => ({ tok, key: listKeyOf(tok, opts.sections) }));
    const unknown = keys.find((k) => !k.key);
    if (unknown) {
      reject('unknown-list', unknown.tok);
      continue;
    }
    // In the offered order, without repeats.
    const lists = keys.length ? validLists(keys.map((k) => k.key!), opts.sections) : [...opts.defaultLists];
    if (!lists.length) {
      reject('no-lists');
      continue;
    }
    rows.push({ line: r.line, email: email.data, language, lists });
  }
  return { rows, rejected };
}

import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { listSections, type Section } from '../sections/index.js';
import { availableLists, validLists, type ListKey } from './lists.js';
import type { NewsletterConsentsTable, NewsletterSubscribersTable } from './newsletters.table.js';
import {
  activatePending,
  activeIdsByEmail,
  addSubscriptions,
  countActiveByListAndLanguage,
  countActiveSuppressed,
  countByStatus,
  countSubscribers,
  countSuppressions,
  findSubscribers,
  findSubscribersAfter,
  findSuppression,
  findSuppressions,
  insertActiveSubscribers,
  insertConsents,
  insertSuppressions,
  listsOfSubscribers,
  subscribersByEmail,
  suppressedAmong,
  touchSubscribers,
  type SubscriberFilters,
} from './subscribers.admin.repo.js';
import { consentsOf, findSubscriberById } from './subscribers.repo.js';
import { IMPORT_MAX_ROWS, listToken, parseSubscriberCsv, readCsvRecords, ImportFileError, type ParsedSubscriberRow, type RejectedRow, type SubscriberCsvOptions } from './subscriber-import.js';
import { parseSuppressionCsv, type CsvRowProblem, type SuppressionReason } from './suppressions.service.js';

export const SUBSCRIBERS_PER_PAGE = 50;
export type { SubscriberFilters } from './subscribers.admin.repo.js';

// ---------------------------------------------------------------------------------------------
// The landing page's counts

export interface OverviewRow {
  key: string;
  name: Record<Language, string> | undefined;
  en: number;
  ar: number;
  total: number;
}

export interface NewsletterOverview {
  sections: Section[];
  /** Every list offered now, then any list that still has subscribers but is no longer offered. */
  rows: OverviewRow[];
  totals: { en: number; ar: number; total: number };
  byStatus: Record<NewsletterSubscribersTable['status'], number>;
  suppressed: number;
  activeSuppressed: number;
}

export async function newsletterOverview(db: Db): Promise<NewsletterOverview> {
  const [sections, counts, byStatus, suppressed, activeSuppressed] = await Promise.all([listSections(db), countActiveByListAndLanguage(db), countByStatus(db), countSuppressions(db, ''), countActiveSuppressed(db)]);
  const rows = new Map<string, OverviewRow>(availableLists(sections).map((l) => [l.key, { key: l.key, name: l.name, en: 0, ar: 0, total: 0 }]));
  for (const c of counts) {
    const row = rows.get(c.list) ?? { key: c.list, name: undefined, en: 0, ar: 0, total: 0 };
    row[c.language] += c.n;
    row.total += c.n;
    rows.set(c.list, row);
  }
  const all = [...rows.values()];
  const totals = all.reduce((t, r) => ({ en: t.en + r.en, ar: t.ar + r.ar, total: t.total + r.total }), { en: 0, ar: 0, total: 0 });
  return { sections, rows: all, totals, byStatus, suppressed, activeSuppressed };
}

// ---------------------------------------------------------------------------------------------
// Search, filters, the detail page

/** The subscriber list's query string: anything unknown falls back to "all", never to an error page. */
export const subscriberQuerySchema = z.object({
  q: z.string().trim().max(254).catch(''),
  status: z.enum(['active', 'pending', 'unsubscribed', 'suppressed', '']).catch(''),
  language: z.enum(['en', 'ar', '']).catch(''),
  list: z.string().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function subscriberFilters(db: Db, query: Record<string, string | undefined>): Promise<{ filters: SubscriberFilters; page: number; sections: Section[] }> {
  const parsed = subscriberQuerySchema.parse({ q: query['q'] ?? '', status: query['status'] ?? '', language: query['language'] ?? '', list: query['list'] ?? '', page: query['page'] ?? 1 });
  const sections = await listSections(db);
  const list = parsed.list && availableLists(sections).some((l) => l.key === parsed.list) ? parsed.list : '';
  return { filters: { q: parsed.q, status: parsed.status, language: parsed.language, list }, page: parsed.page, sections };
}

export async function searchSubscribers(db: Db, filters: SubscriberFilters, page: number) {
  const total = await countSubscribers(db, filters);
  const pageCount = Math.max(1, Math.ceil(total / SUBSCRIBERS_PER_PAGE));
  const rows = await findSubscribers(db, filters, SUBSCRIBERS_PER_PAGE, (Math.min(page, pageCount) - 1) * SUBSCRIBERS_PER_PAGE);
  const lists = await listsOfSubscribers(
    db,
    rows.map((r) => r.id),
  );
  return { total, pageCount, page: Math.min(page, pageCount), items: rows.map((r) => ({ ...r, lists: lists.get(r.id) ?? [] })) };
}

export type ConsentEntry = Omit<NewsletterConsentsTable, 'lists'> & { lists: string[] };

export async function subscriberDetail(db: Db, id: string) {
  const subscriber = await findSubscriberById(db, id);
  if (!subscriber) return undefined;
  const [lists, consents, suppression] = await Promise.all([listsOfSubscribers(db, [id]), consentsOf(db, id), findSuppression(db, subscriber.email)]);
  const readLists = (json: string): string[] => {
    const parsed = z.array(z.string()).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  };
  return {
    subscriber,
    lists: lists.get(id) ?? [],
    consents: consents.map((c): ConsentEntry => ({ ...c, lists: readLists(c.lists) })),
    suppression,
  };
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe. Valid addresses are left alone, so an export reads back unchanged.
 */
function safeCell(value: string, isEmail = false): string {
  if (isEmail && z.email().safeParse(value).success) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The matching subscribers as CSV, in signup order: UTF-8 with a BOM (so Excel shows Arabic), CRLF
 * line ends, lists as `daily;weekly:<section slug>`, which the import reads back.
 */
export async function exportSubscribersCsv(db: Db, filters: SubscriberFilters, sections: readonly Section[]): Promise<{ csv: string; count: number }> {
  const lines: string[][] = [['email', 'status', 'language', 'lists', 'created_at', 'confirmed_at']];
  const BATCH = 5000;
  for (let after = ''; ; ) {
    const rows = await findSubscribersAfter(db, filters, after, BATCH);
    after = rows.at(-1)?.id ?? after;
    const lists = await listsOfSubscribers(
      db,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      const keys = validLists(lists.get(r.id) ?? [], sections);
      const unknown = (lists.get(r.id) ?? []).filter((k) => !keys.includes(k as ListKey));
      lines.push([safeCell(r.email, true), r.status, r.language, [...keys, ...unknown].map((k) => safeCell(listToken(k, sections))).join(';'), r.created_at, r.confirmed_at ?? '']);
    }
    if (rows.length < BATCH) break;
  }
  return { csv: `\uFEFF${stringify(lines, { record_delimiter: 'windows' })}`, count: lines.length - 1 };
}

// ---------------------------------------------------------------------------------------------
// Subscriber import: preview, then confirm

export type ImportAction = 'add' | 'update' | 'unchanged';

export interface PlannedRow extends ParsedSubscriberRow {
  action: ImportAction;
  /** The subscriber's lists after the import (an import adds lists, it never removes one). */
  after: string[];
  /** The language after the import: a confirmed subscriber keeps the one they chose. */
  languageAfter: Language;
  subscriberId?: string;
}

export interface SubscriberImportPlan {
  rows: PlannedRow[];
  rejected: RejectedRow[];
  counts: { add: number; update: number; unchanged: number; rejected: number };
  /** Identifies exactly this plan; the confirmation must arrive at the same one. */
  fingerprint: string;
}

function fingerprintOf(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * What importing the text would do now: each readable row becomes an add (new address), an update
 * (a pending address is confirmed, or a subscriber gains lists) or unchanged; addresses that
 * unsubscribed or are suppressed are rejected, whatever the file says.
 */
export async function planSubscriberImport(db: Db, text: string, opts: SubscriberCsvOptions): Promise<SubscriberImportPlan> {
  const parsed = parseSubscriberCsv(text, opts);
  const emails = parsed.rows.map((r) => r.email);
  const [existing, suppressed] = await Promise.all([subscribersByEmail(db, emails), suppressedAmong(db, emails)]);
  const rows: PlannedRow[] = [];
  const rejected = [...parsed.rejected];
  for (const r of parsed.rows) {
    const sub = existing.get(r.email);
    if (suppressed.has(r.email)) {
      rejected.push({ line: r.line, value: r.email, problem: 'suppressed' });
    } else if (sub?.status === 'unsubscribed') {
      rejected.push({ line: r.line, value: r.email, problem: 'unsubscribed' });
    } else if (!sub) {
      rows.push({ ...r, action: 'add', after: r.lists, languageAfter: r.language });
    } else {
      // Lists are only ever added; a list no longer offered is kept as it is.
      const after = validLists([...sub.lists, ...r.lists], opts.sections);
      const kept = sub.lists.filter((l) => !after.includes(l as ListKey));
      const pending = sub.status === 'pending';
      const gained = r.lists.some((l) => !sub.lists.includes(l));
      rows.push({ ...r, action: pending || gained ? 'update' : 'unchanged', after: [...after, ...kept], languageAfter: pending ? r.language : sub.language, subscriberId: sub.id });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  const counts = { add: 0, update: 0, unchanged: 0, rejected: rejected.length };
  for (const r of rows) counts[r.action]++;
  return { rows, rejected, counts, fingerprint: fingerprintOf(rows.map((r) => [r.email, r.action, r.languageAfter, r.after])) };
}

export type ImportOutcome = { done: true; added: number; updated: number } | { done: false; plan: SubscriberImportPlan };

/**
 * Imports what the preview showed: the plan is made again inside the transaction and must have the
 * preview's fingerprint, else nothing is written and the new plan is returned to be previewed
 * (someone signed up or unsubscribed in between). Imported addresses are active at once, with a
 * consent record per address (action `import`, source `admin-import`).
 */
export async function importSubscribers(deps: { db: Db; now: Date }, text: string, opts: SubscriberCsvOptions, fingerprint: string): Promise<ImportOutcome> {
  const at = toDbTime(deps.now);
  return deps.db.transaction().execute(async (trx): Promise<ImportOutcome> => {
    const plan = await planSubscriberImport(trx, text, opts);
    if (plan.fingerprint !== fingerprint) return { done: false, plan };
    const adds = plan.rows.filter((r) => r.action === 'add');
    const updates = plan.rows.filter((r) => r.action === 'update');
    await insertActiveSubscribers(
      trx,
      adds.map((r) => ({ id: newId(), email: r.email, language: r.language })),
      at,
    );
    for (const lang of ['en', 'ar'] as const) {
      await activatePending(
        trx,
        updates.filter((r) => r.languageAfter === lang).map((r) => r.subscriberId!),
        lang,
        at,
      );
    }
    await touchSubscribers(
      trx,
      updates.map((r) => r.subscriberId!),
      at,
    );
    const changed = [...adds, ...updates];
    const ids = await activeIdsByEmail(
      trx,
      changed.map((r) => r.email),
    );
    const done = changed.filter((r) => ids.has(r.email));
    await addSubscriptions(
      trx,
      done.flatMap((r) => r.lists.map((list) => ({ subscriber_id: ids.get(r.email)!, list }))),
    );
    await insertConsents(
      trx,
      done.map((r) => ({ id: newId(), subscriber_id: ids.get(r.email)!, action: 'import' as const, source: 'admin-import', language: r.languageAfter, lists: JSON.stringify(r.after), created_at: at })),
    );
    return { done: true, added: adds.length, updated: updates.length };
  });
}

/** The rejected rows as CSV (line, address, reason code, detail), for files with more than a page shows. */
export function rejectedRowsCsv(rejected: readonly RejectedRow[], reasonText: (r: RejectedRow) => string): string {
  return `\uFEFF${stringify([['line', 'email', 'problem', 'reason'], ...rejected.map((r) => [String(r.line), safeCell(r.value), r.problem, safeCell(reasonText(r))])], { record_delimiter: 'windows' })}`;
}

// ---------------------------------------------------------------------------------------------
// Suppressions

export async function suppressionPage(db: Db, q: string, page: number) {
  const total = await countSuppressions(db, q);
  const pageCount = Math.max(1, Math.ceil(total / SUBSCRIBERS_PER_PAGE));
  const current = Math.min(page, pageCount);
  return { total, pageCount, page: current, items: await findSuppressions(db, q, SUBSCRIBERS_PER_PAGE, (current - 1) * SUBSCRIBERS_PER_PAGE) };
}

export interface SuppressionImportPlan {
  rows: { email: string; reason: SuppressionReason; detail: string; line: number; already: boolean }[];
  rejected: CsvRowProblem[];
  counts: { add: number; already: number; rejected: number };
  fingerprint: string;
}

/** What importing a suppression list would do: new addresses, already suppressed ones, rejected rows. */
export async function planSuppressionImport(db: Db, text: string): Promise<SuppressionImportPlan> {
  // Our own reading first: the same clear errors (malformed, too many rows, header only) as subscribers.
  const records = readCsvRecords(text);
  const hasHeader = records[0]?.cells.some((c) => c.trim().toLowerCase() === 'email') ?? false;
  const rowCount = records.length - (hasHeader ? 1 : 0);
  if (rowCount === 0) throw new ImportFileError('no-rows');
  if (rowCount > IMPORT_MAX_ROWS) throw new ImportFileError('too-many-rows', { rows: rowCount });
  let parsed: ReturnType<typeof parseSuppressionCsv>;
  try {
    parsed = parseSuppressionCsv(text);
  } catch {
    throw new ImportFileError('malformed');
  }
  const already = await suppressedAmong(
    db,
    parsed.rows.map((r) => r.email),
  );
  const rows = parsed.rows.map((r) => ({ ...r, line: Number(/(\d+)$/.exec(r.detail)?.[1] ?? 0), already: already.has(r.email) }));
  const add = rows.filter((r) => !r.already).length;
  return {
    rows,
    rejected: parsed.rejected,
    counts: { add, already: rows.length - add, rejected: parsed.rejected.length },
    fingerprint: fingerprintOf(rows.map((r) => [r.email, r.reason])),
  };
}

/** Suppresses every valid row of the previewed file; already suppressed addresses keep their first reason. */
export async function importSuppressions(deps: { db: Db; now: Date }, text: string, fingerprint: string): Promise<{ done: true; added: number } | { done: false; plan: SuppressionImportPlan }> {
  return deps.db.transaction().execute(async (trx) => {
    const plan = await planSuppressionImport(trx, text);
    if (plan.fingerprint !== fingerprint) return { done: false as const, plan };
    const added = await insertSuppressions(
      trx,
      plan.rows.map((r) => ({ email: r.email, reason: r.reason, source: 'csv', detail: r.detail })),
      toDbTime(deps.now),
    );
    return { done: true as const, added };
  });
}

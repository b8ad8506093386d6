import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { toDbTime } from '../../platform/db/time.js';
import type { NewsletterSuppressionsTable } from './newsletters.table.js';
import { emailSchema } from './subscribe.service.js';

export type SuppressionReason = NewsletterSuppressionsTable['reason'];

/**
 * Never mail this address again. Idempotent (the first reason is kept); whatever is still queued for
 * the address in a running send is dropped at once.
 */
export async function suppressAddress(db: Db, s: { email: string; reason: SuppressionReason; source: string; detail: string }, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('newsletter_suppressions')
    .values({ email: s.email, reason: s.reason, source: s.source, detail: s.detail.slice(0, 500), created_at: toDbTime(now) })
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  await db.updateTable('newsletter_deliveries').set({ status: 'suppressed', error: s.reason }).where('email', '=', s.email).where('status', '=', 'queued').execute();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function isSuppressed(db: Db, email: string): Promise<boolean> {
  return !!(await db.selectFrom('newsletter_suppressions').select('email').where('email', '=', email).executeTakeFirst());
}

/**
 * What the bounce/complaint webhook accepts: one event or `{ events: [...] }`, each with a type and an
 * address. `hard_bounce`/`bounce` and `complaint`/`spam_complaint` cover what mail services call them;
 * a soft bounce is not a reason to stop mailing and is ignored.
 */
const bounceEvent = z.object({
  type: z.string().max(50).transform((t) => t.toLowerCase().replace(/[\s-]/g, '_')),
  email: emailSchema,
  detail: z.string().max(500).optional(),
});
export const bounceWebhookSchema = z.union([z.object({ events: z.array(bounceEvent).min(1).max(1000) }), bounceEvent.transform((e) => ({ events: [e] }))]);

export function reasonOfEvent(type: string): SuppressionReason | undefined {
  if (['bounce', 'hard_bounce', 'hardbounce', 'permanent_bounce', 'bounced'].includes(type)) return 'bounce';
  if (['complaint', 'spam_complaint', 'spamcomplaint', 'complained', 'spam'].includes(type)) return 'complaint';
  return undefined;
}

export interface CsvRowProblem {
  line: number;
  value: string;
  problem: 'invalid-email' | 'unknown-reason' | 'duplicate';
}

/**
 * Reads a suppression list: a CSV with an `email` column (or addresses in the first column) and an
 * optional `reason` (bounce, complaint; bounce by default). Returns the valid rows and each rejected one.
 */
export function parseSuppressionCsv(text: string): { rows: { email: string; reason: SuppressionReason; detail: string }[]; rejected: CsvRowProblem[] } {
  // With `info`, each record says the file line it ended on (csv-parse's types do not follow the option),
  // so a rejected row is named by its line in the file even after blank lines.
  const parsed = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const header = parsed[0]?.record.map((h) => h.toLowerCase()) ?? [];
  const hasHeader = header.includes('email');
  const emailCol = hasHeader ? header.indexOf('email') : 0;
  const reasonCol = hasHeader ? header.indexOf('reason') : -1;
  const rows: { email: string; reason: SuppressionReason; detail: string }[] = [];
  const rejected: CsvRowProblem[] = [];
  const seen = new Set<string>();
  for (const { record: rec, info } of parsed.slice(hasHeader ? 1 : 0)) {
    const line = info.lines;
    const raw = rec[emailCol] ?? '';
    const email = emailSchema.safeParse(raw);
    if (!email.success) {
      rejected.push({ line, value: raw, problem: 'invalid-email' });
      continue;
    }
    const reasonText = reasonCol >= 0 ? (rec[reasonCol] ?? '').toLowerCase().replace(/[\s-]/g, '_') : '';
    const reason = reasonText === '' ? 'bounce' : reasonOfEvent(reasonText);
    if (!reason) {
      rejected.push({ line, value: raw, problem: 'unknown-reason' });
      continue;
    }
    if (seen.has(email.data)) {
      rejected.push({ line, value: raw, problem: 'duplicate' });
      continue;
    }
    seen.add(email.data);
    rows.push({ email: email.data, reason, detail: `csv line ${line}` });
  }
  return { rows, rejected };
}

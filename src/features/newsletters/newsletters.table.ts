import type { Language } from '../../platform/i18n/i18n.js';

/**
 * A reader's address. `pending` until the confirmation link is followed (double opt-in); only
 * `active` subscribers are ever mailed. Rows are never deleted: an unsubscribe is a status, and the
 * consent records hang off the row.
 */
export interface NewsletterSubscribersTable {
  id: string;
  email: string;
  language: Language;
  status: 'pending' | 'active' | 'unsubscribed';
  /** The form (page path) or channel the address first came from: `/politics/…`, `import`. */
  source: string;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  /** When the last confirmation email went out, so a repeated signup does not flood the inbox. */
  confirmation_sent_at: string | null;
}

/** The lists a subscriber receives (`daily`, `breaking`, `weekly:<section id>`); see lists.ts. */
export interface NewsletterSubscriptionsTable {
  subscriber_id: string;
  list: string;
}

/** The consent record: every signup, confirmation, change and unsubscribe, with what was chosen. */
export interface NewsletterConsentsTable {
  id: string;
  subscriber_id: string;
  action: 'signup' | 'confirm' | 'change' | 'unsubscribe' | 'import';
  /** The form it came through: a page path, `preferences`, `one-click`, `admin-import`. */
  source: string;
  language: Language;
  /** JSON array of list keys chosen at that moment. */
  lists: string;
  created_at: string;
}

/** Addresses never mailed again: hard bounces, complaints, or marked by the newsroom. */
export interface NewsletterSuppressionsTable {
  email: string;
  reason: 'bounce' | 'complaint' | 'manual';
  /** `webhook`, `csv`, `smtp` (a permanent refusal while sending). */
  source: string;
  detail: string;
  created_at: string;
}

/** Fixed-window counters for signup throttling, per address and per client. */
export interface NewsletterThrottleTable {
  key: string;
  window_started_at: string;
  hits: number;
}

/** Secrets made on first use and shared by every instance: link signing, the bounce webhook. */
export interface NewsletterSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/**
 * One newsletter issue to one list in one language. `content` is JSON (issue-content.ts); when the
 * send starts the email is rendered once and frozen in `email_html` / `email_text`, so every
 * recipient, and every retry after a crash, gets the same message.
 */
export interface NewsletterIssuesTable {
  id: string;
  kind: 'daily' | 'weekly' | 'breaking' | 'manual';
  list: string;
  language: Language;
  subject: string;
  content: string;
  status: 'draft' | 'sending' | 'sent' | 'skipped';
  /** `daily:en:2026-12-04`: makes each scheduled digest at most once, whatever the number of workers. */
  dedupe_key: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  send_started_at: string | null;
  finished_at: string | null;
  email_html: string | null;
  email_text: string | null;
}

/** The outbox: one row per (issue, subscriber), written when the send starts. See README.md. */
export interface NewsletterDeliveriesTable {
  id: string;
  issue_id: string;
  subscriber_id: string;
  email: string;
  language: Language;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'suppressed';
  attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  /** 1 when a worker died holding this row: the server may have accepted it before the crash. */
  possible_repeat: number;
  smtp_response: string | null;
  error: string | null;
  sent_at: string | null;
}

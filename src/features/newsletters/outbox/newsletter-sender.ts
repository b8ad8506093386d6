import { hostname } from 'node:os';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db-schema.js';
import type { Clock } from '../../../platform/clock.js';
import { toDbTime } from '../../../platform/db/time.js';
import type { Language } from '../../../platform/i18n/i18n.js';
import type { Logger } from '../../../platform/log.js';
import { MailError, type Mailer, type RawMail } from '../../../platform/mail/mailer.js';
import { fillRecipientPlaceholders } from '../email/index.js';
import { PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER } from '../issue-content.js';
import { finishIssueIfDone } from '../issues.service.js';
import { preferencesTokenSigner } from '../link-tokens.js';
import { mailDomain, mailOrigin, preferencesUrl, unsubscribeUrl } from '../newsletter-links.js';
import { suppressAddress } from '../suppressions.service.js';
import { claimDeliveries, type ClaimedDelivery } from './claim-deliveries.js';
import { compileMessageTemplate, type MessageTemplate } from './message-template.js';
import { createRateLimiter } from './rate-limiter.js';

export interface SenderSettings {
  /** Messages one claim takes and sends at once: what a crash can leave in flight. */
  batchSize: number;
  /** Messages a second per worker; 0 for as fast as the server accepts them. */
  ratePerSecond: number;
  /** How long a claim holds its rows; must exceed the slowest batch (SMTP timeouts included). */
  leaseMs: number;
  /** Attempts before a temporarily failing address is given up (about a day with the backoff). */
  maxAttempts: number;
}

export type SenderDeps = {
  db: Db;
  database: { kind: 'sqlite' | 'postgres' };
  clock: Clock;
  mailer: Mailer;
  log: Logger;
  config: Pick<Config, 'publicUrl' | 'port' | 'mail'>;
};

/** 1 min, 2, 4, … capped at 2 hours: a full mailbox or a greylisting server gets time. */
export function deliveryRetryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 2 * 3600_000);
}

/** Permanent refusals that are about the address itself (no such user, mailbox unavailable). */
const ADDRESS_REFUSED = new Set([550, 551, 553]);

interface IssueTemplate {
  html: string;
  text: string;
  language: Language;
  message: MessageTemplate;
}

type Outcome = { d: ClaimedDelivery; ok: true; response: string } | { d: ClaimedDelivery; ok: false; error: MailError };

/**
 * The newsletter worker: claims a batch of due outbox rows, sends them (at the configured rate),
 * and records each SMTP answer. The protocol and its crash guarantees are in ../README.md.
 */
export function createNewsletterSender(deps: SenderDeps, settings: SenderSettings, workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`) {
  const log = deps.log.child({ component: 'newsletter-sender' });
  const limiter = createRateLimiter(settings.ratePerSecond);
  // Promises, so the messages of a batch that start together compile an issue's template once.
  const templates = new Map<string, Promise<IssueTemplate | undefined>>();
  const origin = mailOrigin(deps.config);
  const domain = mailDomain(deps.config);
  // The SMTP envelope wants the bare address of MAIL_FROM ("Arab Press <newsletter@…>").
  let signer: Promise<(subscriberId: string) => Promise<string>> | undefined;
  const envelopeFrom = /<([^<>]+)>\s*$/.exec(deps.config.mail.from)?.[1] ?? deps.config.mail.from;

  function template(issueId: string): Promise<IssueTemplate | undefined> {
    let t = templates.get(issueId);
    if (!t) {
      // A handful of issues are ever sending at once; forget old ones so a long-lived worker stays small.
      if (templates.size >= 20) templates.delete(templates.keys().next().value!);
      t = loadTemplate(issueId);
      templates.set(issueId, t);
      // A failed load (the database was away) is tried again by the next message, not remembered.
      t.catch(() => templates.delete(issueId));
    }
    return t;
  }

  async function loadTemplate(issueId: string): Promise<IssueTemplate | undefined> {
    const row = await deps.db.selectFrom('newsletter_issues').select(['subject', 'email_html', 'email_text', 'list', 'language']).where('id', '=', issueId).executeTakeFirst();
    if (!row?.email_html || row.email_text === null) return undefined;
    const listId = `<${row.list.replace(/[^A-Za-z0-9-]/g, '-')}.${row.language}.${domain}>`;
    return { html: row.email_html, text: row.email_text, language: row.language, message: await compileMessageTemplate({ from: deps.config.mail.from, subject: row.subject, listId }) };
  }

  function message(d: ClaimedDelivery, t: IssueTemplate, token: string): RawMail {
    const prefs = preferencesUrl(origin, t.language, token);
    const unsub = unsubscribeUrl(origin, t.language, token);
    const body = fillRecipientPlaceholders(t, { [PREFERENCES_PLACEHOLDER]: prefs, [UNSUBSCRIBE_PLACEHOLDER]: unsub });
    // Stable per (issue, subscriber): a copy sent again after a crash carries the same id, so
    // receiving systems and the send report can recognise it.
    const messageId = `<nl.${d.id.replace(':', '.')}@${domain}>`;
    return { from: envelopeFrom, to: d.email, messageId, raw: t.message.fill({ to: d.email, messageId, listUnsubscribe: `<${unsub}>`, text: body.text, html: body.html }) };
  }

  async function sendOne(d: ClaimedDelivery, sign: (id: string) => Promise<string>): Promise<Outcome> {
    try {
      const t = await template(d.issue_id);
      if (!t) return { d, ok: false, error: new MailError('issue has no rendered email', { permanent: true }) };
      const msg = message(d, t, await sign(d.subscriber_id));
      await limiter.take();
      const sent = await deps.mailer.sendRaw(msg);
      return { d, ok: true, response: sent.response };
    } catch (err) {
      return { d, ok: false, error: err instanceof MailError ? err : new MailError(String(err), { permanent: false, cause: err }) };
    }
  }

  /** Writes every outcome of a batch in one transaction, each fenced by this worker's claim. */
  async function record(outcomes: Outcome[]): Promise<void> {
    const now = deps.clock.now();
    const at = toDbTime(now);
    const bounced: { email: string; detail: string }[] = [];
    await deps.db.transaction().execute(async (trx) => {
      for (const o of outcomes) {
        const mine = trx.updateTable('newsletter_deliveries').where('id', '=', o.d.id).where('status', '=', 'sending').where('locked_by', '=', workerId);
        if (o.ok) {
          await mine.set({ status: 'sent', smtp_response: o.response.slice(0, 500), error: null, sent_at: at, locked_by: null, locked_until: null }).execute();
        } else if (o.error.permanent || o.d.attempts >= settings.maxAttempts) {
          await mine.set({ status: 'failed', error: o.error.message.slice(0, 500), smtp_response: o.error.responseCode ? String(o.error.responseCode) : null, locked_by: null, locked_until: null }).execute();
          if (o.error.permanent && o.error.responseCode && ADDRESS_REFUSED.has(o.error.responseCode)) bounced.push({ email: o.d.email, detail: o.error.message });
        } else {
          await mine.set({ status: 'queued', error: o.error.message.slice(0, 500), run_at: toDbTime(new Date(now.getTime() + deliveryRetryDelayMs(o.d.attempts))), locked_by: null, locked_until: null }).execute();
        }
      }
    });
    for (const b of bounced) await suppressAddress(deps.db, { email: b.email, reason: 'bounce', source: 'smtp', detail: b.detail }, now);
  }

  /** Claims, sends and records one batch; returns how many rows it took. */
  async function runBatch(): Promise<number> {
    const now = deps.clock.now();
    const claimed = await claimDeliveries(deps.db, deps.database.kind, { workerId, limit: settings.batchSize, leaseMs: settings.leaseMs, now });
    if (!claimed.length) return 0;
    // The signing key never changes once made: read it once per sender, not once per batch.
    signer ??= preferencesTokenSigner(deps.db, now).catch((err: unknown) => {
      signer = undefined;
      throw err;
    });
    const sign = await signer;
    const outcomes = await Promise.all(claimed.map((d) => sendOne(d, sign)));
    await record(outcomes);
    const failed = outcomes.filter((o) => !o.ok).length;
    log.debug({ claimed: claimed.length, failed }, 'newsletter batch sent');
    for (const issueId of new Set(claimed.map((d) => d.issue_id))) {
      if (await finishIssueIfDone(deps, issueId)) log.info({ issueId }, 'newsletter issue sent');
    }
    return claimed.length;
  }

  /** Issues whose rows are all settled (or that had no recipient at all) are marked sent. */
  async function finishSettledIssues(): Promise<void> {
    const sending = await deps.db.selectFrom('newsletter_issues').select('id').where('status', '=', 'sending').execute();
    for (const { id } of sending) {
      if (await finishIssueIfDone(deps, id)) log.info({ issueId: id }, 'newsletter issue sent');
    }
  }

  let running: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;

  return {
    workerId,
    runBatch,
    /** Tests and one-off runs: sends until nothing is due now; returns how many rows were taken. */
    async runUntilIdle(): Promise<number> {
      let total = 0;
      for (let n = await runBatch(); n > 0; n = await runBatch()) total += n;
      await finishSettledIssues();
      return total;
    },
    /** Polls: a full batch is followed at once by the next; otherwise waits `pollMs`. */
    start(opts: { pollMs: number; onIdle?: () => Promise<void> }) {
      stopping = false;
      running = (async () => {
        while (!stopping) {
          let n = 0;
          try {
            n = await runBatch();
            if (n < settings.batchSize) {
              await finishSettledIssues();
              await opts.onIdle?.();
            }
          } catch (err) {
            log.error({ err }, 'newsletter sender failed; trying again shortly');
          }
          if (n < settings.batchSize && !stopping) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, opts.pollMs)));
        }
      })();
    },
    /** Lets the batch in flight finish and record, then stops. */
    async stop(): Promise<void> {
      stopping = true;
      wake?.();
      await running;
    },
  };
}

export type NewsletterSender = ReturnType<typeof createNewsletterSender>;

import type { Db } from '../../db-schema.js';
import { newId } from '../../platform/db/ids.js';
import { fromDbTime, toDbTime } from '../../platform/db/time.js';
import { countAuditRows, insertAuditRow, listAuditRows } from './audit.repo.js';

/** Actions worth a permanent record of who did them. */
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'sign-out-everywhere'
  | 'password-reset-requested'
  | 'password-changed'
  | 'two-factor-enabled'
  | 'two-factor-disabled'
  | 'staff-created'
  | 'role-changed'
  | 'staff-disabled'
  | 'staff-enabled'
  | 'article-created'
  | 'article-published'
  | 'article-scheduled'
  | 'article-unpublished'
  | 'article-deleted'
  | 'article-submitted'
  | 'correction-added'
  | 'settings-changed'
  | 'media-uploaded'
  | 'media-deleted'
  | 'integration-created'
  | 'integration-deleted'
  | 'webhook-created'
  | 'webhook-deleted'
  | 'newsletter-subscriber-unsubscribed'
  | 'newsletter-subscribers-exported'
  | 'newsletter-subscribers-imported'
  | 'newsletter-suppression-added'
  | 'newsletter-suppressions-imported'
  | 'newsletter-test-sent'
  | 'newsletter-send-started'
  | 'newsletter-breaking-sent';

export interface AuditActor {
  userId: string | null;
  label: string; // email, or "system" / "cli"
  ip: string;
}

export async function recordAudit(
  db: Db,
  actor: AuditActor,
  action: AuditAction,
  subject: { type: string; id: string },
  details: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await insertAuditRow(db, {
    id: newId(),
    actor_user_id: actor.userId,
    actor_label: actor.label,
    action,
    subject_type: subject.type,
    subject_id: subject.id,
    details: JSON.stringify(details),
    ip: actor.ip,
    created_at: toDbTime(now),
  });
}

export interface AuditEntry {
  id: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
  ip: string;
  createdAt: Date;
}

export async function listAudit(db: Db, page: number, perPage = 50): Promise<{ items: AuditEntry[]; total: number }> {
  const [rows, total] = await Promise.all([listAuditRows(db, perPage, (page - 1) * perPage), countAuditRows(db)]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      actorLabel: r.actor_label,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
      ip: r.ip,
      createdAt: fromDbTime(r.created_at),
    })),
  };
}

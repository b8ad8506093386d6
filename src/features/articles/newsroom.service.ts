import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import type { StaffRole } from '../../http/access.js';
import { newId } from '../../platform/db/ids.js';
import { fromDbTime, toDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import type { ArticleStatus } from './article.js';
import * as repo from './articles.repo.js';
import { articleInputSchema, createArticle, publishArticle, unpublishArticle, updateArticle, type ArticleDeps, type ArticleInput } from './articles.service.js';
import * as newsroom from './newsroom.repo.js';
import { canEdit, canTransition, TRANSITIONS, type Transition } from './workflow.js';

export interface NewsroomActor {
  /** Null for an integration writing through the Admin API (its name is the label). */
  userId: string | null;
  label: string;
  role: StaffRole;
  sessionId: string;
  ip: string;
}

/** Job scheduling is given by the caller (the jobs platform), so this file stays free of it. */
export interface Scheduler {
  schedulePublish(db: Db, articleId: string, at: Date): Promise<void>;
  cancelPublish(db: Db, articleId: string): Promise<void>;
}

export interface NewsroomDeps extends ArticleDeps {
  scheduler: Scheduler;
}

/** A lock is held while its holder's editor keeps sending heartbeats; a silent one lapses. */
export const LOCK_LAPSE_MS = 90_000;

async function loadForStaff(db: Db, id: string) {
  const row = await repo.findArticleRowById(db, id);
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', 404, 'error.notFound');
  return row;
}

/** The article as an input the editor can show and a revision can store. */
export async function currentArticleInput(db: Db, id: string): Promise<ArticleInput & { body: unknown }> {
  const row = await loadForStaff(db, id);
  const [tags, bylines, section] = await Promise.all([
    repo.findTagRowsForArticle(db, id),
    repo.findBylineRowsForArticle(db, id),
    db.selectFrom('sections').select('slug').where('id', '=', row.section_id).executeTakeFirstOrThrow(),
  ]);
  return {
    language: row.language,
    headline: row.headline,
    standfirst: row.standfirst,
    body: JSON.parse(row.body_doc) as unknown,
    sectionSlug: section.slug,
    slug: row.slug,
    tagSlugs: tags.map((t) => t.slug),
    bylines: bylines.map((b) => (b.person_slug ? { personSlug: b.person_slug } : { name: b.external_name ?? '' })),
    featuredImage: row.featured_media_id ? { mediaId: row.featured_media_id, caption: row.featured_caption, credit: row.featured_credit, alt: row.featured_alt } : null,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    canonicalUrl: row.canonical_url,
  };
}

async function addRevision(db: Db, articleId: string, actor: { userId: string | null; label: string }, kind: 'autosave' | 'save' | 'status' | 'restore', status: ArticleStatus, now: Date): Promise<number> {
  const snapshot = JSON.stringify(await currentArticleInput(db, articleId));
  const last = await newsroom.latestRevision(db, articleId);
  // Autosaves while someone types collapse into one revision a minute, so history stays readable.
  if (kind === 'autosave' && last?.kind === 'autosave' && last.user_id === actor.userId && now.getTime() - fromDbTime(last.created_at).getTime() < 60_000) {
    await newsroom.updateRevisionRow(db, last.id, { snapshot, created_at: toDbTime(now), status });
    return last.number;
  }
  const number = (last?.number ?? 0) + 1;
  await newsroom.insertRevisionRow(db, { id: newId(), article_id: articleId, number, user_id: actor.userId, author_label: actor.label, kind, status, snapshot, created_at: toDbTime(now) });
  return number;
}

export async function createDraft(deps: NewsroomDeps, actor: NewsroomActor, input: ArticleInput): Promise<{ id: string; revision: number }> {
  const { id } = await createArticle(deps, input);
  const now = deps.clock.now();
  await repo.updateArticleRow(deps.db, id, { created_by_user_id: actor.userId });
  const revision = await addRevision(deps.db, id, actor, 'save', 'draft', now);
  await recordAudit(deps.db, actor, 'article-created', { type: 'article', id }, { headline: input.headline }, now);
  return { id, revision };
}

/** The article if this person may change it (workflow.canEdit): 404 when it does not exist, 403 when not theirs to edit. */
export async function findEditableArticle(db: Db, actor: Pick<NewsroomActor, 'userId' | 'role'>, id: string) {
  const row = await loadForStaff(db, id);
  if (!canEdit(actor.role, actor.userId !== null && row.created_by_user_id === actor.userId, row.status)) throw new AppError('ARTICLE_EDIT_FORBIDDEN', 403, 'admin.forbidden');
  return row;
}

/** Refuses a save from anyone but the lock holder while the lock is live. */
async function assertMayWrite(deps: NewsroomDeps, actor: NewsroomActor, id: string) {
  const row = await findEditableArticle(deps.db, actor, id);
  const lock = await newsroom.findLockRow(deps.db, id);
  if (lock && lock.session_id !== actor.sessionId && deps.clock.now().getTime() - fromDbTime(lock.heartbeat_at).getTime() < LOCK_LAPSE_MS) {
    throw new AppError('ARTICLE_LOCKED', 409, 'admin.article.lockedBy', { holder: lock.user_label });
  }
  return row;
}

/**
 * Refuses a save made from an older version than the latest, when that latest one is someone else's
 * (the lock lapsed while this person was offline and another took over, say): their text would be
 * overwritten unseen. `overwrite` saves anyway, as a new revision, so theirs stays in the history.
 * Saves by the same person (another tab, a status change they made) are not a conflict.
 */
async function assertNotStale(db: Db, actor: NewsroomActor, id: string, baseRevision: number | undefined): Promise<void> {
  if (baseRevision === undefined) return;
  const latest = await newsroom.latestRevision(db, id);
  if (latest && latest.number > baseRevision && latest.user_id !== actor.userId) {
    throw new AppError('ARTICLE_CONFLICT', 409, 'admin.article.conflict', { revision: latest.number, by: latest.author_label, savedAt: latest.created_at });
  }
}

/** Saves the editor's content (autosave or an explicit save) and records a revision. */
export async function saveArticle(
  deps: NewsroomDeps,
  actor: NewsroomActor,
  id: string,
  input: ArticleInput,
  kind: 'autosave' | 'save',
  options: { baseRevision?: number; overwrite?: boolean } = {},
): Promise<{ revision: number; savedAt: Date }> {
  const row = await assertMayWrite(deps, actor, id);
  if (!options.overwrite) await assertNotStale(deps.db, actor, id, options.baseRevision);
  await updateArticle(deps, id, input);
  const now = deps.clock.now();
  const revision = await addRevision(deps.db, id, actor, kind, row.status, now);
  return { revision, savedAt: now };
}

export async function applyTransition(deps: NewsroomDeps, actor: NewsroomActor, id: string, transition: Transition, opts: { at?: Date } = {}): Promise<ArticleStatus> {
  const row = await loadForStaff(deps.db, id);
  if (!canTransition(transition, actor.role, actor.userId !== null && row.created_by_user_id === actor.userId, row.status)) {
    throw new AppError('TRANSITION_FORBIDDEN', 403, 'admin.article.transitionForbidden', { transition, from: row.status });
  }
  const now = deps.clock.now();
  const to = TRANSITIONS[transition].to;
  if (transition === 'publish') {
    await deps.scheduler.cancelPublish(deps.db, id);
    // `at` in the past: a story moved here from elsewhere keeps its first publication time.
    await publishArticle(deps, id, opts.at && opts.at.getTime() <= now.getTime() ? opts.at : undefined);
    await repo.updateArticleRow(deps.db, id, { scheduled_at: null });
  } else if (transition === 'unpublish') {
    await unpublishArticle(deps, id);
  } else if (transition === 'schedule') {
    const at = opts.at;
    if (!at || at.getTime() <= now.getTime()) throw new AppError('SCHEDULE_IN_PAST', 422, 'admin.article.scheduleInPast');
    await deps.db.transaction().execute(async (trx) => {
      await repo.updateArticleRow(trx, id, { status: 'scheduled', scheduled_at: toDbTime(at), updated_at: toDbTime(now) });
      // Enqueued in the same transaction: the article is scheduled if and only if its job exists.
      await deps.scheduler.schedulePublish(trx, id, at);
    });
  } else {
    await deps.db.transaction().execute(async (trx) => {
      if (transition === 'unschedule') await deps.scheduler.cancelPublish(trx, id);
      await repo.updateArticleRow(trx, id, { status: to, scheduled_at: null, updated_at: toDbTime(now) });
    });
  }
  await addRevision(deps.db, id, actor, 'status', to, now);
  const action = ({ publish: 'article-published', unpublish: 'article-unpublished', schedule: 'article-scheduled', submit: 'article-submitted' } as const)[transition as 'publish'];
  if (action) await recordAudit(deps.db, actor, action, { type: 'article', id }, { from: row.status, to, at: opts.at?.toISOString() }, now);
  return to;
}

/**
 * Run by the job when a scheduled time comes (or on start, if it passed while the server was down).
 * Safe to run twice: anything but a still-scheduled, due article is left alone.
 */
export async function publishScheduledArticle(deps: ArticleDeps, id: string): Promise<boolean> {
  const row = await repo.findArticleRowById(deps.db, id);
  if (!row || row.status !== 'scheduled' || !row.scheduled_at) return false;
  const at = fromDbTime(row.scheduled_at);
  if (at > deps.clock.now()) return false;
  await publishArticle(deps, id, at);
  await repo.updateArticleRow(deps.db, id, { scheduled_at: null });
  await addRevision(deps.db, id, { userId: null, label: 'schedule' }, 'status', 'published', deps.clock.now());
  await recordAudit(deps.db, { userId: null, label: 'schedule', ip: 'local' }, 'article-published', { type: 'article', id }, { scheduledFor: row.scheduled_at }, deps.clock.now());
  return true;
}

export interface RevisionSummary {
  number: number;
  kind: string;
  status: ArticleStatus;
  authorLabel: string;
  createdAt: Date;
}

export async function listRevisions(db: Db, articleId: string): Promise<RevisionSummary[]> {
  return (await newsroom.listRevisionRows(db, articleId)).map((r) => ({ number: r.number, kind: r.kind, status: r.status, authorLabel: r.author_label, createdAt: fromDbTime(r.created_at) }));
}

export async function revisionSnapshot(db: Db, articleId: string, number: number): Promise<ArticleInput & { body: unknown }> {
  const row = await newsroom.findRevisionRow(db, articleId, number);
  if (!row) throw new AppError('REVISION_NOT_FOUND', 404, 'error.notFound');
  return JSON.parse(row.snapshot) as ArticleInput & { body: unknown };
}

/** Puts an old revision's content back (as a new revision: history only grows). */
export async function restoreRevision(deps: NewsroomDeps, actor: NewsroomActor, id: string, number: number): Promise<number> {
  const snapshot = await revisionSnapshot(deps.db, id, number);
  await assertMayWrite(deps, actor, id);
  await updateArticle(deps, id, articleInputSchema.parse(snapshot));
  const row = await loadForStaff(deps.db, id);
  return addRevision(deps.db, id, actor, 'restore', row.status, deps.clock.now());
}

export type LockState = { held: true } | { held: false; holder: string; since: Date };

/** Takes (or keeps) the editing lock; someone else's live lock is reported unless taking over. */
export async function acquireLock(deps: NewsroomDeps, actor: NewsroomActor & { userId: string }, id: string, takeOver: boolean): Promise<LockState> {
  await loadForStaff(deps.db, id);
  const now = deps.clock.now();
  const lock = await newsroom.findLockRow(deps.db, id);
  const live = lock && now.getTime() - fromDbTime(lock.heartbeat_at).getTime() < LOCK_LAPSE_MS;
  if (lock && live && lock.session_id !== actor.sessionId && !takeOver) return { held: false, holder: lock.user_label, since: fromDbTime(lock.acquired_at) };
  if (lock?.session_id === actor.sessionId && live) {
    await newsroom.touchLockRow(deps.db, id, actor.sessionId, toDbTime(now));
    return { held: true };
  }
  await newsroom.upsertLockRow(deps.db, { article_id: id, user_id: actor.userId, user_label: actor.label, session_id: actor.sessionId, acquired_at: toDbTime(now), heartbeat_at: toDbTime(now) });
  return { held: true };
}

export async function releaseLock(deps: NewsroomDeps, actor: NewsroomActor, id: string): Promise<void> {
  await newsroom.deleteLockRow(deps.db, id, actor.sessionId);
}

export const scheduleSchema = z.object({ at: z.coerce.date() });

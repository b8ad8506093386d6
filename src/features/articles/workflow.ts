import { roleAtLeast, type StaffRole } from '../../http/access.js';
import type { ArticleStatus } from './article.js';

/**
 * The publishing workflow: draft → in review → scheduled or published → unpublished.
 * Each move names the statuses it starts from, where it goes, and the least role that may make it
 * on one's own article and on anyone's.
 */
export const TRANSITIONS = {
  submit: { from: ['draft'], to: 'in_review', own: 'contributor', any: 'editor' },
  withdraw: { from: ['in_review'], to: 'draft', own: 'contributor', any: 'editor' },
  publish: { from: ['draft', 'in_review', 'scheduled', 'unpublished'], to: 'published', own: 'author', any: 'editor' },
  schedule: { from: ['draft', 'in_review', 'unpublished'], to: 'scheduled', own: 'author', any: 'editor' },
  unschedule: { from: ['scheduled'], to: 'draft', own: 'author', any: 'editor' },
  unpublish: { from: ['published'], to: 'unpublished', own: 'author', any: 'editor' },
  redraft: { from: ['unpublished'], to: 'draft', own: 'author', any: 'editor' },
} as const satisfies Record<string, { from: readonly ArticleStatus[]; to: ArticleStatus; own: StaffRole; any: StaffRole }>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

export function canTransition(t: Transition, role: StaffRole, isOwn: boolean, from: ArticleStatus): boolean {
  const rule = TRANSITIONS[t];
  return (rule.from as readonly ArticleStatus[]).includes(from) && roleAtLeast(role, isOwn ? rule.own : rule.any);
}

/** The moves a person may make on an article now, for the buttons the editor shows. */
export function availableTransitions(role: StaffRole, isOwn: boolean, from: ArticleStatus): Transition[] {
  return TRANSITION_NAMES.filter((t) => canTransition(t, role, isOwn, from));
}

/**
 * Who may change an article's text: a contributor only their own, and only before it is published
 * (an editor takes it from there); an author their own at any stage; editors any article.
 */
export function canEdit(role: StaffRole, isOwn: boolean, status: ArticleStatus): boolean {
  if (roleAtLeast(role, 'editor')) return true;
  if (!isOwn) return false;
  if (roleAtLeast(role, 'author')) return true;
  return status === 'draft' || status === 'in_review';
}

/** Corrections are an editor's call. */
export function canCorrect(role: StaffRole): boolean {
  return roleAtLeast(role, 'editor');
}

import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../http/access.js';
import { ARTICLE_STATUSES } from './article.js';
import { availableTransitions, canEdit, canTransition, TRANSITIONS } from './workflow.js';

describe('workflow rules', () => {
  it('lets a contributor submit and withdraw their own draft but never publish or schedule', () => {
    expect(availableTransitions('contributor', true, 'draft')).toEqual(['submit']);
    expect(availableTransitions('contributor', true, 'in_review')).toEqual(['withdraw']);
    expect(canTransition('publish', 'contributor', true, 'in_review')).toBe(false);
    expect(canTransition('schedule', 'contributor', true, 'draft')).toBe(false);
    expect(availableTransitions('contributor', false, 'draft')).toEqual([]);
  });

  it('lets an author publish, schedule and unpublish their own articles only', () => {
    expect(canTransition('publish', 'author', true, 'draft')).toBe(true);
    expect(canTransition('publish', 'author', false, 'draft')).toBe(false);
    expect(canTransition('unpublish', 'author', true, 'published')).toBe(true);
    expect(canTransition('unpublish', 'author', false, 'published')).toBe(false);
  });

  it('lets editors and above move any article', () => {
    for (const role of ['editor', 'admin', 'owner'] as const) {
      expect(canTransition('publish', role, false, 'in_review')).toBe(true);
      expect(canTransition('schedule', role, false, 'draft')).toBe(true);
      expect(canTransition('unpublish', role, false, 'published')).toBe(true);
    }
  });

  it('refuses every move from a status it does not start from, for every role', () => {
    for (const [name, rule] of Object.entries(TRANSITIONS)) {
      for (const status of ARTICLE_STATUSES.filter((s) => !(rule.from as readonly string[]).includes(s))) {
        for (const role of STAFF_ROLES) expect(canTransition(name as keyof typeof TRANSITIONS, role, true, status), `${name} from ${status} as ${role}`).toBe(false);
      }
    }
  });

  it('lets contributors edit only their own unpublished work', () => {
    expect(canEdit('contributor', true, 'draft')).toBe(true);
    expect(canEdit('contributor', true, 'published')).toBe(false);
    expect(canEdit('contributor', false, 'draft')).toBe(false);
    expect(canEdit('author', true, 'published')).toBe(true);
    expect(canEdit('author', false, 'draft')).toBe(false);
    expect(canEdit('editor', false, 'published')).toBe(true);
  });
});

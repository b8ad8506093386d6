import type { Db } from '../../db-schema.js';
import { articleRecordsByIds, type ArticleRecord } from '../articles/index.js';
import { listPeople } from '../people/index.js';
import { listTags } from '../tags/index.js';
import { serializePost } from './serializers.js';

/** Ghost knows draft, scheduled and published; our in-review and unpublished stories are drafts there. */
const ghostStatus = (r: ArticleRecord) => (r.status === 'published' || r.status === 'scheduled' ? r.status : 'draft');

/**
 * Posts as the Admin API shows them (and webhooks send them): the Content API's post with its status,
 * ours beside it (`workflow_status`), and the exact stored times. Unlike the Content API, Ghost's Admin
 * API always includes tags and authors.
 */
export async function adminPostViews(db: Db, records: ArticleRecord[], origin: string, formats: Set<'html' | 'plaintext'> = new Set(['html'])): Promise<Record<string, unknown>[]> {
  const [tags, people] = await Promise.all([listTags(db), listPeople(db)]);
  const extras = { tags: new Map(tags.map((t) => [t.id, t])), people: new Map(people.map((p) => [p.id, p])), formats };
  return records.map((r) => ({
    ...serializePost(r.page, origin, extras),
    status: ghostStatus(r),
    workflow_status: r.status,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    published_at: (r.status === 'scheduled' ? r.scheduledAt : r.publishedAt)?.toISOString() ?? null,
  }));
}

/** A webhook's body for a post event, in Ghost's shape: `{ post: { current: {…} } }`. */
export async function postEventBody(db: Db, articleId: string, origin: string): Promise<unknown> {
  const [view] = await adminPostViews(db, await articleRecordsByIds(db, [articleId]), origin);
  return { post: { current: view ?? { id: articleId } } };
}

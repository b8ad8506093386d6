import { z } from 'zod';
import type { AppContext } from '../../http/access.js';
import type { ArticleOrder } from '../articles/index.js';
import { GhostApiError } from './ghost-errors.js';

/** The browse parameters both Ghost APIs share: filter, include, fields, formats, limit, page, order. */
export const MAX_LIMIT = 100;

export const browseSchema = z.object({
  filter: z.string().max(2000).optional(),
  include: z.string().max(200).optional(),
  fields: z.string().max(500).optional(),
  formats: z.string().max(50).optional(),
  limit: z.union([z.literal('all'), z.coerce.number().int().min(1)]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  order: z.string().max(200).optional(),
});
export type Browse = z.infer<typeof browseSchema>;

const ORDERABLE: Record<string, ArticleOrder[number]['column']> = { published_at: 'published_at', updated_at: 'updated_at', created_at: 'created_at', title: 'headline', slug: 'slug' };

export function parseOrder(order: string | undefined): ArticleOrder {
  if (!order) return [{ column: 'published_at', direction: 'desc' }];
  return order.split(',').map((part) => {
    const [field = '', dir = 'asc'] = part.trim().split(/\s+/);
    const column = ORDERABLE[field];
    if (!column || !/^(asc|desc)$/i.test(dir)) throw new GhostApiError(400, 'BadRequestError', 'Invalid order', `Cannot order by "${part.trim()}".`);
    return { column, direction: dir.toLowerCase() as 'asc' | 'desc' };
  });
}

export function readBrowse(c: AppContext): Browse {
  const parsed = browseSchema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GhostApiError(400, 'BadRequestError', `Validation error, cannot read ${String(issue.path[0] ?? 'query')}.`, issue.message);
  }
  return parsed.data;
}

export function pagination(page: number, limit: number | 'all', total: number) {
  const per = limit === 'all' ? Math.max(total, 1) : limit;
  const pages = Math.max(1, Math.ceil(total / per));
  return { page, limit, pages, total, next: page < pages ? page + 1 : null, prev: page > 1 ? page - 1 : null };
}

/** Only the requested `fields` of each object (Ghost's `fields=title,url`), or the whole object. */
export function pick<T extends Record<string, unknown>>(items: T[], fields: string | undefined): Record<string, unknown>[] {
  if (!fields) return items;
  const keep = fields.split(',').map((f) => f.trim()).filter(Boolean);
  return items.map((item) => Object.fromEntries(keep.filter((k) => k in item).map((k) => [k, item[k]])));
}


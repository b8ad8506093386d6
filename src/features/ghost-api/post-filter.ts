import { parse } from '@tryghost/nql-lang';
import type { Expression, SqlBool } from 'kysely';
import type { ArticleCondition } from '../articles/index.js';
import { GhostApiError } from './ghost-errors.js';

/**
 * Ghost's `filter` (NQL, parsed by Ghost's own @tryghost/nql-lang into Mongo-style JSON) turned into a
 * condition on published articles. The fields are Ghost's, plus our `language` and `section`:
 *   id, uuid, slug, title, featured, visibility, status, published_at, updated_at, created_at,
 *   tag / tags / primary_tag (tag slugs), author / authors / primary_author (author slugs),
 *   language (en|ar), section (section slug).
 * Anything else is a 400 naming the field, as Ghost answers.
 */
type Node = Record<string, unknown>;
type Eb = Parameters<ArticleCondition>[0];
type Op = '=' | '!=' | '>' | '>=' | '<' | '<=';

const COMPARE: Record<string, Op> = { $ne: '!=', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };
const COLUMNS = { id: 'a.id', uuid: 'a.id', slug: 'a.slug', title: 'a.headline', language: 'a.language', published_at: 'a.published_at', updated_at: 'a.updated_at', created_at: 'a.created_at' } as const;
const DATES = new Set(['published_at', 'updated_at', 'created_at']);
const FIXED = { featured: 'false', visibility: 'public', status: 'published' } as const;

export function parseFilter(filter: string | undefined): ArticleCondition {
  if (!filter) return (eb) => eb.lit(true);
  let tree: Node;
  try {
    tree = parse(filter) as Node;
  } catch {
    throw new GhostApiError(400, 'BadRequestError', 'Error parsing filter', `Could not read the filter "${filter}".`);
  }
  return (eb) => condition(eb, tree);
}

/** An NQL date ('2024-04-01', '2024-04-01 10:00:00') as our stored ISO text. */
function dateValue(v: unknown): string {
  const d = new Date(/^\d{4}-\d\d-\d\d$/.test(String(v)) ? `${String(v)}T00:00:00Z` : `${String(v).replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(String(v)) ? '' : 'Z'}`);
  if (Number.isNaN(d.getTime())) throw new GhostApiError(400, 'BadRequestError', 'Invalid date in filter', `"${String(v)}" is not a date.`);
  return d.toISOString();
}

function condition(eb: Eb, node: Node): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$and') parts.push(eb.and((value as Node[]).map((n) => condition(eb, n))));
    else if (key === '$or') parts.push(eb.or((value as Node[]).map((n) => condition(eb, n))));
    else parts.push(field(eb, key, value));
  }
  return parts.length === 1 ? parts[0]! : eb.and(parts);
}

function field(eb: Eb, name: string, value: unknown): Expression<SqlBool> {
  const ops: [string, unknown][] = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Node) : [['$eq', value]];
  return eb.and(ops.map(([op, v]) => one(eb, name, op, v)));
}

function one(eb: Eb, name: string, op: string, v: unknown): Expression<SqlBool> {
  const list = op === '$in' || op === '$nin' ? (v as unknown[]).map(String) : null;
  const negate = op === '$ne' || op === '$nin';
  if (op === '$regex' || op === '$not') throw new GhostApiError(400, 'BadRequestError', 'Unsupported filter', `The ~ operators are not supported on "${name}".`);
  const values = list ?? [String(v)];
  const membership = (e: Expression<SqlBool>) => (negate ? eb.not(e) : e);
  if (name in COLUMNS) {
    const column = COLUMNS[name as keyof typeof COLUMNS];
    if (DATES.has(name)) return eb(column, op === '$eq' ? '=' : (COMPARE[op] ?? '='), dateValue(v));
    if (list) return membership(eb(column, 'in', list.length ? list : ['']));
    return eb(column, op === '$eq' ? '=' : (COMPARE[op] ?? '='), String(v));
  }
  switch (name) {
    // Fixed for every story here: none is "featured", all are public and published.
    case 'featured':
    case 'visibility':
    case 'status':
      return eb.lit(values.includes(FIXED[name]) !== negate);
    case 'section':
      return membership(eb.exists(eb.selectFrom('sections as s').select('s.id').whereRef('s.id', '=', 'a.section_id').where('s.slug', 'in', values)));
    case 'tag':
    case 'tags':
    case 'primary_tag':
      return membership(
        eb.exists(
          eb.selectFrom('article_tags as t').innerJoin('tags as tg', 'tg.id', 't.tag_id').select('t.article_id').whereRef('t.article_id', '=', 'a.id').where('tg.slug', 'in', values).$if(name === 'primary_tag', (q) => q.where('t.position', '=', 0)),
        ),
      );
    case 'author':
    case 'authors':
    case 'primary_author':
      return membership(
        eb.exists(
          eb.selectFrom('article_bylines as b').innerJoin('people as p', 'p.id', 'b.person_id').select('b.article_id').whereRef('b.article_id', '=', 'a.id').where('p.slug', 'in', values).$if(name === 'primary_author', (q) => q.where('b.position', '=', 0)),
        ),
      );
    default:
      throw new GhostApiError(400, 'BadRequestError', 'Invalid filter', `"${name}" is not a field that can be filtered on.`);
  }
}

import { pathParam, publicRoute, type AppContext, type HttpMethod, type RouteDef } from '../../http/access.js';
import { clientInfo } from '../../http/client.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db-schema.js';
import type { Clock } from '../../platform/clock.js';
import {
  applyTransition,
  articleRecordsByIds,
  browseArticleIds,
  createDraft,
  currentArticleInput,
  saveArticle,
  type ArticleCondition,
  type ArticleRecord,
  type NewsroomActor,
  type NewsroomDeps,
} from '../articles/index.js';
import { markIntegrationUsed, type Integration } from '../integrations/index.js';
import { findMediaImage, mediaUrl, MEDIA_MAX_UPLOAD_BYTES, uploadImage } from '../media/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { SITE_LOGO, sitePaths } from '../site/index.js';
import { createTag, listTags, newTagSchema, renameTag } from '../tags/index.js';
import { createWebhook, deleteWebhook, updateWebhook, type Webhook } from '../webhooks/index.js';
import { integrationFromToken } from './admin-token.js';
import { MAX_LIMIT, pagination, parseOrder, pick, readBrowse } from './api-params.js';
import { GHOST_FIELD, newTagSlug, postInputSchema, toArticleInput, type PostInput } from './admin-posts.js';
import { asGhostError, ghostErrorResponse, GhostApiError } from './ghost-errors.js';
import { htmlToDocument } from './html-to-document.js';
import { parseFilter } from './post-filter.js';
import { serializeTag } from './serializers.js';
import { adminPostViews } from './admin-post-view.js';

/**
 * The Admin API, following Ghost's (v5) so that Ghost's own client, @tryghost/admin-api, creates,
 * updates, publishes and unpublishes our articles: paths under /ghost/api/admin/, a short-lived JWT
 * signed with an integration's admin key, `?source=html`, `updated_at` checked against overwriting a
 * newer edit, Ghost's error shape. An integration writes with an editor's rights through the same
 * newsroom services as the editor: revisions, the audit log, editing locks and the workflow apply.
 */
const BASE = '/ghost/api/admin';

export interface AdminApiDeps extends NewsroomDeps {
  config: Config;
  mediaDir: string;
  clock: Clock;
}

export function adminApiRoutes(deps: AdminApiDeps): RouteDef[] {
  const origin = (c: AppContext) => deps.config.publicUrl ?? new URL(c.req.url).origin;
  const db: Db = deps.db;

  const actorFor = (c: AppContext, integration: Integration): NewsroomActor => ({
    userId: null,
    label: `integration: ${integration.name}`,
    role: 'editor',
    sessionId: `integration:${integration.id}`,
    ip: clientInfo(c, deps.config.trustProxy).ip,
  });

  const route = (method: HttpMethod, path: string, handler: (c: AppContext, integration: Integration) => Promise<Response>) =>
    // Public to the staff guard: the handler demands the integration's signed token before anything else.
    publicRoute(method, `${BASE}${path}`, async (c) => {
      try {
        c.header('Content-Version', 'v5.0');
        c.header('Cache-Control', 'no-store');
        const integration = await integrationFromToken(db, c.req.header('authorization'), deps.clock.now());
        await markIntegrationUsed(db, integration, deps.clock.now());
        return await handler(c, integration);
      } catch (err) {
        const ghost = asGhostError(err, (f) => GHOST_FIELD[f] ?? f);
        if (ghost) return ghostErrorResponse(c, ghost);
        throw err;
      }
    });

  const serialize = (c: AppContext, records: ArticleRecord[]) =>
    adminPostViews(db, records, origin(c), new Set((c.req.query('formats') ?? 'html').split(',').map((s) => s.trim()).filter((f): f is 'html' | 'plaintext' => f === 'html' || f === 'plaintext')));

  async function readPost(c: AppContext, where: ArticleCondition): Promise<ArticleRecord> {
    const { ids } = await browseArticleIds(db, 'any', where, [{ column: 'created_at', direction: 'desc' }], 1, 0);
    const [record] = await articleRecordsByIds(db, ids);
    if (!record) throw new GhostApiError(404, 'NotFoundError', 'Resource not found error, cannot read post.', 'Post not found.');
    return record;
  }

  /** The posts in the body (`{ posts: [ {...} ] }`), validated. */
  async function postBody(c: AppContext): Promise<PostInput> {
    const body: unknown = await c.req.json().catch(() => undefined);
    const first = (body as { posts?: unknown[] } | undefined)?.posts?.[0];
    if (!first || typeof first !== 'object') throw new GhostApiError(422, 'ValidationError', 'No posts found in the request.', 'Send { "posts": [ { … } ] } as JSON.');
    return postInputSchema.parse(first);
  }

  /** The body's HTML reduced to our document, when the client sent HTML and said so (?source=html). */
  async function bodyOf(c: AppContext, post: PostInput) {
    if (post.html === undefined || c.req.query('source') !== 'html') return undefined;
    const result = await htmlToDocument(db, post.html, origin(c));
    if (!result.ok) throw new GhostApiError(422, 'ValidationError', 'Validation error, cannot save html.', `The html holds what an article cannot: ${result.problems.join('; ')}.`, 'html');
    return result.doc;
  }

  /** Refuses a status the post cannot take, before anything is saved (so a refused request saves nothing). */
  function checkStatus(post: PostInput, current: ArticleRecord['status'] | undefined): void {
    const at = post.published_at ? new Date(post.published_at) : undefined;
    if (post.status === 'scheduled' && current !== 'scheduled' && (!at || at.getTime() <= deps.clock.now().getTime())) {
      throw new GhostApiError(422, 'ValidationError', 'Validation error, cannot save published_at.', 'A scheduled post needs published_at in the future.', 'published_at');
    }
  }

  /** Moves the story to the status the post asks for, through the newsroom's workflow. */
  async function applyStatus(actor: NewsroomActor, id: string, current: ArticleRecord['status'], post: PostInput): Promise<void> {
    const at = post.published_at ? new Date(post.published_at) : undefined;
    const wanted = post.status;
    if (!wanted) return;
    if (wanted === 'published' && current !== 'published') await applyTransition(deps, actor, id, 'publish', { at });
    else if (wanted === 'scheduled' && current !== 'scheduled') await applyTransition(deps, actor, id, 'schedule', { at });
    else if (wanted === 'draft') {
      if (current === 'published') await applyTransition(deps, actor, id, 'unpublish');
      else if (current === 'scheduled') await applyTransition(deps, actor, id, 'unschedule');
    }
  }

  const one = async (c: AppContext, id: string, status = 200) => c.json({ posts: await serialize(c, await articleRecordsByIds(db, [id])) }, status as 200);

  const notPages = () => Promise.reject(new GhostApiError(422, 'ValidationError', 'Arab Press has no pages.', 'Every story is a post: send it to /ghost/api/admin/posts/.'));

  /** A webhook as Ghost's Admin API answers it. */
  const webhookView = (w: Webhook) => ({ id: w.id, event: w.event, target_url: w.targetUrl, name: w.name || null, secret: w.secret, api_version: 'v5', integration_id: w.integrationId, status: 'available', last_triggered_at: null, last_triggered_status: null, last_triggered_error: null, created_at: w.createdAt.toISOString(), updated_at: w.createdAt.toISOString() });
  type WebhookBody = { webhooks?: { event?: string; target_url?: string; name?: string | null; secret?: string | null }[] };
  const webhookInput = async (c: AppContext) => {
    const w = ((await c.req.json().catch(() => undefined)) as WebhookBody | undefined)?.webhooks?.[0];
    if (!w) throw new GhostApiError(422, 'ValidationError', 'No webhooks found in the request.');
    return { event: w.event, targetUrl: w.target_url, name: w.name ?? undefined, secret: w.secret ?? undefined };
  };

  return [
    // Webhooks belong to the integration whose key signed the request, as in Ghost.
    route('POST', '/webhooks/', async (c, integration) => {
      const hook = await createWebhook(db, integration.id, (await webhookInput(c)) as never, deps.clock.now());
      return c.json({ webhooks: [webhookView(hook)] }, 201);
    }),
    route('PUT', '/webhooks/:id/', async (c, integration) => {
      const input = await webhookInput(c);
      const hook = await updateWebhook(db, integration.id, pathParam(c, 'id'), Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as never);
      if (!hook) throw new GhostApiError(404, 'NotFoundError', 'Resource not found error, cannot edit webhook.');
      return c.json({ webhooks: [webhookView(hook)] });
    }),
    route('DELETE', '/webhooks/:id/', async (c, integration) => {
      if (!(await deleteWebhook(db, integration.id, pathParam(c, 'id')))) throw new GhostApiError(404, 'NotFoundError', 'Resource not found error, cannot delete webhook.');
      return c.body(null, 204);
    }),

    route('GET', '/site/', async (c) => {
      const settings = await getSiteSettings(db);
      return c.json({ site: { title: settings.name.en, description: settings.motto, logo: origin(c) + SITE_LOGO.path, icon: origin(c) + SITE_LOGO.path, accent_color: '#8a1c1c', url: origin(c) + sitePaths('en').home, version: '5.0' } });
    }),

    route('GET', '/posts/', async (c) => {
      const q = readBrowse(c);
      const limit = q.limit ?? 15;
      if (limit !== 'all' && limit > MAX_LIMIT) throw new GhostApiError(400, 'BadRequestError', 'Validation error, cannot read limit.', `The limit is at most ${MAX_LIMIT}, or "all".`);
      const size = limit === 'all' ? 10_000 : limit;
      const page = q.page ?? 1;
      const order = q.order ? parseOrder(q.order) : [{ column: 'updated_at' as const, direction: 'desc' as const }];
      const { ids, total } = await browseArticleIds(db, 'any', parseFilter(q.filter), order, size, (page - 1) * size);
      return c.json({ posts: pick(await serialize(c, await articleRecordsByIds(db, ids)), q.fields), meta: { pagination: pagination(page, limit, total) } });
    }),
    route('GET', '/posts/slug/:slug/', async (c) => c.json({ posts: await serialize(c, [await readPost(c, (eb) => eb('a.slug', '=', pathParam(c, 'slug')))]) })),
    route('GET', '/posts/:id/', async (c) => c.json({ posts: await serialize(c, [await readPost(c, (eb) => eb('a.id', '=', pathParam(c, 'id')))]) })),

    route('POST', '/posts/', async (c, integration) => {
      const post = await postBody(c);
      checkStatus(post, undefined);
      const input = await toArticleInput(db, post, undefined, await bodyOf(c, post), { origin: origin(c), now: deps.clock.now() });
      const actor = actorFor(c, integration);
      const { id } = await createDraft(deps, actor, input);
      await applyStatus(actor, id, 'draft', post);
      return one(c, id, 201);
    }),

    route('PUT', '/posts/:id/', async (c, integration) => {
      const record = await readPost(c, (eb) => eb('a.id', '=', pathParam(c, 'id')));
      const post = await postBody(c);
      // Ghost's guard against lost updates: the client proves it read the latest version.
      if (!post.updated_at) throw new GhostApiError(422, 'ValidationError', 'Validation error, cannot edit post.', 'updated_at is required: send the updated_at of the version you read.', 'updated_at');
      if (new Date(post.updated_at).getTime() !== record.updatedAt.getTime()) {
        throw new GhostApiError(409, 'UpdateCollisionError', 'Saving failed! Someone else is editing this post.', `The post was changed at ${record.updatedAt.toISOString()}, after the version you read (${post.updated_at}). Read it again and reapply your change.`);
      }
      checkStatus(post, record.status);
      const id = record.page.id;
      const actor = actorFor(c, integration);
      const changesContent = Object.keys(post).some((k) => k !== 'status' && k !== 'updated_at' && k !== 'published_at');
      if (changesContent) {
        const current = await currentArticleInput(db, id);
        const input = await toArticleInput(db, post, current, await bodyOf(c, post), { origin: origin(c), now: deps.clock.now() });
        await saveArticle(deps, actor, id, input, 'save');
      }
      await applyStatus(actor, id, record.status, post);
      return one(c, id);
    }),

    route('DELETE', '/posts/:id/', async () => {
      throw new GhostApiError(403, 'NoPermissionError', 'Stories are not deleted here.', 'Unpublish it instead (edit with status "draft"): the newsroom keeps every story and its history.');
    }),

    route('GET', '/pages/', async (c) => c.json({ pages: [], meta: { pagination: pagination(1, 15, 0) } })),
    route('POST', '/pages/', notPages),
    route('GET', '/pages/:id/', async () => Promise.reject(new GhostApiError(404, 'NotFoundError', 'Resource not found error, cannot read page.'))),
    route('PUT', '/pages/:id/', notPages),

    route('GET', '/tags/', async (c) => {
      const lang = c.req.query('language') === 'ar' ? 'ar' : 'en';
      const tags = (await listTags(db)).map((t) => serializeTag(t, lang, origin(c)));
      return c.json({ tags, meta: { pagination: pagination(1, 'all', tags.length) } });
    }),
    route('GET', '/tags/:id/', async (c) => {
      const tag = (await listTags(db)).find((t) => t.id === pathParam(c, 'id'));
      if (!tag) throw new GhostApiError(404, 'NotFoundError', 'Resource not found error, cannot read tag.');
      return c.json({ tags: [serializeTag(tag, 'en', origin(c))] });
    }),
    route('POST', '/tags/', async (c) => {
      const body = (await c.req.json().catch(() => undefined)) as { tags?: { name?: string; slug?: string; name_en?: string; name_ar?: string }[] } | undefined;
      const t = body?.tags?.[0];
      if (!t) throw new GhostApiError(422, 'ValidationError', 'No tags found in the request.');
      const en = t.name_en ?? t.name ?? t.name_ar ?? '';
      const taken = new Set((await listTags(db)).map((x) => x.slug));
      const tag = await createTag(db, newTagSchema.parse({ slug: newTagSlug(en, t.slug, taken, deps.clock.now()), name: { en, ar: t.name_ar ?? t.name ?? en } }), deps.clock.now());
      return c.json({ tags: [serializeTag(tag, 'en', origin(c))] }, 201);
    }),
    route('PUT', '/tags/:id/', async (c) => {
      const tag = (await listTags(db)).find((t) => t.id === pathParam(c, 'id'));
      if (!tag) throw new GhostApiError(404, 'NotFoundError', 'Resource not found error, cannot read tag.');
      const body = (await c.req.json().catch(() => undefined)) as { tags?: { name?: string; name_en?: string; name_ar?: string }[] } | undefined;
      const t = body?.tags?.[0] ?? {};
      const name = { en: t.name_en ?? t.name ?? tag.name.en, ar: t.name_ar ?? tag.name.ar };
      await renameTag(db, tag.id, name);
      return c.json({ tags: [serializeTag({ ...tag, name }, 'en', origin(c))] });
    }),

    route('POST', '/images/upload/', async (c) => {
      const form = await c.req.parseBody();
      const file = form['file'];
      if (!(file instanceof File) || file.size === 0) throw new GhostApiError(422, 'ValidationError', 'Please select an image.', 'Send the image as the multipart field "file".', 'file');
      if (file.size > MEDIA_MAX_UPLOAD_BYTES) throw new GhostApiError(413, 'RequestEntityTooLargeError', 'Request is too large.', `The limit is ${MEDIA_MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
      const { id } = await uploadImage(deps, { bytes: Buffer.from(await file.arrayBuffer()), originalName: file.name, userId: null });
      const media = (await findMediaImage(db, id))!;
      const ref = typeof form['ref'] === 'string' ? form['ref'] : null;
      return c.json({ images: [{ url: origin(c) + mediaUrl(media.fileName), ref }] }, 201);
    }),
  ];
}

import { z } from 'zod';
import type { Config } from '../../config.js';
import { pathParam, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Assets } from '../../http/assets.js';
import { clientInfo } from '../../http/client.js';
import { zonedLocalToUtc } from '../../platform/i18n/dates.js';
import type { MessageKey, Translator } from '../../platform/i18n/i18n.js';
import { AppError } from '../../platform/errors.js';
import { listPeopleBySlugs } from '../people/index.js';
import { listSections } from '../sections/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import type { SiteDeps } from '../site/index.js';
import { adminTranslator, renderAdmin } from '../staff/index.js';
import { articlePath } from './article.js';
import { inputFromForm, type ArticleFormFields } from './article-form.js';
import { addCorrection, type ArticleInput } from './articles.service.js';
import * as repo from './articles.repo.js';
import {
  acquireLock,
  applyTransition,
  createDraft,
  currentArticleInput,
  findEditableArticle,
  releaseLock,
  saveArticle,
  type NewsroomActor,
  type NewsroomDeps,
} from './newsroom.service.js';
import * as newsroomRepo from './newsroom.repo.js';
import { EditorPage } from './views/editor-page.js';
import { availableTransitions, canCorrect, TRANSITION_NAMES, type Transition } from './workflow.js';
import { fromDbTime } from '../../platform/db/time.js';

export interface ArticleAdminDeps extends NewsroomDeps, SiteDeps {
  config: Config;
  assets: Assets;
}

export function actorOf(c: AppContext, trustProxy: boolean): NewsroomActor & { userId: string } {
  const s = c.get('staff')!;
  return { userId: s.userId, label: s.email, role: s.role, sessionId: s.sessionId, ip: clientInfo(c, trustProxy).ip };
}

/** Input-schema names as the editor form names its fields. */
const FORM_FIELD: Record<string, string> = { tagSlugs: 'tags', featuredImage: 'featuredMediaId' };

/** The label the writer sees for each form field, so an error names it in their words. */
const FIELD_LABEL: Record<string, MessageKey> = {
  language: 'admin.article.language',
  headline: 'admin.article.headline',
  standfirst: 'admin.article.standfirst',
  body: 'admin.article.body',
  sectionSlug: 'admin.article.section',
  tags: 'admin.article.tags',
  bylines: 'admin.article.bylines',
  slug: 'admin.article.slug',
  featuredMediaId: 'admin.article.featuredMediaId',
  seoTitle: 'admin.article.seoTitle',
  seoDescription: 'admin.article.seoDescription',
  canonicalUrl: 'admin.article.canonicalUrl',
};

/** "Please check the field “Section”", in the staff member's language. */
function invalidMessage(t: Translator, field: string): string {
  const key = FIELD_LABEL[field];
  return t.t('admin.article.invalid', { field: key ? t.t(key) : field });
}

/** A ZodError or an invalid-article AppError, as the name of the form field the writer should fix. */
function invalidField(err: unknown): string | undefined {
  let field: string | undefined;
  if (err instanceof z.ZodError) field = String(err.issues[0]?.path[0] ?? 'body');
  else if (err instanceof AppError && err.code === 'ARTICLE_INVALID') field = String(err.details?.['field'] ?? 'body');
  return field && (FORM_FIELD[field] ?? field);
}

async function formInput(deps: ArticleAdminDeps, form: ArticleFormFields, language: 'en' | 'ar', translationOf?: string): Promise<ArticleInput> {
  const lines = typeof form['bylines'] === 'string' ? form['bylines'].split('\n').map((l) => l.trim()).filter(Boolean) : [];
  const known = new Set((await listPeopleBySlugs(deps.db, lines)).map((p) => p.slug));
  return inputFromForm(form, language, known, translationOf);
}

export function articleAdminRoutes(deps: ArticleAdminDeps): RouteDef[] {
  const actor = (c: AppContext) => actorOf(c, deps.config.trustProxy);
  const editorScript = () => deps.assets.adminEditorJs?.url ?? '';

  const editPage = async (c: AppContext, id: string, extra: { input?: ArticleInput; error?: string; field?: string; notice?: string; status?: number } = {}) => {
    const t = adminTranslator(c);
    const me = actor(c);
    const row = await findEditableArticle(deps.db, me, id);
    const isOwn = row.created_by_user_id === me.userId;
    const [input, sections, last, lock] = await Promise.all([
      extra.input ? Promise.resolve(extra.input) : currentArticleInput(deps.db, id),
      listSections(deps.db),
      newsroomRepo.latestRevision(deps.db, id),
      acquireLock(deps, me, id, false),
    ]);
    const section = sections.find((s) => s.id === row.section_id);
    return renderAdmin(c, deps.assets, {
      title: 'admin.article.edit',
      error: extra.error,
      notice: extra.notice,
      status: extra.status,
      body: (
        <EditorPage
          t={t}
          editorScript={editorScript()}
          data={{
            id,
            input,
            status: row.status,
            revision: last?.number ?? 0,
            savedAt: last ? fromDbTime(last.created_at).toISOString() : row.updated_at,
            sections,
            transitions: availableTransitions(me.role, isOwn, row.status),
            csrf: c.get('staff')!.csrfToken,
            publicPath: row.status === 'published' && section ? articlePath(row.language, section.slug, row.slug) : undefined,
            canCorrect: canCorrect(me.role),
            lockedBy: lock.held ? undefined : lock.holder,
            error: extra.field ? { field: extra.field } : undefined,
          }}
        />
      ),
    });
  };

  return [
    staffRoute('GET', '/admin/articles/new', 'contributor', async (c) => {
      const t = adminTranslator(c);
      const translationOf = c.req.query('translationOf');
      const original = translationOf ? await repo.findArticleRowById(deps.db, translationOf) : undefined;
      const language = original ? (original.language === 'en' ? 'ar' : 'en') : c.req.query('language') === 'ar' ? 'ar' : 'en';
      const sections = await listSections(deps.db);
      const sectionSlug = original ? sections.find((s) => s.id === original.section_id)?.slug : sections[0]?.slug;
      return renderAdmin(c, deps.assets, {
        title: 'admin.article.new',
        body: (
          <EditorPage
            t={t}
            editorScript={editorScript()}
            data={{
              id: null,
              input: { language, headline: '', standfirst: '', sectionSlug: sectionSlug ?? '', body: undefined },
              status: 'draft',
              revision: 0,
              savedAt: new Date(0).toISOString(),
              sections,
              transitions: [],
              csrf: c.get('staff')!.csrfToken,
              translationOf: original?.id,
              canCorrect: false,
            }}
          />
        ),
      });
    }),

    staffRoute('POST', '/admin/articles', 'contributor', async (c) => {
      const t = adminTranslator(c);
      const form = await c.req.parseBody();
      const language = form['language'] === 'ar' ? 'ar' : 'en';
      const translationOf = typeof form['translationOf'] === 'string' && form['translationOf'] ? form['translationOf'] : undefined;
      const input = await formInput(deps, form, language, translationOf);
      try {
        const { id } = await createDraft(deps, actor(c), input);
        return c.redirect(`/admin/articles/${id}/edit`, 303);
      } catch (err) {
        const field = invalidField(err);
        if (!field) throw err;
        const sections = await listSections(deps.db);
        return renderAdmin(c, deps.assets, {
          title: 'admin.article.new',
          status: 422,
          error: invalidMessage(t, field),
          body: (
            <EditorPage
              t={t}
              editorScript={editorScript()}
              data={{ id: null, input, status: 'draft', revision: 0, savedAt: new Date(0).toISOString(), sections, transitions: [], csrf: c.get('staff')!.csrfToken, translationOf, canCorrect: false, error: { field } }}
            />
          ),
        });
      }
    }),

    staffRoute('GET', '/admin/articles/:id/edit', 'contributor', (c) => editPage(c, pathParam(c, 'id'), { notice: c.req.query('saved') ? adminTranslator(c).t('admin.article.saved') : undefined })),

    staffRoute('POST', '/admin/articles/:id', 'contributor', async (c) => {
      const id = pathParam(c, 'id');
      const row = await repo.findArticleRowById(deps.db, id);
      if (!row) throw new AppError('ARTICLE_NOT_FOUND', 404, 'error.notFound');
      const input = await formInput(deps, await c.req.parseBody(), row.language);
      try {
        await saveArticle(deps, actor(c), id, input, 'save');
      } catch (err) {
        const field = invalidField(err);
        if (field) return editPage(c, id, { input, field, error: invalidMessage(adminTranslator(c), field), status: 422 });
        if (err instanceof AppError && err.code === 'ARTICLE_LOCKED') return editPage(c, id, { input, error: adminTranslator(c).t('admin.article.lockedBy', { holder: String(err.details?.['holder']) }), status: 409 });
        throw err;
      }
      return c.redirect(`/admin/articles/${id}/edit?saved=1`, 303);
    }),

    staffRoute('POST', '/admin/articles/:id/autosave', 'contributor', async (c) => {
      const id = pathParam(c, 'id');
      const row = await repo.findArticleRowById(deps.db, id);
      if (!row) return c.json({ error: 'not-found' }, 404);
      const json = (await c.req.json().catch(() => undefined)) as ArticleFormFields | undefined;
      if (!json || typeof json !== 'object') return c.json({ error: 'invalid', field: 'body' }, 422);
      try {
        const input = await formInput(deps, json, row.language);
        const raw = json as Record<string, unknown>;
        const baseRevision = typeof raw['baseRevision'] === 'number' && Number.isInteger(raw['baseRevision']) ? raw['baseRevision'] : undefined;
        const saved = await saveArticle(deps, actor(c), id, input, 'autosave', { baseRevision, overwrite: raw['overwrite'] === true });
        return c.json({ revision: saved.revision, savedAt: saved.savedAt.toISOString() });
      } catch (err) {
        const field = invalidField(err);
        if (field) return c.json({ error: 'invalid', field }, 422);
        if (err instanceof AppError && err.code === 'ARTICLE_LOCKED') return c.json({ error: 'locked', holder: err.details?.['holder'] }, 409);
        if (err instanceof AppError && err.code === 'ARTICLE_CONFLICT') {
          const d = err.details ?? {};
          return c.json({ error: 'conflict', revision: d['revision'], by: { name: d['by'] }, savedAt: d['savedAt'] }, 409);
        }
        if (err instanceof AppError && err.status === 403) return c.json({ error: 'forbidden' }, 403);
        throw err;
      }
    }),

    staffRoute('POST', '/admin/articles/:id/lock', 'contributor', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { takeOver?: unknown };
      const state = await acquireLock(deps, actor(c), pathParam(c, 'id'), body.takeOver === true);
      return c.json(state.held ? { held: true } : { held: false, holder: state.holder, since: state.since.toISOString() });
    }),
    staffRoute('POST', '/admin/articles/:id/unlock', 'contributor', async (c) => {
      await releaseLock(deps, actor(c), pathParam(c, 'id'));
      return c.json({ released: true });
    }),

    staffRoute('POST', '/admin/articles/:id/transition', 'contributor', async (c) => {
      const id = pathParam(c, 'id');
      const form = await c.req.parseBody();
      const transition = String(form['transition'] ?? '') as Transition;
      if (!TRANSITION_NAMES.includes(transition)) throw new AppError('BAD_TRANSITION', 400, 'error.badRequest');
      let at: Date | undefined;
      if (transition === 'schedule') {
        const settings = await getSiteSettings(deps.db);
        at = zonedLocalToUtc(String(form['at'] ?? ''), settings.timeZone);
        if (!at) return editPage(c, id, { error: adminTranslator(c).t('admin.article.scheduleInPast'), status: 422 });
      }
      try {
        await applyTransition(deps, actor(c), id, transition, { at });
      } catch (err) {
        if (err instanceof AppError && (err.code === 'SCHEDULE_IN_PAST' || err.code === 'TRANSITION_FORBIDDEN')) {
          return editPage(c, id, { error: adminTranslator(c).t(err.messageKey as 'admin.forbidden'), status: err.status });
        }
        throw err;
      }
      return c.redirect(`/admin/articles/${id}/edit`, 303);
    }),

    staffRoute('POST', '/admin/articles/:id/corrections', 'editor', async (c) => {
      const id = pathParam(c, 'id');
      const form = await c.req.parseBody();
      try {
        await addCorrection(deps, id, { note: String(form['note'] ?? '') });
      } catch (err) {
        if (err instanceof z.ZodError) return editPage(c, id, { error: adminTranslator(c).t('admin.article.invalid', { field: adminTranslator(c).t('admin.article.correctionNote') }), status: 422 });
        throw err;
      }
      return c.redirect(`/admin/articles/${id}/edit?saved=1`, 303);
    }),
  ];
}

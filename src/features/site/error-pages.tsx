import type { Context } from 'hono';
import type { AppEnv } from '../../http/access.js';
import { AppError } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import { createTranslator, type Language } from '../../platform/i18n/i18n.js';
import type { Logger } from '../../platform/log.js';
import { loadPageContext, renderDocument, type SiteDeps } from './site-page.js';

function languageOf(path: string): Language {
  return path === '/ar' || path.startsWith('/ar/') ? 'ar' : 'en';
}

/**
 * The one place an error becomes an answer: a page in the reader's language (JSON for API calls).
 * Unknown errors are logged with the request id and shown as a generic 500.
 */
/** Renders a newsroom page; given by the server so errors under /admin look like the newsroom. */
export type AdminErrorRenderer = (c: Context<AppEnv>, page: { title: MessageKey; body: null; error: string; status: number }) => Promise<Response>;

export function renderError(deps: SiteDeps, log: Logger, renderAdminError?: AdminErrorRenderer) {
  return async (err: unknown, c: Context<AppEnv>): Promise<Response> => {
    const appError = err instanceof AppError ? err : undefined;
    const status = appError?.status ?? 500;
    if (!appError) log.error({ err, reqId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    const lang = languageOf(c.req.path);
    const key: MessageKey = appError ? (appError.messageKey as MessageKey) : 'error.server';
    if (c.req.path.startsWith('/api/') || c.req.header('Accept')?.startsWith('application/json')) {
      return c.json({ errors: [{ code: appError?.code ?? 'INTERNAL_ERROR', message: createTranslator(lang).t(key) }] }, status);
    }
    c.header('Cache-Control', 'no-store');
    if (renderAdminError && (c.req.path === '/admin' || c.req.path.startsWith('/admin/'))) {
      return renderAdminError(c, { title: 'error.title', body: null, error: createTranslator(c.get('staff')?.language ?? lang).t(key), status });
    }
    try {
      const ctx = await loadPageContext(deps, c, lang, { firstPage: true });
      const { t } = ctx;
      const html = await renderDocument(deps, ctx, {
        head: { title: `${t.t('error.title')} | ${ctx.settings.name[lang]}`, robots: 'noindex' },
        body: (
          <div class="error-page">
            <h1>{t.t(key)}</h1>
            {status === 404 ? <p>{t.t('error.notFoundHint')}</p> : null}
            <p>
              <a href={ctx.paths.home}>{t.t('error.backHome')}</a>
            </p>
          </div>
        ),
        tags: [],
      });
      return c.html(html, status);
    } catch (renderErr) {
      // The site itself is failing (e.g. the database is down): answer with the plainest page.
      log.error({ err: renderErr, reqId: c.get('requestId') }, 'error page failed');
      const t = createTranslator(lang);
      return c.html(`<!doctype html><html lang="${lang}" dir="${t.dir}"><meta charset="utf-8"><title>${t.t('error.title')}</title><p>${t.t(key)}</p></html>`, status);
    }
  };
}

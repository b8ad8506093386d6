import { diffWords } from 'diff';
import { pathParam, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { documentToPlainText, parseArticleDocument } from '../../editor/index.js';
import { createDateFormatter } from '../../platform/i18n/dates.js';
import { AppError } from '../../platform/errors.js';
import { getSiteSettings } from '../site-settings/index.js';
import { loadPageContext, renderDocument } from '../site/index.js';
import { SignupBox } from '../newsletters/index.js';
import { adminTranslator, renderAdmin } from '../staff/index.js';
import { actorOf, type ArticleAdminDeps } from './articles.admin-routes.js';
import { findArticleForPreview } from './articles.read.service.js';
import { findEditableArticle, listRevisions, restoreRevision, revisionSnapshot } from './newsroom.service.js';
import { ArticleView } from './views/article-page.js';
import { pageScripts } from './articles.site-routes.js';
import { AudioSlot } from './views/audio-slot.js';

/** A revision as readable text, field by field, for comparing. */
function revisionText(s: Awaited<ReturnType<typeof revisionSnapshot>>): string {
  const doc = parseArticleDocument(s.body);
  return [
    s.headline,
    s.standfirst ?? '',
    doc.success ? documentToPlainText(doc.data) : '',
    `#${s.sectionSlug} ${(s.tagSlugs ?? []).join(', ')}`,
    (s.bylines ?? []).map((b) => ('personSlug' in b ? b.personSlug : b.name)).join(', '),
  ].join('\n\n');
}

export function revisionAdminRoutes(deps: ArticleAdminDeps): RouteDef[] {
  const mayEdit = (c: AppContext, id: string) => findEditableArticle(deps.db, c.get('staff')!, id);

  return [
    staffRoute('GET', '/admin/articles/:id/revisions', 'contributor', async (c) => {
      const id = pathParam(c, 'id');
      const row = await mayEdit(c, id);
      const t = adminTranslator(c);
      const revisions = await listRevisions(deps.db, id);
      const settings = await getSiteSettings(deps.db);
      const dates = createDateFormatter(t.lang, settings.timeZone, 'latn');
      const a = Number(c.req.query('a') ?? revisions[1]?.number ?? 0);
      const b = Number(c.req.query('b') ?? revisions[0]?.number ?? 0);
      let comparison: unknown = null;
      if (a && b && a !== b) {
        const [older, newer] = await Promise.all([revisionSnapshot(deps.db, id, Math.min(a, b)), revisionSnapshot(deps.db, id, Math.max(a, b))]);
        const parts = diffWords(revisionText(older), revisionText(newer));
        comparison = (
          <section aria-labelledby="compare-title">
            <h2 id="compare-title">
              {t.t('admin.article.compare')}: {t.n(Math.min(a, b))} → {t.n(Math.max(a, b))}
            </h2>
            <pre class="diff" dir="auto">
              {parts.map((p) => (p.added ? <ins>{p.value}</ins> : p.removed ? <del>{p.value}</del> : <span>{p.value}</span>))}
            </pre>
          </section>
        );
      }
      return renderAdmin(c, deps.assets, {
        title: { text: `${t.t('admin.article.revisions')}: ${row.headline}` },
        notice: c.req.query('restored') ? t.t('admin.article.restored') : undefined,
        body: (
          <>
            <p>
              <a href={`/admin/articles/${id}/edit`}>{t.t('admin.article.edit')}</a>
            </p>
            <form method="get" class="compare-form">
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">A</th>
                      <th scope="col">B</th>
                      <th scope="col">#</th>
                      <th scope="col">{t.t('admin.audit.when')}</th>
                      <th scope="col">{t.t('admin.audit.who')}</th>
                      <th scope="col">{t.t('admin.audit.action')}</th>
                      <th scope="col">{t.t('admin.article.status')}</th>
                      <th scope="col"></th>
                    </tr>
                  </thead>
                  <tbody>
                    {revisions.map((r) => (
                      <tr class="revision">
                        <td>
                          <input type="radio" name="a" value={String(r.number)} checked={r.number === a} aria-label={`A ${r.number}`} />
                        </td>
                        <td>
                          <input type="radio" name="b" value={String(r.number)} checked={r.number === b} aria-label={`B ${r.number}`} />
                        </td>
                        <td>{t.n(r.number)}</td>
                        <td>
                          <time datetime={r.createdAt.toISOString()}>{dates.dateTime(r.createdAt)}</time>
                        </td>
                        <td dir="ltr">{r.authorLabel}</td>
                        <td>{t.t(`admin.revision.${r.kind}` as 'admin.revision.save')}</td>
                        <td>{t.t(`admin.status.${r.status}` as 'admin.status.draft')}</td>
                        <td>
                          <button type="submit" class="secondary" formmethod="post" formaction={`/admin/articles/${id}/revisions/${r.number}/restore`} name="_csrf" value={c.get('staff')!.csrfToken}>
                            {t.t('admin.article.restore')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="submit">{t.t('admin.article.compare')}</button>
            </form>
            {comparison}
          </>
        ),
      });
    }),

    staffRoute('POST', '/admin/articles/:id/revisions/:number/restore', 'contributor', async (c) => {
      const id = pathParam(c, 'id');
      await mayEdit(c, id);
      const number = Number.parseInt(pathParam(c, 'number'), 10);
      if (!Number.isInteger(number) || number < 1) throw new AppError('REVISION_NOT_FOUND', 404, 'error.notFound');
      await restoreRevision(deps, actorOf(c, deps.config.trustProxy), id, number);
      return c.redirect(`/admin/articles/${id}/revisions?restored=1`, 303);
    }),

    // Exactly the site's page, in the article's language and direction, whatever its status.
    staffRoute('GET', '/admin/articles/:id/preview', 'contributor', async (c) => {
      const id = pathParam(c, 'id');
      await mayEdit(c, id);
      const article = await findArticleForPreview(deps.db, id);
      if (!article) throw new AppError('ARTICLE_NOT_FOUND', 404, 'error.notFound');
      const ctx = await loadPageContext(deps, c, article.language, { firstPage: true });
      const page = {
        head: { title: `${article.headline} | ${ctx.settings.name[ctx.lang]}`, robots: 'noindex', scripts: pageScripts(deps, article.bodyHtml, false) },
        body: <ArticleView ctx={ctx} a={article} audio={<AudioSlot audio={null} t={ctx.t} articleId={article.id} siteName={ctx.settings.name[ctx.lang]} />} newsletter={<SignupBox t={ctx.t} action={ctx.paths.newsletter} from={article.path} />} />,
        tags: [],
      };
      c.header('Cache-Control', 'no-store');
      return c.html(await renderDocument(deps, ctx, page));
    }),
  ];
}


import { pathParam, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { applyTaxonomyChange, NameFields, type TaxonomyAdminDeps } from '../sections/index.js';
import { adminTranslator, CsrfField, renderAdmin } from '../staff/index.js';
import { createTag, listTags, renameTag } from './tags.service.js';

const field = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Tags (topics): a slug and a name in each language. */
export function tagAdminRoutes(deps: TaxonomyAdminDeps): RouteDef[] {
  const page = async (c: AppContext, extra: { notice?: string; error?: string; status?: number } = {}) => {
    const t = adminTranslator(c);
    const tags = await listTags(deps.db);
    const row = (tag?: (typeof tags)[number]) => {
      const id = tag?.id ?? 'new';
      return (
        <form method="post" action={tag ? `/admin/tags/${tag.id}` : '/admin/tags'} class="taxonomy-row">
          <CsrfField c={c} />
          {tag ? (
            <p>
              <code>{tag.slug}</code>
            </p>
          ) : (
            <div>
              <label for={`slug-${id}`}>{t.t('admin.taxonomy.slug')}</label>
              <input id={`slug-${id}`} name="slug" dir="ltr" required />
            </div>
          )}
          <NameFields t={t} id={id} name={tag?.name} />
          <button type="submit">{tag ? t.t('admin.save') : t.t('admin.taxonomy.add')}</button>
        </form>
      );
    };
    return renderAdmin(c, deps.assets, { title: 'admin.nav.tags', ...extra, body: <>{[row(), ...tags.map((tag) => row(tag))]}</> });
  };
  const run = async (c: AppContext, change: (f: Record<string, unknown>) => Promise<unknown>) => {
    const form = await c.req.parseBody();
    return applyTaxonomyChange(c, deps, () => change(form), page);
  };
  return [
    staffRoute('GET', '/admin/tags', 'editor', (c) => page(c)),
    staffRoute('POST', '/admin/tags', 'editor', (c) => run(c, (f) => createTag(deps.db, { slug: field(f['slug']), name: { en: field(f['nameEn']), ar: field(f['nameAr']) } }, deps.clock.now()))),
    staffRoute('POST', '/admin/tags/:id', 'editor', (c) => run(c, (f) => renameTag(deps.db, pathParam(c, 'id'), { en: field(f['nameEn']), ar: field(f['nameAr']) }))),
  ];
}

import { pathParam, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { applyTaxonomyChange, NameFields, type TaxonomyAdminDeps } from '../sections/index.js';
import { adminTranslator, CsrfField, renderAdmin } from '../staff/index.js';
import { createPerson, listPeople, updatePerson } from './people.service.js';

const field = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** People: writers and outside sources with author pages, in both languages. */
export function peopleAdminRoutes(deps: TaxonomyAdminDeps): RouteDef[] {
  const page = async (c: AppContext, extra: { notice?: string; error?: string; status?: number } = {}) => {
    const t = adminTranslator(c);
    const people = await listPeople(deps.db);
    const row = (p?: (typeof people)[number]) => {
      const id = p?.id ?? 'new';
      return (
        <form method="post" action={p ? `/admin/people/${p.id}` : '/admin/people'} class="taxonomy-row stack">
          <CsrfField c={c} />
          {p ? (
            <h2>
              <code>{p.slug}</code>
            </h2>
          ) : (
            <div>
              <label for={`slug-${id}`}>{t.t('admin.taxonomy.slug')}</label>
              <input id={`slug-${id}`} name="slug" dir="ltr" required />
            </div>
          )}
          <div>
            <label for={`kind-${id}`}>{t.t('admin.people.kind')}</label>
            <select id={`kind-${id}`} name="kind">
              <option value="person" selected={p?.kind !== 'organization'}>
                {t.t('admin.people.person')}
              </option>
              <option value="organization" selected={p?.kind === 'organization'}>
                {t.t('admin.people.organization')}
              </option>
            </select>
          </div>
          <NameFields t={t} id={id} name={p?.name} />
          <div>
            <label for={`bio-en-${id}`}>{t.t('admin.people.bioEn')}</label>
            <textarea id={`bio-en-${id}`} name="bioEn" lang="en" dir="ltr">
              {p?.bio.en ?? ''}
            </textarea>
          </div>
          <div>
            <label for={`bio-ar-${id}`}>{t.t('admin.people.bioAr')}</label>
            <textarea id={`bio-ar-${id}`} name="bioAr" lang="ar" dir="rtl">
              {p?.bio.ar ?? ''}
            </textarea>
          </div>
          <div>
            <label for={`photo-${id}`}>{t.t('admin.people.photo')}</label>
            <input id={`photo-${id}`} name="photoMediaId" value={p?.photoMediaId ?? ''} dir="ltr" />
          </div>
          <button type="submit">{p ? t.t('admin.save') : t.t('admin.taxonomy.add')}</button>
        </form>
      );
    };
    return renderAdmin(c, deps.assets, { title: 'admin.nav.people', ...extra, body: <>{[row(), ...people.map((p) => row(p))]}</> });
  };
  const values = (f: Record<string, unknown>) => ({
    kind: field(f['kind']) === 'organization' ? ('organization' as const) : ('person' as const),
    name: { en: field(f['nameEn']), ar: field(f['nameAr']) },
    bio: { en: field(f['bioEn']), ar: field(f['bioAr']) },
    photoMediaId: field(f['photoMediaId']) || null,
  });
  const run = async (c: AppContext, change: (f: Record<string, unknown>) => Promise<unknown>) => {
    const form = await c.req.parseBody();
    return applyTaxonomyChange(c, deps, () => change(form), page);
  };
  return [
    staffRoute('GET', '/admin/people', 'editor', (c) => page(c)),
    staffRoute('POST', '/admin/people', 'editor', (c) => run(c, (f) => createPerson(deps.db, { slug: field(f['slug']), ...values(f) }, deps.clock.now()))),
    staffRoute('POST', '/admin/people/:id', 'editor', (c) => run(c, (f) => updatePerson(deps.db, pathParam(c, 'id'), values(f)))),
  ];
}

import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { pathParam, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Assets } from '../../http/assets.js';
import { FormField } from '../../http/components/form-field.js';
import type { Translator } from '../../platform/i18n/i18n.js';
import type { InvalidationBus } from '../../platform/cache/invalidation-bus.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { adminTranslator, CsrfField, renderAdmin } from '../staff/index.js';
import { createSection, listSections, updateSection } from './sections.service.js';

export interface TaxonomyAdminDeps {
  db: Db;
  assets: Assets;
  bus: InvalidationBus;
  clock: Clock;
}

const field = (v: unknown) => (typeof v === 'string' ? v : '');

/** A section's, tag's or person's name in both languages, each field in its own language and direction. */
export function NameFields(props: { t: Translator; id: string; name?: { en: string; ar: string } }) {
  return (
    <>
      <FormField id={`en-${props.id}`} name="nameEn" label={props.t.t('admin.taxonomy.nameEn')} value={props.name?.en} lang="en" dir="ltr" required />
      <FormField id={`ar-${props.id}`} name="nameAr" label={props.t.t('admin.taxonomy.nameAr')} value={props.name?.ar} lang="ar" dir="rtl" required />
    </>
  );
}

type PageExtra = { notice?: string; error?: string; status?: number };

/**
 * Runs a change from a sections, tags or people form and answers with the page again: with a notice
 * (and every page re-rendered, since navigation and names show everywhere) or the error explained.
 */
export async function applyTaxonomyChange(
  c: AppContext,
  deps: Pick<TaxonomyAdminDeps, 'bus'>,
  change: () => Promise<unknown>,
  page: (c: AppContext, extra: PageExtra) => Promise<Response>,
): Promise<Response> {
  const t = adminTranslator(c);
  try {
    await change();
  } catch (err) {
    if (err instanceof z.ZodError) return page(c, { error: t.t('admin.taxonomy.invalid'), status: 422 });
    // A slug taken (ours, or the database's unique index) or a reference to a missing image.
    if ((err instanceof AppError && err.status === 409) || /unique|foreign key/i.test(String(err))) return page(c, { error: t.t('admin.taxonomy.taken'), status: 409 });
    throw err;
  }
  await deps.bus.publish(['site']);
  return page(c, { notice: t.t('admin.taxonomy.saved') });
}

/** Sections: names in both languages, order and colour. Every page's navigation shows them. */
export function sectionAdminRoutes(deps: TaxonomyAdminDeps): RouteDef[] {
  const page = async (c: AppContext, extra: { notice?: string; error?: string; status?: number } = {}) => {
    const t = adminTranslator(c);
    const sections = await listSections(deps.db);
    const row = (s?: (typeof sections)[number]) => {
      const id = s ? s.id : 'new';
      return (
        <form method="post" action={s ? `/admin/sections/${s.id}` : '/admin/sections'} class="taxonomy-row">
          <CsrfField c={c} />
          {s ? (
            <p>
              <code>{s.slug}</code>
            </p>
          ) : (
            <div>
              <label for={`slug-${id}`}>{t.t('admin.taxonomy.slug')}</label>
              <input id={`slug-${id}`} name="slug" dir="ltr" required />
            </div>
          )}
          <NameFields t={t} id={id} name={s?.name} />
          <div>
            <label for={`pos-${id}`}>{t.t('admin.taxonomy.position')}</label>
            <input id={`pos-${id}`} name="position" type="number" value={String(s?.position ?? sections.length)} />
          </div>
          <div>
            <label for={`color-${id}`}>{t.t('admin.taxonomy.color')}</label>
            <input id={`color-${id}`} name="color" type="color" value={s?.color ?? '#555555'} />
          </div>
          <button type="submit">{s ? t.t('admin.save') : t.t('admin.taxonomy.add')}</button>
        </form>
      );
    };
    return renderAdmin(c, deps.assets, { title: 'admin.nav.sections', ...extra, body: <>{[...sections.map((s) => row(s)), row()]}</> });
  };
  const values = async (c: AppContext) => {
    const f = await c.req.parseBody();
    return { slug: field(f['slug']).trim(), name: { en: field(f['nameEn']).trim(), ar: field(f['nameAr']).trim() }, position: Number.parseInt(field(f['position']) || '0', 10), color: field(f['color']) };
  };
  const saved = (c: AppContext, change: () => Promise<unknown>) => applyTaxonomyChange(c, deps, change, page);
  return [
    staffRoute('GET', '/admin/sections', 'editor', (c) => page(c)),
    staffRoute('POST', '/admin/sections', 'editor', async (c) => {
      const v = await values(c);
      return saved(c, () => createSection(deps.db, v, deps.clock.now()));
    }),
    staffRoute('POST', '/admin/sections/:id', 'editor', async (c) => {
      const v = await values(c);
      return saved(c, () => updateSection(deps.db, pathParam(c, 'id'), v));
    }),
  ];
}

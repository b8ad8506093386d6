import { roleAtLeast, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { fromDbTime } from '../../platform/db/time.js';
import { createDateFormatter } from '../../platform/i18n/dates.js';
import { listSections } from '../sections/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { adminTranslator, renderAdmin } from '../staff/index.js';
import type { ArticleStatus } from './article.js';
import type { ArticleAdminDeps } from './articles.admin-routes.js';
import { audioClock, type ArticleAudioState, type AudioLookup } from './audio-lookup.js';
import type { Translator } from '../../platform/i18n/i18n.js';
import { listNewsroomRows } from './newsroom.repo.js';
import { NewsroomTable, type NewsroomRow } from './views/newsroom-list.js';

/** "Ready · 3:12", "Being made", "Failed: <reason>", "Switched off…", "Not made yet". */
function audioCell(t: Translator, a: ArticleAudioState | undefined): { text: string; problem: boolean } {
  if (!a) return { text: t.t('admin.audio.state.short.none'), problem: false };
  if (a.state === 'ready' && a.durationMs) return { text: `${t.t('admin.audio.state.ready')} · ${audioClock(a.durationMs)}`, problem: false };
  if (a.state === 'failed') return { text: `${t.t('admin.audio.state.failed')}: ${(a.error ?? '').slice(0, 80)}`, problem: true };
  return { text: t.t(`admin.audio.state.${a.state}`), problem: false };
}

/** The newsroom's front page: my drafts, waiting for review, scheduled, recently published. */
export function dashboardRoutes(deps: ArticleAdminDeps & { audio: AudioLookup }): RouteDef[] {
  const filters = (c: AppContext) => {
    const q = c.req.query('language');
    const language: 'en' | 'ar' | undefined = q === 'en' || q === 'ar' ? q : undefined;
    return { language, section: c.req.query('section') || undefined };
  };
  return [
    staffRoute('GET', '/admin', 'contributor', async (c) => {
      const t = adminTranslator(c);
      const me = c.get('staff')!;
      const f = filters(c);
      const [sections, settings] = await Promise.all([listSections(deps.db), getSiteSettings(deps.db)]);
      const sectionId = sections.find((s) => s.slug === f.section)?.id;
      const dates = createDateFormatter(t.lang, settings.timeZone, 'latn');
      const sectionName = new Map(sections.map((s) => [s.slug, s.name[t.lang]]));
      const rows = async (statuses: ArticleStatus[], mine: boolean, timeOf: 'updated_at' | 'scheduled_at' | 'published_at') =>
        (await listNewsroomRows(deps.db, { statuses, createdBy: mine ? me.userId : undefined, language: f.language, sectionId, limit: 20 })).map(
          (r): NewsroomRow => {
            const when = fromDbTime(r[timeOf] ?? r.updated_at);
            return { id: r.id, headline: r.headline, language: r.language, status: r.status, sectionName: sectionName.get(r.section_slug) ?? r.section_slug, when: dates.dateTime(when), whenIso: when.toISOString() };
          },
        );
      const seesAll = roleAtLeast(me.role, 'editor');
      const [mine, review, scheduled, published] = await Promise.all([
        rows(['draft'], true, 'updated_at'),
        rows(['in_review'], !seesAll, 'updated_at'),
        rows(['scheduled'], !seesAll, 'scheduled_at'),
        rows(['published'], false, 'published_at'),
      ]);
      // Published stories say where their audio stands: the newsroom sees a failure without opening each.
      const audio = await deps.audio.statesOf(deps.db, published.map((r) => r.id));
      for (const r of published) r.audio = audioCell(t, audio.get(r.id));
      return renderAdmin(c, deps.assets, {
        title: 'admin.dashboard.title',
        body: (
          <>
            <p>{t.t('admin.dashboard.welcome', { name: me.name })}</p>
            <p>
              <a class="button" href="/admin/articles/new">
                {t.t('admin.article.new')}
              </a>
            </p>
            <form method="get" class="filters">
              <label for="f-language">{t.t('admin.article.language')}</label>
              <select id="f-language" name="language">
                <option value="">{t.t('admin.article.allLanguages')}</option>
                <option value="en" selected={f.language === 'en'}>
                  {t.t('lang.en')}
                </option>
                <option value="ar" selected={f.language === 'ar'}>
                  {t.t('lang.ar')}
                </option>
              </select>
              <label for="f-section">{t.t('admin.article.section')}</label>
              <select id="f-section" name="section">
                <option value="">{t.t('admin.article.allSections')}</option>
                {sections.map((s) => (
                  <option value={s.slug} selected={f.section === s.slug}>
                    {s.name[t.lang]}
                  </option>
                ))}
              </select>
              <button type="submit" class="secondary">
                {t.t('admin.article.filter')}
              </button>
            </form>
            <NewsroomTable t={t} rows={mine} caption={t.t('admin.dashboard.myDrafts')} />
            <NewsroomTable t={t} rows={review} caption={t.t('admin.dashboard.inReview')} />
            <NewsroomTable t={t} rows={scheduled} caption={t.t('admin.dashboard.scheduled')} />
            <NewsroomTable t={t} rows={published} caption={t.t('admin.dashboard.published')} />
          </>
        ),
      });
    }),
  ];
}

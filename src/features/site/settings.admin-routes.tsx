import { z } from 'zod';
import { staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { clientInfo } from '../../http/client.js';
import { recordAudit } from '../audit/index.js';
import type { TaxonomyAdminDeps } from '../sections/index.js';
import { getSiteSettings, saveSiteSettings, type SiteSettings } from '../site-settings/index.js';
import { adminTranslator, CsrfField, renderAdmin } from '../staff/index.js';

const field = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** "Friday" / "الجمعة" for 0 (Sunday) … 6: 1 January 2023 was a Sunday. */
function weekdayName(lang: 'en' | 'ar', day: number): string {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-ca-gregory' : 'en-US', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)));
}

/** The site's settings, for administrators; saving re-renders every page. */
export function settingsAdminRoutes(deps: TaxonomyAdminDeps & { config: { trustProxy: boolean } }): RouteDef[] {
  const page = async (c: AppContext, s: SiteSettings, extra: { notice?: string; error?: string; status?: number } = {}) => {
    const t = adminTranslator(c);
    return renderAdmin(c, deps.assets, {
      title: 'admin.settings.title',
      ...extra,
      body: (
        <form method="post" action="/admin/settings" class="stack">
          <CsrfField c={c} />
          <div>
            <label for="name-en">{t.t('admin.settings.nameEn')}</label>
            <input id="name-en" name="nameEn" value={s.name.en} lang="en" dir="ltr" required />
          </div>
          <div>
            <label for="name-ar">{t.t('admin.settings.nameAr')}</label>
            <input id="name-ar" name="nameAr" value={s.name.ar} lang="ar" dir="rtl" required />
          </div>
          <div>
            <label for="motto">{t.t('admin.settings.motto')}</label>
            <input id="motto" name="motto" value={s.motto} dir="auto" />
          </div>
          <fieldset>
            <legend>{t.t('admin.settings.languages')}</legend>
            <label>
              <input type="checkbox" name="languages" value="en" checked={s.languages.includes('en')} /> {t.t('lang.en')}
            </label>
            <label>
              <input type="checkbox" name="languages" value="ar" checked={s.languages.includes('ar')} /> {t.t('lang.ar')}
            </label>
          </fieldset>
          <div>
            <label for="time-zone">{t.t('admin.settings.timeZone')}</label>
            <input id="time-zone" name="timeZone" value={s.timeZone} dir="ltr" required />
          </div>
          <div>
            <label for="date-style">{t.t('admin.settings.dateStyle')}</label>
            <select id="date-style" name="dateStyle">
              <option value="medium" selected={s.dateStyle === 'medium'}>
                {t.t('admin.settings.dateMedium')}
              </option>
              <option value="long" selected={s.dateStyle === 'long'}>
                {t.t('admin.settings.dateLong')}
              </option>
            </select>
          </div>
          <div>
            <label for="digits">{t.t('admin.settings.digits')}</label>
            <select id="digits" name="arabicDigits">
              <option value="latn" selected={s.arabicDigits === 'latn'}>
                {t.t('admin.settings.digitsLatn')}
              </option>
              <option value="arab" selected={s.arabicDigits === 'arab'}>
                {t.t('admin.settings.digitsArab')}
              </option>
            </select>
          </div>
          <label>
            <input type="checkbox" name="showHijriDate" value="true" checked={s.showHijriDate} /> {t.t('admin.settings.hijri')}
          </label>
          <fieldset>
            <legend>{t.t('admin.settings.feeds')}</legend>
            <label for="feed-content">{t.t('admin.settings.feedContent')}</label>
            <select id="feed-content" name="feedContent">
              <option value="full" selected={s.feedContent === 'full'}>
                {t.t('admin.settings.feedFull')}
              </option>
              <option value="summary" selected={s.feedContent === 'summary'}>
                {t.t('admin.settings.feedSummary')}
              </option>
            </select>
            <label for="websub-hub">{t.t('admin.settings.webSubHub')}</label>
            <input id="websub-hub" name="webSubHub" type="url" value={s.webSubHub} dir="ltr" placeholder="https://hub.example.com/" aria-describedby="websub-hub-help" />
            <p id="websub-hub-help" class="hint">{t.t('admin.settings.webSubHubHelp')}</p>
          </fieldset>
          <fieldset>
            <legend>{t.t('admin.settings.newsletters')}</legend>
            <label for="newsletter-daily-time">{t.t('admin.settings.dailyTime')}</label>
            <input id="newsletter-daily-time" name="newsletterDailyTime" type="time" value={s.newsletterDailyTime} dir="ltr" required />
            <label for="newsletter-weekly-day">{t.t('admin.settings.weeklyDay')}</label>
            <select id="newsletter-weekly-day" name="newsletterWeeklyDay">
              {[0, 1, 2, 3, 4, 5, 6].map((d) => (
                <option value={String(d)} selected={s.newsletterWeeklyDay === d}>
                  {weekdayName(t.lang, d)}
                </option>
              ))}
            </select>
            <label for="newsletter-weekly-time">{t.t('admin.settings.weeklyTime')}</label>
            <input id="newsletter-weekly-time" name="newsletterWeeklyTime" type="time" value={s.newsletterWeeklyTime} dir="ltr" required />
            <p class="hint">{t.t('admin.settings.newslettersHelp')}</p>
          </fieldset>
          <button type="submit">{t.t('admin.save')}</button>
        </form>
      ),
    });
  };
  return [
    staffRoute('GET', '/admin/settings', 'admin', async (c) => page(c, await getSiteSettings(deps.db))),
    staffRoute('POST', '/admin/settings', 'admin', async (c) => {
      const t = adminTranslator(c);
      const f = await c.req.parseBody({ all: true });
      const current = await getSiteSettings(deps.db);
      const languages = ([] as unknown[]).concat(f['languages'] ?? []).map(String);
      const next = {
        ...current,
        name: { en: field(f['nameEn']), ar: field(f['nameAr']) },
        motto: field(f['motto']),
        languages: languages.filter((l): l is 'en' | 'ar' => l === 'en' || l === 'ar'),
        timeZone: field(f['timeZone']),
        dateStyle: field(f['dateStyle']) === 'long' ? ('long' as const) : ('medium' as const),
        arabicDigits: field(f['arabicDigits']) === 'arab' ? ('arab' as const) : ('latn' as const),
        showHijriDate: field(f['showHijriDate']) === 'true',
        feedContent: field(f['feedContent']) === 'summary' ? ('summary' as const) : ('full' as const),
        webSubHub: field(f['webSubHub']).trim(),
        // A form without these fields (an older page still open) keeps the current times.
        newsletterDailyTime: f['newsletterDailyTime'] === undefined ? current.newsletterDailyTime : field(f['newsletterDailyTime']).slice(0, 5),
        newsletterWeeklyDay: f['newsletterWeeklyDay'] === undefined ? current.newsletterWeeklyDay : Number(field(f['newsletterWeeklyDay']) || NaN),
        newsletterWeeklyTime: f['newsletterWeeklyTime'] === undefined ? current.newsletterWeeklyTime : field(f['newsletterWeeklyTime']).slice(0, 5),
      };
      try {
        await saveSiteSettings(deps.db, next, deps.clock.now());
      } catch (err) {
        if (err instanceof z.ZodError) return page(c, next, { error: t.t('admin.settings.invalid'), status: 422 });
        throw err;
      }
      const s = c.get('staff')!;
      await recordAudit(deps.db, { userId: s.userId, label: s.email, ip: clientInfo(c, deps.config.trustProxy).ip }, 'settings-changed', { type: 'settings', id: 'site' }, {}, deps.clock.now());
      await deps.bus.publish(['site']);
      return page(c, next, { notice: t.t('admin.taxonomy.saved') });
    }),
  ];
}

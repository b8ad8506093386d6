import type { Child } from 'hono/jsx';
import { getCookie } from 'hono/cookie';
import { roleAtLeast, type AppContext, type StaffRole } from '../../http/access.js';
import type { Assets } from '../../http/assets.js';
import { AdminLayout } from '../../http/layouts/admin-layout.js';
import { createTranslator, isLanguage, type Language, type MessageKey, type Translator } from '../../platform/i18n/i18n.js';

export const ADMIN_LANG_COOKIE = 'ap_admin_lang';

/** The newsroom's language: the staff member's choice, else the pre-sign-in cookie, else the browser's. */
export function adminLanguage(c: AppContext): Language {
  const staff = c.get('staff');
  if (staff) return staff.language;
  const cookie = getCookie(c, ADMIN_LANG_COOKIE);
  if (isLanguage(cookie)) return cookie;
  return /^\s*ar\b/i.test(c.req.header('Accept-Language') ?? '') ? 'ar' : 'en';
}

export function adminTranslator(c: AppContext): Translator {
  return createTranslator(adminLanguage(c));
}

const NAV: { path: string; label: MessageKey; role: StaffRole }[] = [
  { path: '/admin', label: 'admin.nav.dashboard', role: 'contributor' },
  { path: '/admin/articles/new', label: 'admin.article.new', role: 'contributor' },
  { path: '/admin/media', label: 'admin.media.nav', role: 'contributor' },
  { path: '/admin/sections', label: 'admin.nav.sections', role: 'editor' },
  { path: '/admin/tags', label: 'admin.nav.tags', role: 'editor' },
  { path: '/admin/people', label: 'admin.nav.people', role: 'editor' },
  { path: '/admin/newsletters', label: 'admin.nav.newsletters', role: 'editor' },
  { path: '/admin/settings', label: 'admin.nav.settings', role: 'admin' },
  { path: '/admin/integrations', label: 'admin.nav.integrations', role: 'admin' },
  { path: '/admin/staff', label: 'admin.nav.staff', role: 'admin' },
  { path: '/admin/audit', label: 'admin.nav.audit', role: 'admin' },
  { path: '/admin/account', label: 'admin.nav.account', role: 'contributor' },
  { path: '/', label: 'admin.nav.site', role: 'contributor' },
];

/** Renders a newsroom page in the staff member's language, with the menu their role allows. */
export async function renderAdmin(
  c: AppContext,
  assets: Assets,
  page: { title: MessageKey | { text: string }; body: Child; notice?: string; error?: string; status?: number },
): Promise<Response> {
  const t = adminTranslator(c);
  const staff = c.get('staff');
  const path = c.req.path;
  const html = await (
    <AdminLayout
      chrome={{
        t,
        css: assets.adminCss.url,
        languageSwitchPath: staff ? '/admin/language' : `/admin/language?to=${t.lang === 'ar' ? 'en' : 'ar'}&back=${encodeURIComponent(path)}`,
        staff: staff && {
          name: staff.name,
          csrfToken: staff.csrfToken,
          nav: NAV.filter((n) => roleAtLeast(staff.role, n.role)).map((n) => ({ path: n.path, label: t.t(n.label), current: n.path === path })),
        },
      }}
      title={typeof page.title === 'string' ? t.t(page.title) : page.title.text}
      notice={page.notice}
      error={page.error}
    >
      {page.body}
    </AdminLayout>
  ).toString();
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${html}`, (page.status ?? 200) as 200);
}

/** The hidden CSRF field every newsroom form carries. */
export function CsrfField(props: { c: AppContext }) {
  return <input type="hidden" name="_csrf" value={props.c.get('staff')?.csrfToken ?? ''} />;
}

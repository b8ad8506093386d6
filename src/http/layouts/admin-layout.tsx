import type { Child } from 'hono/jsx';
import type { Translator } from '../../platform/i18n/i18n.js';

export interface AdminChrome {
  t: Translator;
  css: string;
  /** Absent on pages used before signing in. */
  staff?: { name: string; csrfToken: string; nav: { path: string; label: string; current: boolean }[] };
  /** Switches the newsroom's language (a form for staff, a link before signing in). */
  languageSwitchPath: string;
}

/** The newsroom's page frame: same direction rules as the site, its own calmer stylesheet. */
export function AdminLayout(props: { chrome: AdminChrome; title: string; children: Child; notice?: string; error?: string }) {
  const { t, staff } = props.chrome;
  return (
    <html lang={t.lang} dir={t.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} | ${t.t('admin.title')}`}</title>
        <link rel="stylesheet" href={props.chrome.css} />
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          {t.t('site.skipToContent')}
        </a>
        <header class="admin-header">
          <p class="admin-header__name">{t.t('admin.title')}</p>
          {staff ? (
            <nav aria-label={t.t('admin.nav')}>
              <ul class="admin-nav">
                {staff.nav.map((n) => (
                  <li>
                    <a href={n.path} aria-current={n.current ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div class="admin-header__tools">
            {staff ? (
              <form method="post" action={props.chrome.languageSwitchPath}>
                <input type="hidden" name="_csrf" value={staff.csrfToken} />
                <button type="submit" lang={t.lang === 'ar' ? 'en' : 'ar'} title={t.t('admin.languageLabel')}>
                  {t.t('admin.language')}
                </button>
              </form>
            ) : (
              <a href={props.chrome.languageSwitchPath} lang={t.lang === 'ar' ? 'en' : 'ar'} title={t.t('admin.languageLabel')}>
                {t.t('admin.language')}
              </a>
            )}
            {staff ? (
              <form method="post" action="/admin/sign-out">
                <input type="hidden" name="_csrf" value={staff.csrfToken} />
                <button type="submit">{t.t('admin.signOut')}</button>
              </form>
            ) : null}
          </div>
        </header>
        <main id="main" tabindex={-1} class="admin-main">
          <h1>{props.title}</h1>
          {props.notice ? (
            <p class="notice" role="status">
              {props.notice}
            </p>
          ) : null}
          {props.error ? (
            <p class="form-error" role="alert">
              {props.error}
            </p>
          ) : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}

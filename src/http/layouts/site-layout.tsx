import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Translator } from '../../platform/i18n/i18n.js';

/** What the masthead and footer need; built by the site feature, plain data here. */
export interface SiteChrome {
  t: Translator;
  siteName: string;
  motto: string;
  today: { iso: string; gregorian: string; hijri: string | null };
  homePath: string;
  searchPath: string;
  /** Results while typing: the script and what it needs, or null when the script was not built. */
  instantSearch: { script: string; url: string; labelAll: string; labelNone: string; labelResults: string } | null;
  nav: { path: string; name: string; current: boolean; color: string }[];
  /** The same page in the other language when it exists, else the other language's home. */
  languageSwitch: { path: string; lang: 'en' | 'ar'; label: string; title: string } | null;
  /** The whole site's feeds in the page's language, announced on every page. */
  siteFeeds: { type: string; title: string; href: string }[];
  css: string;
  fontPreloads: string[];
  year: number;
}

export interface PageHead {
  title: string;
  description?: string;
  canonical?: string;
  alternates?: { hreflang: string; href: string }[];
  robots?: string;
  /** OpenGraph and X card tags (property= for og:/article:, name= for twitter:). */
  meta?: ({ property: string; content: string } | { name: string; content: string })[];
  /** schema.org objects, each written as one application/ld+json script. */
  jsonLd?: object[];
  /** This listing's own feeds (section, tag, author), announced beside the site's. */
  feeds?: { type: string; title: string; href: string }[];
  /** Module scripts this page needs beyond the masthead's (e.g. the Listen player). */
  scripts?: string[];
}

/** JSON inside <script>: "<" escaped so no text in it can close the element early. */
function jsonForScript(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function SiteLayout(props: { chrome: SiteChrome; head: PageHead; children: Child }) {
  const { chrome: c, head } = props;
  const { t } = c;
  return (
    <html lang={t.lang} dir={t.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        {head.description ? <meta name="description" content={head.description} /> : null}
        {head.robots ? <meta name="robots" content={head.robots} /> : null}
        {head.canonical ? <link rel="canonical" href={head.canonical} /> : null}
        {(head.alternates ?? []).map((a) => (
          <link rel="alternate" hreflang={a.hreflang} href={a.href} />
        ))}
        {[...(head.feeds ?? []), ...c.siteFeeds].map((f) => (
          <link rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        {(head.meta ?? []).map((m) => ('property' in m ? <meta property={m.property} content={m.content} /> : <meta name={m.name} content={m.content} />))}
        {(head.jsonLd ?? []).map((data) => (
          <script type="application/ld+json">{raw(jsonForScript(data))}</script>
        ))}
        <meta name="color-scheme" content="light dark" />
        {c.fontPreloads.map((href) => (
          <link rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        <link rel="stylesheet" href={c.css} />
        {c.instantSearch ? <script type="module" src={c.instantSearch.script} /> : null}
        {(head.scripts ?? []).map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.t('site.skipToContent')}
        </a>
        {/* The seed page's order: name, motto, then the date line. */}
        <header class="masthead">
          <div class="masthead__brand">
            <a class="masthead__name" href={c.homePath}>
              {c.siteName}
            </a>
            <p class="masthead__motto" lang="ar" dir="rtl">
              {c.motto}
            </p>
          </div>
          <div class="masthead__bar">
            <p class="masthead__date">
              <time datetime={c.today.iso}>{c.today.gregorian}</time>
              {c.today.hijri ? <span class="masthead__hijri">{c.today.hijri}</span> : null}
            </p>
            {c.languageSwitch ? (
              <a class="lang-switch" href={c.languageSwitch.path} hreflang={c.languageSwitch.lang} lang={c.languageSwitch.lang} title={c.languageSwitch.title}>
                {c.languageSwitch.label}
              </a>
            ) : null}
          </div>
          <form
            class="search-form"
            role="search"
            action={c.searchPath}
            method="get"
            data-instant-url={c.instantSearch?.url}
            data-label-all={c.instantSearch?.labelAll}
            data-label-none={c.instantSearch?.labelNone}
            data-label-results={c.instantSearch?.labelResults}
          >
            <label class="visually-hidden" for="site-search">
              {t.t('site.searchPlaceholder')}
            </label>
            <input id="site-search" type="search" name="q" placeholder={t.t('site.searchPlaceholder')} maxlength={200} />
            <button type="submit">{t.t('site.searchSubmit')}</button>
          </form>
          <nav class="section-nav" aria-label={t.t('site.sectionsNav')}>
            <ul>
              {c.nav.map((n) => (
                <li style={`--section-color:${n.color}`}>
                  <a href={n.path} aria-current={n.current ? 'page' : undefined}>
                    {n.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p class="site-footer__name">{c.siteName}</p>
          <p>{t.t('site.footerAbout')}</p>
          <p>{t.t('site.footerRights', { year: c.year })}</p>
        </footer>
      </body>
    </html>
  );
}

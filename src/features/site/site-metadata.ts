import type { PageContext } from './site-page.js';
import { SITE_LOGO } from './site-logo.js';

/**
 * The home page's schema.org JSON-LD: the WebSite with its search (the sitelinks search box reads
 * the SearchAction) and the Organization behind it, with its logo.
 */
export function homeJsonLd(ctx: PageContext): object[] {
  const home = ctx.absolute(ctx.paths.home);
  const name = ctx.settings.name[ctx.lang];
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      url: home,
      name,
      inLanguage: ctx.lang,
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${ctx.absolute(ctx.paths.search)}?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    },
    {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name,
      url: home,
      logo: { '@type': 'ImageObject', url: ctx.absolute(SITE_LOGO.path), width: SITE_LOGO.width, height: SITE_LOGO.height },
    },
  ];
}

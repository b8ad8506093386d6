export { renderError } from './error-pages.js';
export { healthRoutes } from './health.routes.js';
export { buildChrome, loadPageContext, renderDocument, sitePages, sitePaths, type PageContext, type PageRenderer, type RenderedPage, type SiteDeps, type SitePaths } from './site-page.js';
export { settingsAdminRoutes } from './settings.admin-routes.js';
export { FEED_FORMATS, feedLinks, feedPath, type FeedFormat, type FeedLink } from './feed-links.js';
export { SITE_LOGO } from './site-logo.js';
export { homeJsonLd } from './site-metadata.js';

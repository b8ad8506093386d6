export { searchSiteRoutes } from './search.site-routes.js';
export { ensureSearchIndex, reindexArticle, searchIndexer, ANALYZER_VERSION } from './search-index.js';
export { instantSearchRoutes } from './instant-search.routes.js';

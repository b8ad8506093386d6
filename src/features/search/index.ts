export { searchSiteRoutes } from './search.site-routes.js';
export { ANALYZER_VERSION, prepareSearchIndex, rebuildSearchIndex, rebuildSearchIndexJob, REBUILD_SEARCH_INDEX, reindexArticle, searchIndexer, updateRelatedArticlesJob, UPDATE_RELATED_ARTICLES } from './search-index.js';
export { instantSearchRoutes } from './instant-search.routes.js';

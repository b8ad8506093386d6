export { NEWS_STORIES, sitemapRoutes, URLS_PER_SITEMAP } from './sitemaps.routes.js';

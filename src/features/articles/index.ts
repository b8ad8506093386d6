export { articleCacheTags, articlePath, slugify, ARTICLE_STATUSES, type ArticlePage, type ArticleStatus, type ArticleSummary } from './article.js';
export { addCorrection, articleInputSchema, createArticle, publishArticle, unpublishArticle, updateArticle, type ArticleDeps, type ArticleInput } from './articles.service.js';
export { findArticleForPage, hasAnyArticle, listArticles, queryWords, searchArticles } from './articles.read.service.js';
export { archiveSiteRoutes, articleSiteRoutes } from './articles.site-routes.js';
export { listingSiteRoutes } from './listing.site-routes.js';
export { StoryCard } from './views/story-card.js';

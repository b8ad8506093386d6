export { feedRoutes } from './feeds.routes.js';
export { pingWebSubHubJob, PING_WEBSUB_HUB, webSubIndexer } from './websub.js';

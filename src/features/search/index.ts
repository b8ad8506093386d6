export { searchSiteRoutes } from './search.site-routes.js';

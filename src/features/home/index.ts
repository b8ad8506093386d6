export { homeSiteRoutes } from './home.site-routes.js';

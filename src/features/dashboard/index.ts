export { dashboardRoutes } from './dashboard.admin-routes.js';

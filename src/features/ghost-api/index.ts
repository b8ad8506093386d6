export { contentApiRoutes } from './content-api.routes.js';

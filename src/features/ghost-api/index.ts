export { contentApiRoutes } from './content-api.routes.js';
export { adminApiRoutes, type AdminApiDeps } from './admin-api.routes.js';
export { ghostErrorResponse, GhostApiError } from './ghost-errors.js';
export { postEventBody } from './admin-post-view.js';

export { MEDIA_TYPES, mediaUrl } from './media.js';
export { storeImage, type MediaDeps, type StoredMedia } from './media.service.js';
export { mediaRoutes } from './media.site-routes.js';

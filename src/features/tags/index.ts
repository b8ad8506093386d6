export { createTag, findTagBySlug, listTags, listTagsBySlugs, newTagSchema, renameTag, toTag, type Tag } from './tags.service.js';
export { tagAdminRoutes } from './tags.admin-routes.js';

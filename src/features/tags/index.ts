export { createTag, findTagBySlug, listTagsBySlugs, newTagSchema, toTag, type Tag } from './tags.service.js';

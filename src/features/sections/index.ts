export { RESERVED_SLUGS, type Section } from './section.js';
export { createSection, findSectionBySlug, listSections, newSectionSchema } from './sections.service.js';

export { RESERVED_SLUGS, type Section } from './section.js';
export { createSection, findSectionBySlug, listSections, newSectionSchema, updateSection } from './sections.service.js';
export { applyTaxonomyChange, NameFields, sectionAdminRoutes, type TaxonomyAdminDeps } from './sections.admin-routes.js';

export { createPerson, findPersonBySlug, listPeopleBySlugs, newPersonSchema, type Person } from './people.service.js';

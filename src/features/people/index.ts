export { createPerson, findPersonBySlug, listPeople, listPeopleBySlugs, newPersonSchema, updatePerson, type Person } from './people.service.js';
export { peopleAdminRoutes } from './people.admin-routes.js';

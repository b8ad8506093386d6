export {
  createIntegration,
  deleteIntegration,
  integrationByAdminKeyId,
  integrationByContentKey,
  integrationNameSchema,
  listIntegrations,
  markIntegrationUsed,
  type Integration,
} from './integrations.service.js';
export { integrationAdminRoutes } from './integrations.admin-routes.js';

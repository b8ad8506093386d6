export { webhookIndexer } from './article-events.js';
export { deliverWebhookJob } from './deliver-webhook.job.js';
export {
  createWebhook,
  deleteWebhook,
  DELIVER_WEBHOOK,
  listDeliveries,
  listWebhooks,
  newWebhookSchema,
  queueWebhookEvent,
  signatureHeader,
  updateWebhook,
  WEBHOOK_EVENTS,
  type Delivery,
  type Webhook,
  type WebhookEvent,
} from './webhooks.service.js';
export { webhookAdminRoutes } from './webhooks.admin-routes.js';

export { availableLists, listName, validLists, type ListChoice, type ListKey } from './lists.js';
export { newsletterSiteRoutes } from './newsletters.site-routes.js';
export { sendConfirmationJob } from './send-confirmation.job.js';
export {
  confirmSubscription,
  preferencesSchema,
  requestSubscription,
  savePreferences,
  SEND_CONFIRMATION,
  signupSchema,
  subscriberForLink,
  unsubscribe,
  unsubscribeByLink,
} from './subscribe.service.js';
export { SignupBox } from './views/signup-box.js';
export { planDigests } from './digests.js';
export { createNewsletterSender, deliveryRetryDelayMs, type NewsletterSender } from './outbox/newsletter-sender.js';
export { countRecipients, createIssue, findIssue, finishIssueIfDone, issueCounts, renderIssue, sendReport, startSend, type IssueCounts, type IssueRow } from './issues.service.js';
export { manualIssueSchema, saveManualIssue, sendBreakingNews, sendManualIssue, sendTestIssue } from './compose.service.js';
export { bounceWebhookSchema, isSuppressed, parseSuppressionCsv, reasonOfEvent, suppressAddress } from './suppressions.service.js';
export { newsletterSecret } from './newsletter-secrets.js';
export { newsletterSubscriberRoutes } from './subscribers.admin-routes.js';
export { newsletterSendRoutes } from './sends.admin-routes.js';
export { newsletterBounceRoutes } from './bounces.routes.js';

import type { Kysely } from 'kysely';
import type {
  ArticleBylinesTable,
  ArticleCorrectionsTable,
  ArticleLocksTable,
  ArticleRelatedTable,
  ArticleRevisionsTable,
  ArticleSlugHistoryTable,
  ArticlesTable,
  ArticleTagsTable,
} from './features/articles/articles.table.js';
import type { ArticleAudioTable } from './features/audio/audio.table.js';
import type { MediaTable } from './features/media/media.table.js';
import type {
  NewsletterConsentsTable,
  NewsletterDeliveriesTable,
  NewsletterIssuesTable,
  NewsletterSecretsTable,
  NewsletterSubscribersTable,
  NewsletterSubscriptionsTable,
  NewsletterSuppressionsTable,
  NewsletterThrottleTable,
} from './features/newsletters/newsletters.table.js';
import type { PeopleTable } from './features/people/people.table.js';
import type { SectionsTable } from './features/sections/sections.table.js';
import type { SiteSettingsTable } from './features/site-settings/site-settings.table.js';
import type { TagsTable } from './features/tags/tags.table.js';
import type { AuditLogTable } from './features/audit/audit.table.js';
import type { JobsTable } from './platform/jobs/jobs.table.js';
import type { IntegrationsTable } from './features/integrations/integrations.table.js';
import type { WebhookArticleStatesTable, WebhookDeliveriesTable, WebhooksTable } from './features/webhooks/webhooks.table.js';
import type { SignInThrottleTable, StaffSessionsTable, StaffTokensTable, StaffUsersTable } from './features/staff/staff.table.js';

/** Every table, as Kysely sees it. Each feature owns its own `*.table.ts`; this only gathers them. */
export interface DB {
  sections: SectionsTable;
  tags: TagsTable;
  people: PeopleTable;
  media: MediaTable;
  site_settings: SiteSettingsTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  newsletter_consents: NewsletterConsentsTable;
  newsletter_suppressions: NewsletterSuppressionsTable;
  newsletter_throttle: NewsletterThrottleTable;
  newsletter_secrets: NewsletterSecretsTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  articles: ArticlesTable;
  article_slug_history: ArticleSlugHistoryTable;
  article_tags: ArticleTagsTable;
  article_bylines: ArticleBylinesTable;
  article_corrections: ArticleCorrectionsTable;
  article_revisions: ArticleRevisionsTable;
  article_locks: ArticleLocksTable;
  article_related: ArticleRelatedTable;
  article_audio: ArticleAudioTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_tokens: StaffTokensTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  integrations: IntegrationsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_article_states: WebhookArticleStatesTable;
}

export type Db = Kysely<DB>;

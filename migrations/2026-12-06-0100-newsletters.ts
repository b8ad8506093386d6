import { sql, type Kysely } from 'kysely';

/**
 * Newsletters (src/features/newsletters/README.md): subscribers with their lists and consent records,
 * suppressed addresses, issues, and the outbox (one delivery row per issue and subscriber).
 * Addresses signed up before double opt-in existed become unconfirmed subscribers: they are never
 * mailed until they subscribe again and confirm.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('newsletter_subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addColumn('confirmation_sent_at', 'text')
    .execute();
  await db.schema.createIndex('newsletter_subscribers_status_idx').on('newsletter_subscribers').columns(['status', 'language']).execute();
  await db.schema
    .createTable('newsletter_subscriptions')
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
    .addColumn('list', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('newsletter_subscriptions_pk', ['subscriber_id', 'list'])
    .execute();
  await db.schema.createIndex('newsletter_subscriptions_list_idx').on('newsletter_subscriptions').columns(['list', 'subscriber_id']).execute();
  await db.schema
    .createTable('newsletter_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('lists', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('newsletter_consents_subscriber_idx').on('newsletter_consents').columns(['subscriber_id', 'created_at']).execute();
  await db.schema
    .createTable('newsletter_suppressions')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('newsletter_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('newsletter_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('newsletter_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('send_started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('email_html', 'text')
    .addColumn('email_text', 'text')
    .execute();
  await db.schema.createIndex('newsletter_issues_created_idx').on('newsletter_issues').column('created_at').execute();
  await db.schema
    .createTable('newsletter_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('possible_repeat', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('smtp_response', 'text')
    .addColumn('error', 'text')
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('newsletter_deliveries_issue_subscriber_uq', ['issue_id', 'subscriber_id'])
    .execute();
  // Claims read "due rows, oldest first"; the admin counts rows per issue and status.
  await db.schema.createIndex('newsletter_deliveries_due_idx').on('newsletter_deliveries').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('newsletter_deliveries_issue_status_idx').on('newsletter_deliveries').columns(['issue_id', 'status']).execute();

  await sql`INSERT INTO newsletter_subscribers (id, email, language, status, source, created_at, updated_at)
    SELECT id, email, language, 'pending', source_path, created_at, created_at FROM newsletter_signups`.execute(db);
  await db.schema.dropTable('newsletter_signups').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('newsletter_signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO newsletter_signups (id, email, language, source_path, created_at)
    SELECT id, email, language, source, created_at FROM newsletter_subscribers`.execute(db);
  for (const t of ['newsletter_deliveries', 'newsletter_issues', 'newsletter_secrets', 'newsletter_throttle', 'newsletter_suppressions', 'newsletter_consents', 'newsletter_subscriptions', 'newsletter_subscribers']) {
    await db.schema.dropTable(t).execute();
  }
}

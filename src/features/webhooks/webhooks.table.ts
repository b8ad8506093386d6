/** A subscription: when `event` happens, POST to `target_url`, signed with `secret`. */
export interface WebhooksTable {
  id: string;
  integration_id: string;
  event: string;
  target_url: string;
  /** Signs each delivery (HMAC-SHA256); shown to the admin so the receiver can check it. */
  secret: string;
  name: string;
  created_at: string;
}

/** One event sent (or being sent) to one webhook: the delivery log the admin reads. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event: string;
  /** The JSON body, fixed when the event happened, so a retry sends the same bytes. */
  payload: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  response_status: number | null;
  error: string | null;
  created_at: string;
  last_attempt_at: string | null;
}

/** Whether each article was last announced as published, to tell published from edited from unpublished. */
export interface WebhookArticleStatesTable {
  article_id: string;
  published: number;
}

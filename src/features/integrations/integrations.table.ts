export interface IntegrationsTable {
  id: string;
  name: string;
  /** 26 hex characters, sent as ?key= to the Content API. */
  content_key: string;
  /** The admin key is `${admin_key_id}:${admin_secret}` (24 and 64 hex characters). */
  admin_key_id: string;
  admin_secret: string;
  created_at: string;
  last_used_at: string | null;
}

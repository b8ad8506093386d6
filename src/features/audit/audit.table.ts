export interface AuditLogTable {
  id: string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  details: string; // JSON
  ip: string;
  created_at: string;
}

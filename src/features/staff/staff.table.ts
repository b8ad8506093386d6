import type { StaffRole } from '../../http/access.js';

export interface StaffUsersTable {
  id: string;
  email: string;
  display_name: string;
  role: StaffRole;
  language: 'en' | 'ar';
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  person_id: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  stage: 'full' | 'second-factor';
  csrf_token: string;
  ip: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface StaffTokensTable {
  id: string;
  token_hash: string;
  purpose: 'setup' | 'reset';
  user_id: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  blocked_until: string;
}

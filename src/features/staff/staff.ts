import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '../../http/access.js';

export { emailSchema } from '../../platform/mail/email-address.js';

/** Long passphrases beat composition rules (NIST 800-63B): a length floor, nothing else imposed. */
export const passwordSchema = z.string().min(10).max(200);

export const roleSchema = z.enum(STAFF_ROLES);

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  language: 'en' | 'ar';
  twoFactor: boolean;
  hasPassword: boolean;
  disabled: boolean;
  personId: string | null;
}

export const SESSION_COOKIE = 'ap_session';
export const SESSION_TTL_MS = 14 * 24 * 3600_000;
export const SECOND_FACTOR_TTL_MS = 10 * 60_000;
export const SETUP_TOKEN_TTL_MS = 7 * 24 * 3600_000;
export const RESET_TOKEN_TTL_MS = 60 * 60_000;

/**
 * Growing delays after failed sign-ins: the first few are free (typos), then 2, 4, 8 … seconds,
 * capped at 15 minutes. Applied per account and per client address.
 */
export function blockAfterFailures(failures: number): number {
  const FREE = 3;
  if (failures <= FREE) return 0;
  return Math.min(2 ** (failures - FREE) * 1000, 15 * 60_000);
}

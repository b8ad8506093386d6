import { z } from 'zod';

/**
 * An email address as every form takes it (staff accounts, newsletter signups, imports): trimmed,
 * lower-cased so one person is one row, at most 254 characters (RFC 5321's path limit).
 */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .transform((e) => e.toLowerCase())
  .pipe(z.email());

import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';
import { insertSignupRow } from './newsletters.repo.js';

export const signupSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .transform((e) => e.toLowerCase())
    .pipe(z.email()),
  language: z.enum(['en', 'ar']),
  /** The page the form was on, kept for the consent record. */
  // Only a path on this site: "//host" or "/\\host" would send the reader's "Back" link elsewhere.
  from: z.string().max(500).regex(/^\/(?![/\\])[^\s]*$/).catch('/'),
});

export type SignupInput = z.input<typeof signupSchema>;

/** Stores a newsletter signup. Confirmation (double opt-in) comes with the newsletter feature. */
export async function saveSignup(deps: { db: Db; clock: Clock }, input: z.output<typeof signupSchema>): Promise<void> {
  await insertSignupRow(deps.db, {
    id: newId(),
    email: input.email,
    language: input.language,
    source_path: input.from,
    created_at: toDbTime(deps.clock.now()),
  });
}

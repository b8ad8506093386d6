import type { Db, DB } from '../../db-schema.js';

/** An address already on the list is left as it is: the reader gets the same answer either way. */
export async function insertSignupRow(db: Db, row: DB['newsletter_signups']): Promise<void> {
  await db.insertInto('newsletter_signups').values(row).onConflict((oc) => oc.column('email').doNothing()).execute();
}

export function findSignupRowByEmail(db: Db, email: string) {
  return db.selectFrom('newsletter_signups').selectAll().where('email', '=', email).executeTakeFirst();
}

import type { Db, DB } from '../../db-schema.js';

export async function insertAuditRow(db: Db, row: DB['audit_log']): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export function listAuditRows(db: Db, limit: number, offset: number) {
  return db.selectFrom('audit_log').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

export async function countAuditRows(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db-schema.js';
import { newId } from '../../platform/db/ids.js';
import { toDbTime } from '../../platform/db/time.js';

/**
 * Integrations and their keys, in Ghost's formats so Ghost's own client libraries accept them: a
 * Content API key of 26 hex characters, an Admin API key "id:secret" of 24 and 64.
 */
export interface Integration {
  id: string;
  name: string;
  contentKey: string;
  adminKey: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export const integrationNameSchema = z.string().trim().min(1).max(100);

const hex = (bytes: number, length: number) => randomBytes(bytes).toString('hex').slice(0, length);

type Row = { id: string; name: string; content_key: string; admin_key_id: string; admin_secret: string; created_at: string; last_used_at: string | null };

function toIntegration(r: Row): Integration {
  return { id: r.id, name: r.name, contentKey: r.content_key, adminKey: `${r.admin_key_id}:${r.admin_secret}`, createdAt: new Date(r.created_at), lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null };
}

export async function createIntegration(db: Db, name: string, now: Date): Promise<Integration> {
  const row: Row = { id: newId(), name: integrationNameSchema.parse(name), content_key: hex(13, 26), admin_key_id: hex(12, 24), admin_secret: hex(32, 64), created_at: toDbTime(now), last_used_at: null };
  await db.insertInto('integrations').values(row).execute();
  return toIntegration(row);
}

export async function listIntegrations(db: Db): Promise<Integration[]> {
  return (await db.selectFrom('integrations').selectAll().orderBy('created_at').execute()).map(toIntegration);
}

export async function deleteIntegration(db: Db, id: string): Promise<boolean> {
  const res = await db.deleteFrom('integrations').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/**
 * Records that an integration was just used (the admin shows it). Written at most once a minute per
 * integration, so an API busy with requests does not write a row for every one of them.
 */
export async function markIntegrationUsed(db: Db, integration: Pick<Integration, 'id' | 'lastUsedAt'>, now: Date): Promise<void> {
  if (integration.lastUsedAt && now.getTime() - integration.lastUsedAt.getTime() < 60_000) return;
  await db.updateTable('integrations').set({ last_used_at: toDbTime(now) }).where('id', '=', integration.id).execute();
}

/** The integration a Content API key belongs to, if any (keys are compared by the index, exactly). */
export async function integrationByContentKey(db: Db, key: string): Promise<Integration | undefined> {
  if (!/^[0-9a-f]{26}$/.test(key)) return undefined;
  const row = await db.selectFrom('integrations').selectAll().where('content_key', '=', key).executeTakeFirst();
  return row && toIntegration(row);
}

/** The integration an Admin API key id belongs to, with its secret for checking a token's signature. */
export async function integrationByAdminKeyId(db: Db, keyId: string): Promise<(Integration & { secret: string }) | undefined> {
  if (!/^[0-9a-f]{24}$/.test(keyId)) return undefined;
  const row = await db.selectFrom('integrations').selectAll().where('admin_key_id', '=', keyId).executeTakeFirst();
  return row && { ...toIntegration(row), secret: row.admin_secret };
}

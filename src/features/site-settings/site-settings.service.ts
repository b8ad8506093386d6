import type { Db } from '../../db-schema.js';
import { toDbTime } from '../../platform/db/time.js';
import { defaultSiteSettings, siteSettingsSchema, type SiteSettings } from './site-settings.js';
import { findSiteSettingsJson, upsertSiteSettingsJson } from './site-settings.repo.js';

/** Stored settings over the defaults; a stored value that no longer validates falls back per field. */
export async function getSiteSettings(db: Db): Promise<SiteSettings> {
  const json = await findSiteSettingsJson(db);
  if (!json) return defaultSiteSettings;
  const stored = siteSettingsSchema.partial().safeParse(JSON.parse(json));
  return stored.success ? { ...defaultSiteSettings, ...stored.data } : defaultSiteSettings;
}

export async function saveSiteSettings(db: Db, settings: SiteSettings, now: Date): Promise<SiteSettings> {
  const valid = siteSettingsSchema.parse(settings);
  await upsertSiteSettingsJson(db, JSON.stringify(valid), toDbTime(now));
  return valid;
}

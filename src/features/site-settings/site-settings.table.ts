export interface SiteSettingsTable {
  key: string;
  value: string; // JSON
  updated_at: string;
}

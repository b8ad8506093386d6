export { defaultSiteSettings, siteSettingsSchema, type SiteSettings } from './site-settings.js';
export { getSiteSettings, saveSiteSettings } from './site-settings.service.js';

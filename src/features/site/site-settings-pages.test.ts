import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { defaultSiteSettings, saveSiteSettings } from '../site-settings/index.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({ now: new Date('2024-04-26T09:00:00Z') });
  await seedNewsroom(site);
  await publishedArticle(site, { headline: 'A story in English' });
});

async function settle(settings: Parameters<typeof saveSiteSettings>[1]) {
  await saveSiteSettings(site.deps.db, settings, site.clock.now());
  await site.deps.bus.publish(['site']);
}

describe('site settings shape every page', () => {
  it('writes Arabic-Indic digits on Arabic pages when the settings ask for them', async () => {
    await settle({ ...defaultSiteSettings, arabicDigits: 'arab' });
    const html = await (await site.get('/ar/')).text();
    expect(html).toContain('الجمعة، ٢٦ أبريل ٢٠٢٤');
    expect(html).toContain('١٧ شوال ١٤٤٥ هـ');
    await settle({ ...defaultSiteSettings, arabicDigits: 'latn' });
    expect(await (await site.get('/ar/')).text()).toContain('الجمعة، 26 أبريل 2024');
  });

  it('follows the time zone and date style', async () => {
    await settle({ ...defaultSiteSettings, timeZone: 'America/New_York', dateStyle: 'long' });
    // 09:00 UTC is still Friday morning in New York, written with the full month name.
    expect(await (await site.get('/')).text()).toContain('Friday, April 26, 2024');
    // …and in Pago Pago (UTC−11) it is still Thursday evening.
    await settle({ ...defaultSiteSettings, timeZone: 'Pacific/Pago_Pago' });
    expect(await (await site.get('/')).text()).toContain('Thursday, Apr 25, 2024');
  });

  it('serves no Arabic pages and shows no language switch on an English-only site', async () => {
    await settle({ ...defaultSiteSettings, languages: ['en'] });
    expect((await site.get('/ar/')).status).toBe(404);
    expect(await (await site.get('/')).text()).not.toContain('class="lang-switch"');
    await settle(defaultSiteSettings);
    expect((await site.get('/ar/')).status).toBe(200);
    expect(await (await site.get('/')).text()).toContain('class="lang-switch"');
  });

  it('hides the Hijri date when switched off', async () => {
    await settle({ ...defaultSiteSettings, showHijriDate: false });
    expect(await (await site.get('/')).text()).not.toContain('masthead__hijri');
    await settle(defaultSiteSettings);
    expect(await (await site.get('/')).text()).toContain('Shawwal 17, 1445 AH');
  });
});

import { getSiteSettings } from '../site-settings/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { alertIn, signInAs, type SignedIn } from '../../../tests/staff-kit.js';

let site: TestSite;
let admin: SignedIn;
let editor: SignedIn;

beforeAll(async () => {
  site = await createTestSite({ now: new Date('2024-04-26T09:00:00Z') });
  await seedNewsroom(site);
  await publishedArticle(site, { headline: 'A story on the front page' });
  admin = await signInAs(site, 'admin');
  editor = await signInAs(site, 'editor', { language: 'ar' });
});

const settingsForm = (who: SignedIn, over: Record<string, string> = {}) =>
  new URLSearchParams({ _csrf: who.csrf, nameEn: 'Arab Press', nameAr: 'عرب برس', motto: 'بالشعب و للشعب', timeZone: 'Asia/Riyadh', dateStyle: 'medium', arabicDigits: 'latn', showHijriDate: 'true', ...over });

describe('site settings and taxonomy in the newsroom', () => {
  it('changes the site’s name and digits on pages already cached', async () => {
    expect(await (await site.get('/')).text()).toContain('>Arab Press</a>');
    const form = settingsForm(admin, { nameEn: 'Arab Press Daily', arabicDigits: 'arab' });
    form.append('languages', 'en');
    form.append('languages', 'ar');
    const res = await admin.browser.request('/admin/settings', { method: 'POST', body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    expect(await (await site.get('/')).text()).toContain('>Arab Press Daily</a>');
    expect(await (await site.get('/ar/')).text()).toContain('٢٦ أبريل ٢٠٢٤');
  });

  it('refuses an unknown time zone with a clear message and keeps what was typed', async () => {
    const form = settingsForm(admin, { timeZone: 'Mars/Olympus', nameEn: 'Kept name' });
    form.append('languages', 'en');
    const res = await admin.browser.request('/admin/settings', { method: 'POST', body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(alertIn(html)).toContain('a known time zone');
    expect(html).toContain('value="Kept name"');
  });

  it('sets the newsletter digests’ times and day, and refuses a time that is not hours:minutes', async () => {
    const form = settingsForm(admin, { newsletterDailyTime: '06:30', newsletterWeeklyDay: '0', newsletterWeeklyTime: '09:15' });
    form.append('languages', 'en');
    form.append('languages', 'ar');
    const res = await admin.browser.request('/admin/settings', { method: 'POST', body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    const saved = await getSiteSettings(site.deps.db);
    expect(saved).toMatchObject({ newsletterDailyTime: '06:30', newsletterWeeklyDay: 0, newsletterWeeklyTime: '09:15' });
    const page = await (await admin.browser.get('/admin/settings')).text();
    expect(page).toContain('value="06:30"');
    expect(page).toMatch(/<option value="0" selected="?"?>Sunday<\/option>/);

    const bad = settingsForm(admin, { newsletterDailyTime: '25:00' });
    bad.append('languages', 'en');
    const refused = await admin.browser.request('/admin/settings', { method: 'POST', body: bad.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(refused.status).toBe(422);
    expect(alertIn(await refused.text())).toContain('newsletter times as hours:minutes');
    expect((await getSiteSettings(site.deps.db)).newsletterDailyTime).toBe('06:30');
  });

  it('keeps settings for administrators: an editor gets 403 in Arabic', async () => {
    const res = await editor.browser.get('/admin/settings');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('دورك لا يسمح بهذا الإجراء');
  });

  it('adds a section that appears in the navigation of both languages', async () => {
    const res = await editor.browser.post('/admin/sections', { _csrf: editor.csrf, slug: 'culture', nameEn: 'Culture', nameAr: 'ثقافة', position: '9', color: '#336699' });
    expect(res.status).toBe(200);
    expect(await (await site.get('/')).text()).toContain('<a href="/culture/">Culture</a>');
    expect(await (await site.get('/ar/')).text()).toContain('<a href="/ar/culture/">ثقافة</a>');
    const bad = await editor.browser.post('/admin/sections', { _csrf: editor.csrf, slug: 'Not A Slug', nameEn: 'X', nameAr: 'س', position: '1', color: '#000000' });
    expect(bad.status).toBe(422);
    const taken = await editor.browser.post('/admin/sections', { _csrf: editor.csrf, slug: 'culture', nameEn: 'X', nameAr: 'س', position: '1', color: '#000000' });
    expect(taken.status).toBe(409);
  });

  it('renames a tag and edits a person’s biography, shown on their pages', async () => {
    const tags = await (await editor.browser.get('/admin/tags')).text();
    const tagId = /action="\/admin\/tags\/([^"]+)"/.exec(tags)![1]!;
    expect((await editor.browser.post(`/admin/tags/${tagId}`, { _csrf: editor.csrf, nameEn: 'Gaza Strip', nameAr: 'قطاع غزة' })).status).toBe(200);
    const people = await (await editor.browser.get('/admin/people')).text();
    const personId = /action="\/admin\/people\/([^"]+)"/.exec(people)![1]!;
    const saved = await editor.browser.post(`/admin/people/${personId}`, { _csrf: editor.csrf, kind: 'person', nameEn: 'Layla Haddad', nameAr: 'ليلى حداد', bioEn: 'Covers the Levant from Amman.', bioAr: 'تغطي بلاد الشام من عمّان.', photoMediaId: '' });
    expect(saved.status).toBe(200);
    expect(await (await site.get('/author/layla-haddad')).text()).toContain('Covers the Levant from Amman.');
    expect(await (await site.get('/ar/author/layla-haddad')).text()).toContain('تغطي بلاد الشام من عمّان.');
  });
});

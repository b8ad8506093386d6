import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { addSubscribers } from '../../../tests/newsletter-kit.js';
import { alertIn, noticeIn, postForm, signInAs, visibleText, type SignedIn } from '../../../tests/staff-kit.js';
import { listSections } from '../sections/index.js';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from './subscriber-import.js';

// The newsroom's subscriber pages over HTTP, as editors and admins use them, on both databases.
let site: TestSite;
let admin: SignedIn;
let adminAr: SignedIn;
let editor: SignedIn;
let politicsId = '';
beforeAll(async () => {
  site = await createTestSite();
  await seedNewsroom(site);
  politicsId = (await listSections(site.deps.db)).find((s) => s.slug === 'politics')!.id;
  [admin, adminAr, editor] = [await signInAs(site, 'admin'), await signInAs(site, 'admin', { language: 'ar' }), await signInAs(site, 'editor')];
});

const db = () => site.deps.db;

/** A multipart form post from a signed-in browser (file uploads), with its CSRF token. */
async function upload(who: SignedIn, path: string, file: { body: string | Uint8Array; name?: string; type?: string } | undefined, fields: Record<string, string | string[]> = {}): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', who.csrf);
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) form.append(k, value);
  if (file) form.set('file', new File([new Uint8Array(typeof file.body === 'string' ? new TextEncoder().encode(file.body) : file.body)], file.name ?? 'subscribers.csv', { type: file.type ?? 'text/csv' }));
  const cookie = [...who.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return site.app.request(path, { method: 'POST', body: form, headers: { Cookie: cookie, 'User-Agent': 'staff-kit', 'X-Forwarded-For': who.browser.ip } });
}

/** The hidden fields of the preview's confirm form, to post them back as the button would. */
function confirmFieldsIn(html: string): Record<string, string | string[]> {
  const form = /<form[^>]*class="import-confirm"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error(`no confirm form in: ${visibleText(html).slice(0, 500)}`);
  const fields: Record<string, string | string[]> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    const [name, value] = [m[1]!, m[2]!.replace(/&amp;/g, '&')];
    if (name === '_csrf') continue;
    const had = fields[name];
    fields[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return fields;
}

function postFields(who: SignedIn, path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams({ _csrf: who.csrf });
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  return who.browser.request(path, { method: 'POST', body: body.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

const subscriberCount = async () => Number((await db().selectFrom('newsletter_subscribers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const subscriber = (email: string) => db().selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();
const listsOf = async (email: string) => {
  const s = await subscriber(email);
  return (await db().selectFrom('newsletter_subscriptions').select('list').where('subscriber_id', '=', s!.id).execute()).map((r) => r.list).sort();
};
const emailsOnPage = (html: string) => [...html.matchAll(/<tr class="subscriber" data-email="([^"]+)"/g)].map((m) => m[1]!);
const countOnPage = (html: string) => Number(/class="newsletter-count" data-count="(\d+)"/.exec(html)?.[1]);
const auditActions = async () => (await db().selectFrom('audit_log').select(['action', 'details']).execute()).map((r) => r.action);

describe('the newsletters landing page (editors and up)', () => {
  it('counts confirmed, unsuppressed subscribers per list and language, and the totals', async () => {
    await addSubscribers(site, 3, { prefix: 'count-en', lists: ['daily', `weekly:${politicsId}`], language: 'en' });
    await addSubscribers(site, 2, { prefix: 'count-ar', lists: ['daily', 'breaking'], language: 'ar' });
    await addSubscribers(site, 4, { prefix: 'count-pending', lists: ['daily'], status: 'pending' });
    await addSubscribers(site, 1, { prefix: 'count-gone', lists: [], status: 'unsubscribed' });
    // A confirmed subscriber whose address bounced is on the list but never mailed: not counted.
    await db().insertInto('newsletter_suppressions').values({ email: 'count-ar-1@example.com', reason: 'bounce', source: 'webhook', detail: '', created_at: site.clock.now().toISOString() }).execute();

    const res = await editor.browser.get('/admin/newsletters');
    expect(res.status).toBe(200);
    const html = await res.text();
    const row = (key: string) => {
      const m = new RegExp(`<tr data-list="${key}">([\\s\\S]*?)</tr>`).exec(html);
      return m ? [...m[1]!.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => Number(c[1])) : undefined;
    };
    expect(row('daily')).toEqual([3, 1, 4]);
    expect(row('breaking')).toEqual([0, 1, 1]);
    expect(row(`weekly:${politicsId}`)).toEqual([3, 0, 3]);
    expect(html).toContain('Politics this week');
    expect(/data-total="active">(\d+)</.exec(html)?.[1]).toBe('5');
    expect(/data-total="pending">(\d+)</.exec(html)?.[1]).toBe('4');
    expect(/data-total="unsubscribed">(\d+)</.exec(html)?.[1]).toBe('1');
    expect(/data-total="suppressed">(\d+)</.exec(html)?.[1]).toBe('1');
    // Links: an editor gets Sends, not the personal-data pages.
    expect(html).toContain('href="/admin/newsletters/sends"');
    expect(html).not.toContain('href="/admin/newsletters/subscribers"');
    const asAdmin = await (await admin.browser.get('/admin/newsletters')).text();
    expect(asAdmin).toContain('href="/admin/newsletters/subscribers"');
    expect(asAdmin).toContain('href="/admin/newsletters/suppressions"');
    // In Arabic, with the lists' Arabic names.
    const ar = await (await adminAr.browser.get('/admin/newsletters')).text();
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('الموجز اليومي');
    expect(ar).toContain('سياسة هذا الأسبوع');
  });

  it('keeps subscribers, exports, imports and suppressions from editors; contributors get no page at all', async () => {
    for (const path of ['/admin/newsletters/subscribers', '/admin/newsletters/subscribers.csv', '/admin/newsletters/subscribers/import', '/admin/newsletters/suppressions']) {
      expect((await editor.browser.get(path)).status, path).toBe(403);
      expect((await admin.browser.get(path)).status, path).toBe(200);
    }
    const before = await subscriberCount();
    expect((await upload(editor, '/admin/newsletters/subscribers/import', { body: 'email\nsneaky@example.com\n' })).status).toBe(403);
    expect((await postForm(editor, '/admin/newsletters/suppressions', { email: 'sneaky@example.com' })).status).toBe(403);
    expect(await subscriberCount()).toBe(before);
    const contributor = await signInAs(site, 'contributor');
    expect((await contributor.browser.get('/admin/newsletters')).status).toBe(403);
    expect((await site.get('/admin/newsletters/subscribers')).status).toBe(303);
  });
});

describe('searching and filtering subscribers', () => {
  beforeAll(async () => {
    await addSubscribers(site, 120, { prefix: 'Page', lists: ['daily'], language: 'en' });
    await addSubscribers(site, 7, { prefix: 'filter-ar', lists: ['breaking', `weekly:${politicsId}`], language: 'ar' });
    await addSubscribers(site, 5, { prefix: 'filter-pending', lists: [], language: 'ar', status: 'pending' });
    await addSubscribers(site, 2, { prefix: 'under_score', lists: ['daily'] });
    await addSubscribers(site, 2, { prefix: 'underxscore', lists: ['daily'] });
  });

  it('finds addresses by a part of them, in any case, and says how many match', async () => {
    // addSubscribers keeps the prefix's case; the search must not care.
    const html = await (await admin.browser.get('/admin/newsletters/subscribers?q=pAGE-11')).text();
    expect(countOnPage(html)).toBe(11); // page-11, page-110 … page-119
    expect(visibleText(html)).toContain('Matching subscribers: 11');
    expect(emailsOnPage(html).sort()).toEqual(['Page-11@example.com', ...Array.from({ length: 10 }, (_, i) => `Page-11${i}@example.com`)].sort());
    // "_" is a character to look for, not a wildcard.
    expect(countOnPage(await (await admin.browser.get('/admin/newsletters/subscribers?q=under_s')).text())).toBe(2);
    expect(countOnPage(await (await admin.browser.get('/admin/newsletters/subscribers?q=%25')).text())).toBe(0);
  });

  it('filters by status, language and list, alone and together', async () => {
    const count = async (query: string) => countOnPage(await (await admin.browser.get(`/admin/newsletters/subscribers?${query}`)).text());
    expect(await count('status=pending')).toBe(4 + 5);
    expect(await count('status=pending&language=ar')).toBe(5);
    expect(await count('status=unsubscribed')).toBe(1);
    expect(await count('status=suppressed')).toBe(1);
    expect(await count('language=ar&status=active')).toBe(2 + 7);
    expect(await count(`list=${encodeURIComponent(`weekly:${politicsId}`)}`)).toBe(3 + 7);
    expect(await count(`list=breaking&language=ar&q=filter`)).toBe(7);
    expect(await count('list=daily&status=active&q=page')).toBe(120);
    // Unknown values are ignored rather than failing.
    expect(await count('status=nonsense&list=weekly:nowhere&language=xx')).toBe(await subscriberCount());
    // The form shows what is applied, and each row shows its lists by name.
    const html = await (await admin.browser.get('/admin/newsletters/subscribers?list=breaking&language=ar&q=filter')).text();
    expect(html).toMatch(/<option value="breaking" selected="">/);
    expect(visibleText(html)).toContain('Breaking news, Politics this week');
  });

  it('shows 50 a page, newest first, with links that keep the filters', async () => {
    const first = await (await admin.browser.get('/admin/newsletters/subscribers?q=page-&list=daily')).text();
    expect(countOnPage(first)).toBe(120);
    expect(emailsOnPage(first)).toHaveLength(50);
    expect(first).toContain('href="/admin/newsletters/subscribers?q=page-&amp;list=daily&amp;page=2"');
    const third = await (await admin.browser.get('/admin/newsletters/subscribers?q=page-&list=daily&page=3')).text();
    expect(emailsOnPage(third)).toHaveLength(20);
    const all = new Set<string>();
    for (const p of [1, 2, 3]) for (const e of emailsOnPage(await (await admin.browser.get(`/admin/newsletters/subscribers?q=page-&list=daily&page=${p}`)).text())) all.add(e);
    expect(all.size).toBe(120);
  });
});

describe('exporting subscribers', () => {
  it('downloads the filtered subscribers as UTF-8 CSV with a BOM that reads back, and records who did it', async () => {
    const res = await admin.browser.get(`/admin/newsletters/subscribers.csv?language=ar&list=${encodeURIComponent(`weekly:${politicsId}`)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="newsletter-subscribers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(Buffer.from(bytes), { bom: true, columns: true });
    expect(Object.keys(rows[0]!)).toEqual(['email', 'status', 'language', 'lists', 'created_at', 'confirmed_at']);
    expect(rows.map((r) => r.email).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `filter-ar-${i}@example.com`).sort());
    for (const r of rows) {
      const s = (await subscriber(r.email!))!;
      expect(r).toEqual({ email: s.email, status: 'active', language: 'ar', lists: `breaking;weekly:politics`, created_at: s.created_at, confirmed_at: s.confirmed_at });
    }
    expect(await auditActions()).toContain('newsletter-subscribers-exported');
  });

  it('reads back through the import: an export of confirmed subscribers changes nothing', async () => {
    const csv = await (await admin.browser.get('/admin/newsletters/subscribers.csv?status=active&q=filter-ar')).text();
    const res = await upload(admin, '/admin/newsletters/subscribers/import', { body: csv }, { language: 'en', lists: 'daily' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(/data-count="unchanged">(\d+)</.exec(html)?.[1]).toBe('7');
    expect(/data-count="add">(\d+)</.exec(html)?.[1]).toBe('0');
    expect(/data-count="rejected">(\d+)</.exec(html)?.[1]).toBe('0');
  });
});

describe('importing subscribers', () => {
  const file = [
    'Email,Language,Lists',
    'new-one@example.com,ar,daily;weekly:politics', // 2: added, Arabic, two lists
    'NEW-TWO@example.com,,', // 3: added with the form's defaults
    'not an address,en,daily', // 4: invalid
    'new-three@example.com,fr,daily', // 5: unknown language
    'new-four@example.com,en,weekly:sports', // 6: unknown list
    'new-one@example.com,en,breaking', // 7: repeat of line 2
    'count-gone-0@example.com,en,daily', // 8: unsubscribed earlier: never again
    'count-ar-1@example.com,ar,daily', // 9: suppressed
    'count-pending-0@example.com,ar,breaking', // 10: pending → confirmed by the import
    'count-en-0@example.com,en,breaking', // 11: confirmed, gains a list
    'count-en-1@example.com,en,daily', // 12: confirmed, already on it
  ].join('\r\n');

  let preview = '';
  it('previews: what will be added and updated, the rows as read, and every rejected row with its reason', async () => {
    const before = await subscriberCount();
    const res = await upload(admin, '/admin/newsletters/subscribers/import', { body: file }, { language: 'en', lists: ['daily', 'breaking'] });
    expect(res.status).toBe(200);
    preview = await res.text();
    const n = (k: string) => /data-count="(\w+)">(\d+)</g.exec(preview.slice(preview.indexOf(`data-count="${k}"`)))?.[2];
    expect([n('add'), n('update'), n('unchanged'), n('rejected')]).toEqual(['2', '2', '1', '6']);
    const rejected = [...preview.matchAll(/<tr class="rejected-row" data-line="(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => [Number(m[1]), visibleText(m[2]!)]);
    expect(rejected).toEqual([
      [4, '4 not an address Not a valid email address'],
      [5, '5 new-three@example.com Unknown language “fr” (use en or ar)'],
      [6, '6 new-four@example.com Unknown list “weekly:sports”'],
      [7, '7 new-one@example.com The same address is already on line 2'],
      [8, '8 count-gone-0@example.com This address unsubscribed: an import never subscribes it again'],
      [9, '9 count-ar-1@example.com This address is suppressed (bounce, complaint or added by hand)'],
    ]);
    const rows = [...preview.matchAll(/<tr class="import-row" data-line="(\d+)" data-action="(\w+)">([\s\S]*?)<\/tr>/g)].map((m) => [Number(m[1]), m[2], visibleText(m[3]!)]);
    expect(rows).toEqual([
      [2, 'add', '2 new-one@example.com Arabic Daily digest, Politics this week New'],
      [3, 'add', '3 new-two@example.com English Daily digest, Breaking news New'],
      [10, 'update', '10 count-pending-0@example.com Arabic Daily digest, Breaking news Updated'],
      [11, 'update', '11 count-en-0@example.com English Daily digest, Breaking news, Politics this week Updated'],
      [12, 'unchanged', '12 count-en-1@example.com English Daily digest, Politics this week No change'],
    ]);
    expect(visibleText(preview)).toContain('Import 4 subscribers');
    // Nothing written yet.
    expect(await subscriberCount()).toBe(before);
    expect(await subscriber('new-one@example.com')).toBeUndefined();
    expect((await subscriber('count-pending-0@example.com'))!.status).toBe('pending');
  });

  it('lists every rejected row in a CSV download too', async () => {
    const res = await postFields(admin, '/admin/newsletters/subscribers/import/rejected.csv', confirmFieldsIn(preview));
    expect(res.status).toBe(200);
    const rows: Record<string, string>[] = parse(await res.text(), { bom: true, columns: true });
    expect(rows.map((r) => [r.line, r.problem])).toEqual([
      ['4', 'invalid-email'],
      ['5', 'unknown-language'],
      ['6', 'unknown-list'],
      ['7', 'duplicate'],
      ['8', 'unsubscribed'],
      ['9', 'suppressed'],
    ]);
  });

  it('refuses to import when the subscribers changed since the preview, and shows the new preview', async () => {
    const fields = confirmFieldsIn(preview);
    // Someone confirms in between: the plan for that row is no longer "update from pending".
    await db().updateTable('newsletter_subscribers').set({ status: 'unsubscribed' }).where('email', '=', 'count-pending-0@example.com').execute();
    const before = await subscriberCount();
    const res = await postFields(admin, '/admin/newsletters/subscribers/import/confirm', fields);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(alertIn(html)).toContain('nothing was imported');
    expect(await subscriberCount()).toBe(before);
    expect(html).toContain('data-line="10"');
    await db().updateTable('newsletter_subscribers').set({ status: 'pending' }).where('email', '=', 'count-pending-0@example.com').execute();
  });

  it('imports exactly the previewed rows when confirmed, with a consent record for each, and an audit entry', async () => {
    const before = await subscriberCount();
    const res = await postFields(admin, '/admin/newsletters/subscribers/import/confirm', confirmFieldsIn(preview));
    expect(res.status).toBe(303);
    const location = res.headers.get('Location')!;
    expect(location).toBe('/admin/newsletters/subscribers?imported=2&updated=2');
    expect(noticeIn(await (await admin.browser.get(location)).text())).toBe('Import done: 2 new subscribers, 2 updated.');
    expect(await subscriberCount()).toBe(before + 2);

    const one = (await subscriber('new-one@example.com'))!;
    expect([one.status, one.language, one.source, one.confirmed_at]).toEqual(['active', 'ar', 'import', site.clock.now().toISOString()]);
    expect(await listsOf('new-one@example.com')).toEqual(['daily', `weekly:${politicsId}`].sort());
    expect(await listsOf('new-two@example.com')).toEqual(['breaking', 'daily']);
    expect((await subscriber('new-two@example.com'))!.language).toBe('en');
    expect((await subscriber('count-pending-0@example.com'))!.status).toBe('active');
    expect((await subscriber('count-pending-0@example.com'))!.language).toBe('ar');
    expect(await listsOf('count-pending-0@example.com')).toEqual(['breaking', 'daily']);
    expect(await listsOf('count-en-0@example.com')).toEqual(['breaking', 'daily', `weekly:${politicsId}`].sort());
    // Rejected rows left no trace.
    for (const e of ['new-three@example.com', 'new-four@example.com']) expect(await subscriber(e)).toBeUndefined();
    expect((await subscriber('count-gone-0@example.com'))!.status).toBe('unsubscribed');
    expect(await listsOf('count-gone-0@example.com')).toEqual([]);

    const consents = await db()
      .selectFrom('newsletter_consents as c')
      .innerJoin('newsletter_subscribers as s', 's.id', 'c.subscriber_id')
      .select(['s.email', 'c.action', 'c.source', 'c.language', 'c.lists'])
      .where('c.action', '=', 'import')
      .orderBy('s.email')
      .execute();
    expect(consents.map((c) => [c.email, c.source, c.language, JSON.parse(c.lists)])).toEqual([
      ['count-en-0@example.com', 'admin-import', 'en', ['daily', 'breaking', `weekly:${politicsId}`]],
      ['count-pending-0@example.com', 'admin-import', 'ar', ['daily', 'breaking']],
      ['new-one@example.com', 'admin-import', 'ar', ['daily', `weekly:${politicsId}`]],
      ['new-two@example.com', 'admin-import', 'en', ['daily', 'breaking']],
    ]);
    expect(await auditActions()).toContain('newsletter-subscribers-imported');

    // The same confirmation again finds a different plan (the rows are now subscribed): nothing twice.
    const again = await postFields(admin, '/admin/newsletters/subscribers/import/confirm', confirmFieldsIn(preview));
    expect(again.status).toBe(409);
  });

  it('refuses a malformed CSV with a clear message in the staff language, and imports nothing', async () => {
    const before = await subscriberCount();
    const broken = 'email,language\nok@example.com,en\n"unclosed@example.com,ar\nlast@example.com,en\n';
    const en = await upload(admin, '/admin/newsletters/subscribers/import', { body: broken }, { language: 'ar', lists: 'breaking' });
    expect(en.status).toBe(422);
    const html = await en.text();
    expect(alertIn(html)).toMatch(/^The file could not be read as CSV near line \d+: a quoted value is not closed or a quote is out of place\. Nothing was imported\.$/);
    // The choices made on the form are kept.
    expect(html).toMatch(/<input type="radio" name="language" value="ar" checked=""/);
    expect(html).toMatch(/<input type="checkbox" name="lists" value="breaking" checked=""/);
    expect(html).not.toMatch(/<input type="checkbox" name="lists" value="daily" checked=""/);
    const ar = await upload(adminAr, '/admin/newsletters/subscribers/import', { body: broken });
    expect(ar.status).toBe(422);
    expect(alertIn(await ar.text())).toMatch(/^تعذَّرت قراءة الملف بصيغة CSV قرب السطر \d+: .*لم يُستورد شيء\.$/);
    expect(await subscriberCount()).toBe(before);
  });

  it('refuses empty, binary, spreadsheet, non-UTF-8, oversized and overlong files with the reason', async () => {
    const before = await subscriberCount();
    const cases: [string, { body: string | Uint8Array; name?: string } | undefined, number, string][] = [
      ['no file', undefined, 422, 'Choose a CSV file to upload. Nothing was imported.'],
      ['empty', { body: '' }, 422, 'The file is empty. Nothing was imported.'],
      ['header only', { body: 'email,language,lists\n' }, 422, 'The file has no rows to import. Nothing was imported.'],
      ['a photo', { body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), name: 'photo.png' }, 422, 'This is not a text file.'],
      ['an Excel workbook', { body: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), name: 'list.xlsx' }, 422, 'This is a spreadsheet workbook, not a CSV file.'],
      ['Windows-1256 Arabic', { body: new Uint8Array([...new TextEncoder().encode('email,language\nx@example.com,'), 0xc7, 0xe1, 0xda, 0xd1, 0xc8, 0xed, 0xc9]) }, 422, 'The file is not saved as UTF-8'],
      ['over 5 MB', { body: new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x61) }, 413, 'The file is too large (5.0 MB); the limit is 5 MB.'],
      ['too many rows', { body: `email\n${Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `r${i}@x.co`).join('\n')}\n` }, 422, `The file has ${IMPORT_MAX_ROWS + 1} rows; the limit is ${IMPORT_MAX_ROWS}.`],
    ];
    for (const [what, f, status, message] of cases) {
      const res = await upload(admin, '/admin/newsletters/subscribers/import', f, { language: 'en', lists: 'daily' });
      expect(res.status, what).toBe(status);
      expect(alertIn(await res.text()), what).toContain(message);
    }
    const ar = await upload(adminAr, '/admin/newsletters/subscribers/import', { body: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) });
    expect(alertIn(await ar.text())).toContain('هذا مصنف جداول بيانات وليس ملف CSV');
    expect(await subscriberCount()).toBe(before);
  });

  it('refuses a tampered confirmation instead of importing something else', async () => {
    const res = await upload(admin, '/admin/newsletters/subscribers/import', { body: 'email\nlegit@example.com\n' }, { language: 'en', lists: 'daily' });
    const fields = confirmFieldsIn(await res.text());
    const other = await upload(admin, '/admin/newsletters/subscribers/import', { body: 'email\nsomeone-else@example.com\n' }, { language: 'en', lists: 'daily' });
    const swapped = { ...fields, payload: confirmFieldsIn(await other.text())['payload']! };
    expect((await postFields(admin, '/admin/newsletters/subscribers/import/confirm', swapped)).status).toBe(409);
    expect((await postFields(admin, '/admin/newsletters/subscribers/import/confirm', { ...fields, payload: 'not!base64' })).status).toBe(422);
    expect(await subscriber('someone-else@example.com')).toBeUndefined();
    expect(await subscriber('legit@example.com')).toBeUndefined();
  });
});

describe('a subscriber’s page', () => {
  it('shows the lists and the consent record, and unsubscribes for good', async () => {
    const s = (await subscriber('new-one@example.com'))!;
    const page = await (await admin.browser.get(`/admin/newsletters/subscribers/${s.id}`)).text();
    expect(visibleText(page)).toContain('Daily digest, Politics this week');
    expect([...page.matchAll(/<tr class="consent" data-action="(\w+)">/g)].map((m) => m[1])).toEqual(['import']);
    expect(page).toContain('<code dir="ltr">admin-import</code>');

    const res = await postForm(admin, `/admin/newsletters/subscribers/${s.id}/unsubscribe`, {});
    expect(res.status).toBe(303);
    const after = await (await admin.browser.get(res.headers.get('Location')!)).text();
    expect(noticeIn(after)).toBe('The address is unsubscribed.');
    expect([...after.matchAll(/<tr class="consent" data-action="(\w+)">/g)].map((m) => m[1])).toEqual(['import', 'unsubscribe']);
    expect(after).not.toContain(`/subscribers/${s.id}/unsubscribe`);
    expect((await subscriber('new-one@example.com'))!.status).toBe('unsubscribed');
    expect(await listsOf('new-one@example.com')).toEqual([]);
    expect(await auditActions()).toContain('newsletter-subscriber-unsubscribed');

    // An import never brings the address back.
    const again = await upload(admin, '/admin/newsletters/subscribers/import', { body: 'new-one@example.com,en,daily\n' }, { language: 'en', lists: 'daily' });
    const html = await again.text();
    expect(/data-count="add">(\d+)</.exec(html)?.[1]).toBe('0');
    expect(visibleText(html)).toContain('This address unsubscribed: an import never subscribes it again');
    expect(html).not.toContain('Import 1 subscribers');

    expect((await admin.browser.get('/admin/newsletters/subscribers/no-such-id')).status).toBe(404);
    expect((await postForm(editor, `/admin/newsletters/subscribers/${s.id}/unsubscribe`, {})).status).toBe(403);
  });

  it('is in Arabic for Arabic-speaking staff', async () => {
    const s = (await subscriber('new-two@example.com'))!;
    const html = await (await adminAr.browser.get(`/admin/newsletters/subscribers/${s.id}`)).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(visibleText(html)).toContain('سجل الموافقة');
    expect(visibleText(html)).toContain('الموجز اليومي، الأخبار العاجلة');
  });
});

describe('suppressions', () => {
  it('adds an address by hand, refuses a bad one (keeping what was typed), and lists and finds them', async () => {
    const bad = await postForm(admin, '/admin/newsletters/suppressions', { email: 'not-an-address', note: 'asked by phone' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(alertIn(badHtml)).toBe('Enter a valid email address.');
    expect(badHtml).toContain('value="asked by phone"');
    const res = await postForm(admin, '/admin/newsletters/suppressions', { email: ' Asked-Me@Example.com ', note: 'asked by phone' });
    expect(res.status).toBe(303);
    expect(noticeIn(await (await admin.browser.get(res.headers.get('Location')!)).text())).toBe('The address is suppressed: it will not be mailed again.');
    const row = await db().selectFrom('newsletter_suppressions').selectAll().where('email', '=', 'asked-me@example.com').executeTakeFirstOrThrow();
    expect([row.reason, row.source, row.detail]).toEqual(['manual', 'admin', 'asked by phone']);
    expect(await auditActions()).toContain('newsletter-suppression-added');
    const found = await (await admin.browser.get('/admin/newsletters/suppressions?q=ASKED')).text();
    expect(countOnPage(found)).toBe(1);
    expect(found).toContain('data-email="asked-me@example.com"');
  });

  it('imports a suppression list after a preview with its rejected rows', async () => {
    const csv = 'email,reason\nbounced@example.com,bounce\ncomplained@example.com,complaint\nnope,bounce\nasked-me@example.com,bounce\nodd@example.com,teapot\n';
    const res = await upload(admin, '/admin/newsletters/suppressions/import', { body: csv });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(/data-count="add">(\d+)</.exec(html)?.[1]).toBe('2');
    expect(/data-count="already">(\d+)</.exec(html)?.[1]).toBe('1');
    expect([...html.matchAll(/<tr class="rejected-row" data-line="(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => visibleText(m[2]!))).toEqual(['4 nope Not a valid email address', '6 odd@example.com Unknown reason (use bounce or complaint)']);
    expect(await db().selectFrom('newsletter_suppressions').select('email').where('email', '=', 'bounced@example.com').executeTakeFirst()).toBeUndefined();
    const done = await postFields(admin, '/admin/newsletters/suppressions/import/confirm', confirmFieldsIn(html));
    expect(done.status).toBe(303);
    expect(noticeIn(await (await admin.browser.get(done.headers.get('Location')!)).text())).toBe('Newly suppressed addresses: 2.');
    const rows = await db().selectFrom('newsletter_suppressions').select(['email', 'reason', 'source']).where('email', 'in', ['bounced@example.com', 'complained@example.com', 'asked-me@example.com']).orderBy('email').execute();
    expect(rows).toEqual([
      { email: 'asked-me@example.com', reason: 'manual', source: 'admin' },
      { email: 'bounced@example.com', reason: 'bounce', source: 'csv' },
      { email: 'complained@example.com', reason: 'complaint', source: 'csv' },
    ]);
    const broken = await upload(adminAr, '/admin/newsletters/suppressions/import', { body: 'email\n"a@example.com\n' });
    expect(broken.status).toBe(422);
    expect(alertIn(await broken.text())).toContain('تعذَّرت قراءة الملف بصيغة CSV');
  });

  it('shows the bounce webhook’s address, secret and how to call it', async () => {
    const html = await (await admin.browser.get('/admin/newsletters/suppressions')).text();
    const secret = /class="webhook-secret">([^<]+)</.exec(html)?.[1];
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(html).toMatch(/class="webhook-url">https?:\/\/[^<]+\/newsletter\/bounces</);
    expect(visibleText(html)).toContain(`Authorization: Bearer ${secret}`);
    const ar = await (await adminAr.browser.get('/admin/newsletters/suppressions')).text();
    expect(visibleText(ar)).toContain('خطاف الارتداد والشكاوى');
  });
});

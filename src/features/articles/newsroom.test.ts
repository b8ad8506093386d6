import { beforeAll, describe, expect, it } from 'vitest';
import { seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, restartSite, type TestSite } from '../../../tests/kit.js';
import { alertIn, signInAs, type SignedIn } from '../../../tests/staff-kit.js';
import { adminAr } from '../../platform/i18n/admin.ar.js';
import { adminEn } from '../../platform/i18n/admin.en.js';
import { createWorker } from '../../worker.js';
import { listRevisions, revisionSnapshot } from './index.js';

let site: TestSite;
let contributor: SignedIn;
let author: SignedIn;
let editor: SignedIn;

beforeAll(async () => {
  site = await createTestSite({ now: new Date('2024-04-26T09:00:00Z') });
  await seedNewsroom(site);
  contributor = await signInAs(site, 'contributor');
  author = await signInAs(site, 'author');
  editor = await signInAs(site, 'editor');
});

const articleForm = (who: SignedIn, fields: Record<string, string> = {}) => ({
  _csrf: who.csrf,
  language: 'en',
  headline: 'Ministers agree a regional water plan',
  standfirst: 'Six countries sign up to share desalination research.',
  bodyText: 'The plan was agreed in Amman.\n\n## What it covers\n\nResearch, pipelines and training.\n\n> We cannot wait for rain.\n> — A water minister',
  sectionSlug: 'politics',
  tags: 'trade',
  bylines: 'layla-haddad\nReuters',
  ...fields,
});

async function createAs(who: SignedIn, fields: Record<string, string> = {}): Promise<string> {
  const res = await who.browser.post('/admin/articles', articleForm(who, fields));
  expect(res.status, alertIn(await res.clone().text())).toBe(303);
  return /\/admin\/articles\/([^/]+)\/edit/.exec(res.headers.get('Location')!)![1]!;
}

const transition = (who: SignedIn, id: string, name: string, extra: Record<string, string> = {}) =>
  who.browser.post(`/admin/articles/${id}/transition`, { _csrf: who.csrf, transition: name, ...extra });

/** Runs every due job (publishing, search and audio bookkeeping) until none is left. */
async function runAllDue(): Promise<void> {
  for (let n = 1; n > 0; ) n = await createWorker(site.deps).runDue();
}
/** How many scheduled-publication jobs are in a state. */
async function publishJobs(status: 'done' | 'pending'): Promise<number> {
  return (await site.deps.db.selectFrom('jobs').select('id').where('name', '=', 'publish-scheduled-article').where('status', '=', status).execute()).length;
}

describe('the publishing workflow', () => {
  it('takes a contributor’s draft through review to an editor’s publication, onto the site', async () => {
    const id = await createAs(contributor);
    expect((await transition(contributor, id, 'publish')).status).toBe(403);
    expect((await transition(contributor, id, 'submit')).status).toBe(303);
    // In review, the contributor may still withdraw it but an author who did not write it may not publish it.
    expect((await transition(author, id, 'publish')).status).toBe(403);
    const published = await transition(editor, id, 'publish');
    expect(published.status).toBe(303);
    const page = await site.get('/politics/ministers-agree-a-regional-water-plan');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<h2 dir="auto">What it covers<\/h2>/);
    expect(html).toContain('<cite>A water minister</cite>');
    expect(html).toContain('href="/author/layla-haddad"');
    expect(html).toContain('Reuters');
    // A contributor may no longer change a published article.
    expect((await contributor.browser.get(`/admin/articles/${id}/edit`)).status).toBe(403);
  });

  it('lets an author publish and unpublish their own article; unpublished pages answer 404', async () => {
    const id = await createAs(author, { headline: 'Author publishes a story alone' });
    expect((await transition(author, id, 'publish')).status).toBe(303);
    expect((await site.get('/politics/author-publishes-a-story-alone')).status).toBe(200);
    expect((await transition(author, id, 'unpublish')).status).toBe(303);
    expect((await site.get('/politics/author-publishes-a-story-alone')).status).toBe(404);
  });

  it('refuses a schedule in the past and keeps a future one across a restart, publishing it once its time has passed', async () => {
    const id = await createAs(editor, { headline: 'A story for tomorrow morning' });
    const past = await transition(editor, id, 'schedule', { at: '2024-04-25T08:00' });
    expect(past.status).toBe(422);
    expect(alertIn(await past.text())).toContain('Choose a time in the future.');
    // 10:00 in Riyadh on the 27th is 07:00 UTC.
    expect((await transition(editor, id, 'schedule', { at: '2024-04-27T10:00' })).status).toBe(303);
    expect((await site.get('/politics/a-story-for-tomorrow-morning')).status).toBe(404);

    // The server is down across the scheduled time; on start its worker runs what is due.
    await restartSite(site, new Date('2024-04-27T07:30:00Z'));
    await runAllDue();
    expect(await publishJobs('done')).toBe(1);
    const page = await site.get('/politics/a-story-for-tomorrow-morning');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('datetime="2024-04-27T07:00:00.000Z"');
    // Running the jobs again changes nothing.
    expect(await createWorker(site.deps).runDue()).toBe(0);
    expect(await publishJobs('done')).toBe(1);
    editor = await signInAs(site, 'editor');
    contributor = await signInAs(site, 'contributor');
  });

  it('cancels the job when a schedule is cancelled', async () => {
    const id = await createAs(editor, { headline: 'A schedule that is called off' });
    expect((await transition(editor, id, 'schedule', { at: '2030-01-01T10:00' })).status).toBe(303);
    expect((await transition(editor, id, 'unschedule')).status).toBe(303);
    const now = site.clock.now();
    site.clock.set(new Date('2030-01-02T00:00:00Z'));
    await runAllDue();
    expect(await publishJobs('pending')).toBe(0);
    expect((await site.get('/politics/a-schedule-that-is-called-off')).status).toBe(404);
    site.clock.set(now);
  });

  it('shows an editor’s correction on the site with its date', async () => {
    const id = await createAs(editor, { headline: 'A story that gets corrected' });
    await transition(editor, id, 'publish');
    expect((await site.get('/politics/a-story-that-gets-corrected')).status).toBe(200);
    expect((await contributor.browser.post(`/admin/articles/${id}/corrections`, { _csrf: contributor.csrf, note: 'Wrong date.' })).status).toBe(403);
    expect((await editor.browser.post(`/admin/articles/${id}/corrections`, { _csrf: editor.csrf, note: 'An earlier version gave the wrong city.' })).status).toBe(303);
    const html = await (await site.get('/politics/a-story-that-gets-corrected')).text();
    expect(html).toContain('An earlier version gave the wrong city.');
  });
});

describe('editing', () => {
  it('autosaves as JSON, records revisions, and restores an old one', async () => {
    const id = await createAs(author, { headline: 'First words' });
    const save = (headline: string) =>
      author.browser.request(`/admin/articles/${id}/autosave`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': author.csrf },
        body: JSON.stringify({ ...articleForm(author), headline, bodyText: undefined, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `مرحبا ${headline}` }] }] } }),
      });
    const first = await save('Second words');
    expect(first.status).toBe(200);
    expect(((await first.json()) as { revision: number }).revision).toBe(2);
    site.clock.advance(120_000);
    expect((await save('Third words')).status).toBe(200);
    const revisions = await listRevisions(site.deps.db, id);
    expect(revisions.map((r) => r.number)).toEqual([3, 2, 1]);
    const page = await (await author.browser.get(`/admin/articles/${id}/revisions?a=1&b=3`)).text();
    expect(page).toContain('<del>First</del>');
    expect(page).toContain('<ins>Third</ins>');
    expect((await author.browser.post(`/admin/articles/${id}/revisions/1/restore`, { _csrf: author.csrf })).status).toBe(303);
    const edit = await (await author.browser.get(`/admin/articles/${id}/edit`)).text();
    expect(edit).toContain('value="First words"');
    expect((await listRevisions(site.deps.db, id))[0]).toMatchObject({ number: 4, kind: 'restore' });
  });

  it('warns a second editor, refuses their autosave while the lock is held, and lets them take over', async () => {
    const id = await createAs(editor, { headline: 'Two people, one story' });
    expect((await editor.browser.get(`/admin/articles/${id}/edit`)).status).toBe(200);
    const other = await signInAs(site, 'editor');
    const page = await (await other.browser.get(`/admin/articles/${id}/edit`)).text();
    expect(page).toContain(`${editor.email} is editing this article`);
    const blocked = await other.browser.request(`/admin/articles/${id}/autosave`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': other.csrf },
      body: JSON.stringify(articleForm(other, { headline: 'Overwritten?' })),
    });
    expect(blocked.status).toBe(409);
    expect(await blocked.json()).toMatchObject({ error: 'locked', holder: editor.email });
    const take = await other.browser.request(`/admin/articles/${id}/lock`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': other.csrf }, body: JSON.stringify({ takeOver: true }) });
    expect(await take.json()).toEqual({ held: true });
    const mine = await editor.browser.request(`/admin/articles/${id}/lock`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': editor.csrf }, body: '{}' });
    expect(await mine.json()).toMatchObject({ held: false, holder: other.email });
  });

  it('refuses a save made on an older version than someone else\'s, until the person chooses to keep theirs', async () => {
    const id = await createAs(editor, { headline: 'One story, two offline editors' }); // revision 1, by editor
    const other = await signInAs(site, 'editor');
    const autosave = (who: SignedIn, fields: Record<string, unknown>) =>
      who.browser.request(`/admin/articles/${id}/autosave`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': who.csrf },
        body: JSON.stringify({ ...articleForm(who), bodyText: undefined, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: String(fields['headline']) }] }] }, ...fields }),
      });
    // The first editor's lock lapses (offline); the second takes over and saves on revision 1.
    site.clock.advance(120_000);
    const theirs = await autosave(other, { headline: 'Their version', baseRevision: 1 });
    expect(theirs.status).toBe(200);
    const theirRevision = ((await theirs.json()) as { revision: number }).revision;
    expect(theirRevision).toBe(2);
    // The first comes back online with the draft typed on revision 1: not saved over theirs.
    await editor.browser.request(`/admin/articles/${id}/lock`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': editor.csrf }, body: JSON.stringify({ takeOver: true }) });
    const stale = await autosave(editor, { headline: 'My offline version', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'conflict', revision: 2, by: { name: other.email } });
    expect(await (await editor.browser.get(`/admin/articles/${id}/edit`)).text()).toContain('value="Their version"');
    // Saves by the same person on their own newer revision are not a conflict.
    site.clock.advance(120_000);
    await other.browser.request(`/admin/articles/${id}/lock`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': other.csrf }, body: JSON.stringify({ takeOver: true }) });
    expect((await autosave(other, { headline: 'Their version, again', baseRevision: 1 })).status).toBe(200);
    // "Keep mine": saved as a new revision; theirs stays in the history and can be restored.
    await editor.browser.request(`/admin/articles/${id}/lock`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': editor.csrf }, body: JSON.stringify({ takeOver: true }) });
    const mine = await autosave(editor, { headline: 'My offline version', baseRevision: 1, overwrite: true });
    expect(mine.status).toBe(200);
    const revisions = await listRevisions(site.deps.db, id);
    expect(revisions[0]).toMatchObject({ authorLabel: editor.email });
    expect(revisions.some((r) => r.authorLabel === other.email)).toBe(true);
    const theirsSnapshot = await revisionSnapshot(site.deps.db, id, revisions.find((r) => r.authorLabel === other.email)!.number);
    expect(theirsSnapshot.headline).toMatch(/^Their version/);
  });

  it('keeps what was typed and names the field when a save does not validate', async () => {
    const id = await createAs(author, { headline: 'Valid at first' });
    const res = await author.browser.post(`/admin/articles/${id}`, articleForm(author, { headline: 'Still here', canonicalUrl: 'not a url' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    // Named as the form labels it, not by its internal name.
    expect(alertIn(html)).toBe(`Please check the field “${adminEn['admin.article.canonicalUrl']}”.`);
    expect(html).toContain('value="Still here"');
    const arabic = await signInAs(site, 'author', { language: 'ar' });
    const ar = await arabic.browser.post('/admin/articles', articleForm(arabic, { language: 'ar', headline: 'بلا قسم', sectionSlug: 'no-such-section' }));
    expect(ar.status).toBe(422);
    expect(alertIn(await ar.text())).toBe(`يرجى مراجعة الحقل «${adminAr['admin.article.section']}».`);
  });

  it('previews a draft exactly as the site would show it, in its language and direction', async () => {
    const id = await createAs(author, { language: 'ar', headline: 'مسودة عن المياه', standfirst: 'مقدمة', bodyText: 'فقرة أولى.', bylines: '' });
    const res = await author.browser.get(`/admin/articles/${id}/preview`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1 class="article__headline">مسودة عن المياه</h1>');
    expect((await site.get(`/ar/politics/${encodeURIComponent('مسودة-عن-المياه')}`)).status).toBe(404);
  });
});

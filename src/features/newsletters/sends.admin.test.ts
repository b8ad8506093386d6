import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishedArticle, seedNewsroom } from '../../../tests/factories.js';
import { createTestSite, type TestSite } from '../../../tests/kit.js';
import { addSubscribers } from '../../../tests/newsletter-kit.js';
import { alertIn, noticeIn, postForm, signInAs, visibleText, type SignedIn } from '../../../tests/staff-kit.js';
import { documentFromBlocks } from '../../editor/index.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../platform/mail/test-smtp-receiver.js';
import { createArticle } from '../articles/index.js';
import { listSections } from '../sections/index.js';
import { claimDeliveries } from './outbox/claim-deliveries.js';
import { createNewsletterSender } from './outbox/newsletter-sender.js';

/**
 * The newsroom's send pages over HTTP: composing, preview, a test to oneself, the confirmation step,
 * the live progress endpoint, the send report, breaking news (once per story) and who may do it.
 * Mail goes to a real SMTP server on loopback.
 */
let site: TestSite;
let smtp: SmtpReceiver;
let editor: SignedIn;
let editorAr: SignedIn;
let storyEn: { id: string; slug: string };
let storyAr: { id: string; slug: string };
let politicsWeekly = '';

const EN = {
  saved: 'The issue is saved as a draft. Preview it, send a test to yourself, then send it.',
  subject: 'Write a subject line of up to 200 characters.',
  empty: 'The issue is empty: write an introduction or choose at least one story.',
  storyLanguage: 'Some chosen stories are not in English, the issue’s language. Choose stories in English only, or change the language.',
  alreadySent: 'This issue has already been sent, so it can no longer be changed.',
  started: 'Sending has started. Progress shows below.',
  breakingStarted: 'Breaking news is on its way. Progress shows below.',
  breakingAlready: 'This story was already sent as breaking news; nothing more was sent. Here is the issue.',
  notPublished: 'Only a published story can be sent as breaking news. Publish it first, then try again.',
  unknownStory: 'We could not find that story. Open breaking news from a published story’s page in the newsroom.',
  repeatsExplain: 'A sending worker stopped (a crash or a restart) while these messages were on their way.',
};
const AR = {
  subject: 'اكتب عنوانًا للرسالة لا يزيد على 200 حرف.',
  empty: 'العدد فارغ: اكتب مقدّمة أو اختر خبرًا واحدًا على الأقل.',
  list: 'اختر قائمة من القائمة المنسدلة: تلك القائمة غير موجودة (أو لم تعد موجودة).',
  tooMany: 'اختر 10 أخبار على الأكثر.',
  notPublished: 'لا يُرسل عاجلًا إلا خبر منشور. انشره أولًا ثم حاول مجددًا.',
};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  site = await createTestSite({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://news.example', MAIL_FROM: 'Arab Press <newsletter@news.example>' } });
  await seedNewsroom(site);
  storyEn = await publishedArticle(site, { headline: 'Ministers agree on the water treaty' });
  storyAr = await publishedArticle(site, { language: 'ar', headline: 'الوزراء يتفقون على معاهدة المياه', sectionSlug: 'economy' });
  politicsWeekly = `weekly:${(await listSections(site.deps.db)).find((s) => s.slug === 'politics')!.id}`;
  editor = await signInAs(site, 'editor');
  editorAr = await signInAs(site, 'editor', { language: 'ar' });
});
afterAll(async () => {
  await site.deps.mailer.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.refuse(undefined);
});

/** Posts a form whose fields may repeat (the story checkboxes), with the CSRF token. */
function postPairs(who: SignedIn, path: string, pairs: [string, string][]): Promise<Response> {
  const body = new URLSearchParams([['_csrf', who.csrf], ...pairs]).toString();
  return who.browser.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

/** Composes and saves an issue; returns its id (from the redirect to its page). */
async function compose(who: SignedIn, fields: { subject: string; language?: string; list?: string; intro?: string; articleIds?: string[] }): Promise<string> {
  const res = await postPairs(who, '/admin/newsletters/compose', [
    ['subject', fields.subject],
    ['language', fields.language ?? 'en'],
    ['list', fields.list ?? 'daily'],
    ['intro', fields.intro ?? ''],
    ...(fields.articleIds ?? []).map((id): [string, string] => ['articleIds', id]),
  ]);
  expect(res.status, alertIn(await res.clone().text())).toBe(303);
  const m = /^\/admin\/newsletters\/sends\/([^/?]+)\?done=saved$/.exec(res.headers.get('Location') ?? '');
  expect(m, res.headers.get('Location') ?? '').not.toBeNull();
  return m![1]!;
}

const sender = (batchSize?: number) => createNewsletterSender(site.deps, batchSize ? { ...site.deps.config.newsletters, batchSize } : site.deps.config.newsletters);
const issueRow = (id: string) => site.deps.db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const deliveries = (id: string) => site.deps.db.selectFrom('newsletter_deliveries').selectAll().where('issue_id', '=', id).execute();
const auditOf = (action: string, id: string) => site.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('subject_id', '=', id).execute();
async function issueCount(): Promise<number> {
  const r = await site.deps.db.selectFrom('newsletter_issues').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
const mailsTo = (email: string) => smtp.received.filter((m) => m.envelope.to.includes(email));
const countIn = (html: string, key: string) => new RegExp(`data-count="${key}">([^<]*)<`).exec(html)?.[1];
async function progressJson(who: SignedIn, id: string) {
  const res = await who.browser.get(`/admin/newsletters/sends/${id}/progress`);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  return (await res.json()) as { status: string; statusLabel: string; handled: number; text: string; counts: Record<string, number> };
}

describe('composing, previewing, testing and sending an issue by hand', () => {
  let issueId = '';
  let readers: string[] = [];

  it('offers the recent stories of both languages and saves a draft', async () => {
    readers = await addSubscribers(site, 5, { prefix: 'manual', lists: ['daily'] });
    const form = await editor.browser.get('/admin/newsletters/compose');
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain(`value="${storyEn.id}"`);
    expect(html).toContain(`value="${storyAr.id}"`);
    expect(html).toContain('Ministers agree on the water treaty');
    expect(html).toContain('<option value="breaking">Breaking news</option>');
    expect(html).toContain('Politics this week');

    issueId = await compose(editor, { subject: 'Water treaty special', intro: 'Good morning from the newsroom.', articleIds: [storyEn.id] });
    const row = await issueRow(issueId);
    expect(row).toMatchObject({ kind: 'manual', status: 'draft', list: 'daily', language: 'en', subject: 'Water treaty special', created_by: editor.email });
    expect(JSON.parse(row.content)).toMatchObject({ intro: 'Good morning from the newsroom.', leadIds: [storyEn.id] });

    const page = await editor.browser.get(`/admin/newsletters/sends/${issueId}?done=saved`);
    const pageHtml = await page.text();
    expect(noticeIn(pageHtml)).toBe(EN.saved);
    expect(pageHtml).toContain(`src="/admin/newsletters/sends/${issueId}/preview"`);
    expect(pageHtml).toContain('Send to all recipients (5)');
    expect(pageHtml).toContain(`href="/admin/newsletters/sends/${issueId}/edit"`);
    // This page may frame its own preview; the site's other pages still may not frame anything of ours.
    expect(page.headers.get('Content-Security-Policy')).toMatch(/frame-src 'self'/);
    const history = await editor.browser.get('/admin/newsletters/sends');
    expect(history.headers.get('Content-Security-Policy')).not.toMatch(/frame-src[^;]*'self'/);
  });

  it('previews the email with the story and the placeholders replaced, in a sandbox', async () => {
    const res = await editor.browser.get(`/admin/newsletters/sends/${issueId}/preview`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    // Sandboxed: no scripts, forms, popups or navigation (allow-same-origin only lets our images load).
    expect(csp).toMatch(/^sandbox allow-same-origin;/);
    expect(csp).not.toMatch(/allow-scripts|allow-forms|allow-popups|allow-top-navigation/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('script-src');
    const html = await res.text();
    expect(html).toContain('Ministers agree on the water treaty');
    expect(html).toContain('Good morning from the newsroom.');
    expect(html).not.toContain('%%');
    expect(html).toContain('https://news.example/newsletter');
    // Nothing was sent by looking.
    expect(await deliveries(issueId)).toEqual([]);
  });

  it('sends a test copy to the signed-in editor, marked [Test], and records it', async () => {
    const before = smtp.received.length;
    const res = await postForm(editor, `/admin/newsletters/sends/${issueId}/test`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/admin/newsletters/sends/${issueId}?done=test`);
    expect(smtp.received.length).toBe(before + 1);
    const mail = mailsTo(editor.email).at(-1)!;
    expect(mail.parsed.subject).toBe('[Test] Water treaty special');
    expect(mail.parsed.html).toContain('Ministers agree on the water treaty');
    expect(mail.parsed.html).not.toContain('%%');
    const page = await (await editor.browser.get(res.headers.get('Location')!)).text();
    expect(noticeIn(page)).toBe(`A test copy is on its way to ${editor.email}. Its subject starts with “[Test]”.`);
    expect(await auditOf('newsletter-test-sent', issueId)).toHaveLength(1);
    // Still a draft: a test is not the send.
    expect((await issueRow(issueId)).status).toBe('draft');
    expect(await deliveries(issueId)).toEqual([]);
  });

  it('asks for confirmation, showing list, language and recipients, before sending', async () => {
    const res = await editor.browser.get(`/admin/newsletters/sends/${issueId}/send`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toContain('Daily digest');
    expect(text).toContain('English');
    expect(html).toMatch(/data-recipients="">5</);
    expect(html).toContain(`action="/admin/newsletters/sends/${issueId}/send"`);
    // Looking at the confirmation sends nothing.
    expect((await issueRow(issueId)).status).toBe('draft');
    expect(await deliveries(issueId)).toEqual([]);
  });

  it('starts the send on confirmation; the sender delivers it and the history shows it sent', async () => {
    const res = await postForm(editor, `/admin/newsletters/sends/${issueId}/send`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/admin/newsletters/sends/${issueId}?done=started`);
    expect((await issueRow(issueId)).status).toBe('sending');
    expect(await deliveries(issueId)).toHaveLength(5);
    expect(await auditOf('newsletter-send-started', issueId)).toHaveLength(1);
    const page = await (await editor.browser.get(res.headers.get('Location')!)).text();
    expect(noticeIn(page)).toBe(EN.started);

    expect(await sender().runUntilIdle()).toBe(5);
    for (const r of readers) expect(mailsTo(r).map((m) => m.parsed.subject)).toEqual(['Water treaty special']);
    expect((await issueRow(issueId)).status).toBe('sent');

    const history = await (await editor.browser.get('/admin/newsletters/sends')).text();
    const row = new RegExp(`<tr data-issue-id="${issueId}">([\\s\\S]*?)</tr>`).exec(history)?.[1] ?? '';
    expect(row).toContain('Water treaty special');
    expect(row).toContain('Composed by hand');
    expect(row).toContain('Daily digest');
    expect(row).toContain('data-status="sent">Sent<');
    expect(row).toMatch(/<progress[^>]*max="5"[^>]*value="5"/);
    expect(visibleText(row)).toContain('5 sent, 0 failed, 0 suppressed');

    const issue = await (await editor.browser.get(`/admin/newsletters/sends/${issueId}`)).text();
    expect(countIn(issue, 'sent')).toBe('5');
    expect(countIn(issue, 'queued')).toBe('0');
    expect(issue).toContain('Nobody may have received this issue twice.');
    expect(issue).toContain('No delivery has failed.');
  });

  it('refuses to send or edit it again', async () => {
    const before = smtp.received.length;
    const again = await postForm(editor, `/admin/newsletters/sends/${issueId}/send`, {});
    expect(again.headers.get('Location')).toBe(`/admin/newsletters/sends/${issueId}?done=not-draft`);
    expect(await sender().runUntilIdle()).toBe(0);
    expect(smtp.received.length).toBe(before);
    const edit = await postPairs(editor, `/admin/newsletters/sends/${issueId}/edit`, [
      ['subject', 'Changed after the fact'],
      ['language', 'en'],
      ['list', 'daily'],
      ['intro', 'Hello'],
    ]);
    expect(edit.status).toBe(409);
    expect(alertIn(await edit.text())).toBe(EN.alreadySent);
    expect((await issueRow(issueId)).subject).toBe('Water treaty special');
  });

  it('edits a draft, keeping what was saved on the form', async () => {
    const id = await compose(editor, { subject: 'Draft to edit', intro: 'First words.', articleIds: [storyEn.id] });
    const form = await (await editor.browser.get(`/admin/newsletters/sends/${id}/edit`)).text();
    expect(form).toMatch(/<input[^>]*name="subject"[^>]*value="Draft to edit"/);
    expect(form).toContain('First words.');
    expect(form).toMatch(new RegExp(`<input[^>]*value="${storyEn.id}"[^>]*checked`));
    const res = await postPairs(editor, `/admin/newsletters/sends/${id}/edit`, [
      ['subject', 'Draft, edited'],
      ['language', 'en'],
      ['list', politicsWeekly],
      ['intro', 'Second words.'],
    ]);
    expect(res.status).toBe(303);
    expect(await issueRow(id)).toMatchObject({ subject: 'Draft, edited', list: politicsWeekly });
  });
});

describe('the progress endpoint and the send report', () => {
  it('reports counts mid-send, batch by batch, until the issue is sent', async () => {
    await addSubscribers(site, 5, { prefix: 'progress', lists: [politicsWeekly] });
    const id = await compose(editor, { subject: 'Politics this week, by hand', list: politicsWeekly, articleIds: [storyEn.id] });
    expect((await postForm(editor, `/admin/newsletters/sends/${id}/send`, {})).status).toBe(303);

    let p = await progressJson(editor, id);
    expect(p).toMatchObject({ status: 'sending', statusLabel: 'Sending', handled: 0, text: '0 of 5 handled' });
    expect(p.counts).toMatchObject({ total: 5, queued: 5, sent: 0 });

    expect(await sender(2).runBatch()).toBe(2);
    p = await progressJson(editor, id);
    expect(p).toMatchObject({ status: 'sending', handled: 2, text: '2 of 5 handled' });
    expect(p.counts).toMatchObject({ total: 5, queued: 3, sent: 2 });

    // The page shows the same numbers and keeps itself up to date while sending.
    const page = await editor.browser.get(`/admin/newsletters/sends/${id}`);
    const html = await page.text();
    expect(html).toMatch(/<progress[^>]*id="send-progress"[^>]*max="5"[^>]*value="2"/);
    expect(countIn(html, 'sent')).toBe('2');
    expect(countIn(html, 'queued')).toBe('3');
    expect(html).toContain(`data-progress-url="/admin/newsletters/sends/${id}/progress"`);
    const script = [...site.deps.assets.byUrl.keys()].find((u) => u.startsWith('/assets/newsletter-progress.'));
    if (script) expect(html).toContain(`<script type="module" src="${script}">`);
    else expect(page.headers.get('Refresh')).toBe('3');

    await sender(2).runUntilIdle();
    p = await progressJson(editor, id);
    expect(p).toMatchObject({ status: 'sent', statusLabel: 'Sent', handled: 5, text: '5 of 5 handled' });
    const done = await editor.browser.get(`/admin/newsletters/sends/${id}`);
    expect(done.headers.get('Refresh')).toBeNull();
    expect(await done.text()).not.toContain('newsletter-progress');
  });

  it('answers the progress endpoint in the newsroom’s language', async () => {
    const id = await compose(editor, { subject: 'Unsent draft', intro: 'Words.' });
    const p = await progressJson(editorAr, id);
    expect(p).toMatchObject({ status: 'draft', statusLabel: 'مسودة', handled: 0, text: 'عولجت 0 من 0' });
  });

  it('names each possibly repeated recipient with its time, and each failure with the server’s answer', async () => {
    const [first, second] = await addSubscribers(site, 2, { prefix: 'report', lists: ['breaking'], language: 'ar' });
    const id = await compose(editorAr, { subject: 'عدد للتقرير', language: 'ar', list: 'breaking', articleIds: [storyAr.id] });
    expect((await postForm(editorAr, `/admin/newsletters/sends/${id}/send`, {})).status).toBe(303);
    // A worker takes the first row and dies without recording anything; its lease runs out.
    const claimed = await claimDeliveries(site.deps.db, site.deps.database.kind, { workerId: 'crashed-worker', limit: 1, leaseMs: 1000, now: site.clock.now() });
    expect(claimed.map((d) => d.email)).toEqual([first]);
    site.clock.advance(5000);
    // The next worker sends it again (possibly a repeat); the second address is refused for good.
    const s = sender(1);
    expect(await s.runBatch()).toBe(1);
    smtp.refuse({ at: 'RCPT', code: 550, message: 'No such mailbox here' });
    await s.runUntilIdle();
    smtp.refuse(undefined);

    const html = await (await editorAr.browser.get(`/admin/newsletters/sends/${id}`)).text();
    const repeats = /<table class="send-repeats">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    expect(repeats).toContain(first);
    expect(repeats).toMatch(/<time datetime="[^"]+">/);
    expect(repeats).not.toContain(second);
    expect(html).toContain('توقّف أحد عمّال الإرسال');
    const failures = /<table class="send-failures">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    expect(failures).toContain(second);
    expect(failures).toContain('550');
    expect(failures).toContain('No such mailbox here');
    expect(countIn(html, 'failed')).toBe('1');
    expect(countIn(html, 'sent')).toBe('1');

    // The same report in English names the same people.
    const en = await (await editor.browser.get(`/admin/newsletters/sends/${id}`)).text();
    expect(en).toContain(EN.repeatsExplain);
    expect(/<table class="send-repeats">([\s\S]*?)<\/table>/.exec(en)?.[1]).toContain(first);
  });
});

describe('breaking news', () => {
  it('confirms first (changing nothing), sends on POST, and sends nothing more the second time', async () => {
    const story = await publishedArticle(site, { headline: 'Earthquake shakes the coast' });
    const readers = await addSubscribers(site, 3, { prefix: 'breaking-en', lists: ['breaking'] });
    const issuesBefore = await issueCount();

    // The way there: the published story's page in the editor links to it.
    const editPage = await (await editor.browser.get(`/admin/articles/${story.id}/edit`)).text();
    expect(editPage).toContain(`<a href="/admin/newsletters/breaking?article=${story.id}">Send as breaking news</a>`);

    const confirm = await editor.browser.get(`/admin/newsletters/breaking?article=${story.id}`);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('Earthquake shakes the coast');
    expect(visibleText(html)).toContain('It goes to every Breaking news subscriber who reads in English: 3 in all.');
    expect(html).toMatch(/<form method="post" action="\/admin\/newsletters\/breaking">/);
    expect(await issueCount()).toBe(issuesBefore);

    const before = smtp.received.length;
    const first = await postForm(editor, '/admin/newsletters/breaking', { article: story.id });
    expect(first.status).toBe(303);
    const m = /^\/admin\/newsletters\/sends\/([^/?]+)\?done=breaking$/.exec(first.headers.get('Location') ?? '');
    expect(m).not.toBeNull();
    const issueId = m![1]!;
    expect(await issueRow(issueId)).toMatchObject({ kind: 'breaking', list: 'breaking', language: 'en', subject: 'Earthquake shakes the coast', status: 'sending' });
    expect(noticeIn(await (await editor.browser.get(first.headers.get('Location')!)).text())).toBe(EN.breakingStarted);
    await sender().runUntilIdle();
    expect(smtp.received.length).toBe(before + 3);
    for (const r of readers) expect(mailsTo(r).map((x) => x.parsed.subject)).toEqual(['Earthquake shakes the coast']);

    const second = await postForm(editor, '/admin/newsletters/breaking', { article: story.id });
    expect(second.status).toBe(303);
    expect(second.headers.get('Location')).toBe(`/admin/newsletters/sends/${issueId}?done=already`);
    expect(noticeIn(await (await editor.browser.get(second.headers.get('Location')!)).text())).toBe(EN.breakingAlready);
    await sender().runUntilIdle();
    expect(smtp.received.length).toBe(before + 3);
    expect(await issueCount()).toBe(issuesBefore + 1);
    expect(await auditOf('newsletter-breaking-sent', issueId)).toHaveLength(1);

    // The confirmation page now says so and offers no button.
    const again = await (await editor.browser.get(`/admin/newsletters/breaking?article=${story.id}`)).text();
    expect(noticeIn(again)).toBe('This story was already sent as breaking news.');
    expect(again).not.toContain('action="/admin/newsletters/breaking"');
    expect(again).toContain(`href="/admin/newsletters/sends/${issueId}"`);
  });

  it('refuses an unpublished story and an unknown one with a clear page, in the editor’s language', async () => {
    const draft = await createArticle(site.deps, { language: 'en', headline: 'Not out yet', standfirst: 'Draft.', sectionSlug: 'politics', bylines: [], body: documentFromBlocks([{ type: 'p', text: 'Draft body.' }]) });
    const issuesBefore = await issueCount();
    const en = await editor.browser.get(`/admin/newsletters/breaking?article=${draft.id}`);
    expect(en.status).toBe(409);
    expect(alertIn(await en.text())).toBe(EN.notPublished);
    const ar = await editorAr.browser.get(`/admin/newsletters/breaking?article=${draft.id}`);
    expect(ar.status).toBe(409);
    expect(alertIn(await ar.text())).toBe(AR.notPublished);
    const post = await postForm(editor, '/admin/newsletters/breaking', { article: draft.id });
    expect(post.status).toBe(409);
    expect(alertIn(await post.text())).toBe(EN.notPublished);
    const unknown = await editor.browser.get('/admin/newsletters/breaking?article=no-such-story');
    expect(unknown.status).toBe(404);
    expect(alertIn(await unknown.text())).toBe(EN.unknownStory);
    const none = await editor.browser.get('/admin/newsletters/breaking');
    expect(none.status).toBe(404);
    expect(await issueCount()).toBe(issuesBefore);
  });
});

describe('who may use the send pages', () => {
  const routes: [string, string][] = [
    ['GET', '/admin/newsletters/sends'],
    ['GET', '/admin/newsletters/compose'],
    ['POST', '/admin/newsletters/compose'],
    ['GET', '/admin/newsletters/breaking?article=x'],
    ['POST', '/admin/newsletters/breaking'],
    ['GET', '/admin/newsletters/sends/x'],
    ['GET', '/admin/newsletters/sends/x/progress'],
    ['GET', '/admin/newsletters/sends/x/preview'],
    ['POST', '/admin/newsletters/sends/x/test'],
    ['GET', '/admin/newsletters/sends/x/edit'],
    ['POST', '/admin/newsletters/sends/x/edit'],
    ['GET', '/admin/newsletters/sends/x/send'],
    ['POST', '/admin/newsletters/sends/x/send'],
  ];

  for (const role of ['contributor', 'author'] as const) {
    it(`answers 403 to ${role === 'author' ? 'an' : 'a'} ${role} on every page and action`, async () => {
      const who = await signInAs(site, role);
      const issuesBefore = await issueCount();
      for (const [method, path] of routes) {
        const res = method === 'GET' ? await who.browser.get(path) : await postForm(who, path, { subject: 'x', language: 'en', list: 'daily', intro: 'x', article: storyEn.id });
        expect(res.status, `${method} ${path}`).toBe(403);
      }
      expect(await issueCount()).toBe(issuesBefore);
    });
  }

  it('sends a signed-out visitor to sign in', async () => {
    const res = await site.get('/admin/newsletters/sends');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toMatch(/^\/admin\/sign-in/);
  });
});

describe('validation keeps what was typed and speaks the editor’s language', () => {
  it('an empty subject, in English, with the intro, list, language and story kept', async () => {
    const before = await issueCount();
    const res = await postPairs(editor, '/admin/newsletters/compose', [
      ['subject', '   '],
      ['language', 'en'],
      ['list', politicsWeekly],
      ['intro', 'Typed <carefully> & kept'],
      ['articleIds', storyEn.id],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(alertIn(html)).toBe(EN.subject);
    expect(html).toMatch(/<input[^>]*name="subject"[^>]*aria-invalid="true"/);
    expect(html).toContain('Typed &lt;carefully&gt; &amp; kept');
    expect(html).toMatch(new RegExp(`<option value="${politicsWeekly}" selected`));
    expect(html).toMatch(new RegExp(`<input[^>]*value="${storyEn.id}"[^>]*checked`));
    expect(await issueCount()).toBe(before);
  });

  it('an empty issue, in Arabic, keeping the subject', async () => {
    const before = await issueCount();
    const res = await postPairs(editorAr, '/admin/newsletters/compose', [
      ['subject', 'عدد بلا محتوى'],
      ['language', 'ar'],
      ['list', 'daily'],
      ['intro', ''],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(alertIn(html)).toBe(AR.empty);
    expect(html).toMatch(/<input[^>]*name="subject"[^>]*value="عدد بلا محتوى"/);
    expect(html).toMatch(/<option value="ar" selected/);
    expect(await issueCount()).toBe(before);
  });

  it('an unknown list, too many stories and a missing subject, in Arabic', async () => {
    const before = await issueCount();
    let res = await postPairs(editorAr, '/admin/newsletters/compose', [
      ['subject', 'قائمة غريبة'],
      ['language', 'ar'],
      ['list', 'weekly:no-such-section'],
      ['intro', 'مرحبًا'],
    ]);
    expect(res.status).toBe(422);
    expect(alertIn(await res.text())).toBe(AR.list);

    res = await postPairs(editorAr, '/admin/newsletters/compose', [['subject', 'كثير'], ['language', 'ar'], ['list', 'daily'], ['intro', ''], ...Array.from({ length: 11 }, (_, i): [string, string] => ['articleIds', `story-${i}`])]);
    expect(res.status).toBe(422);
    const many = await res.text();
    expect(alertIn(many)).toBe(AR.tooMany);
    expect(many).toMatch(/<input[^>]*name="subject"[^>]*value="كثير"/);

    res = await postPairs(editorAr, '/admin/newsletters/compose', [['subject', ''], ['language', 'ar'], ['list', 'daily'], ['intro', 'نص']]);
    expect(res.status).toBe(422);
    const missing = await res.text();
    expect(alertIn(missing)).toBe(AR.subject);
    expect(missing).toContain('>نص</textarea>');
    expect(await issueCount()).toBe(before);
  });

  it('a story in the other language, in English', async () => {
    const before = await issueCount();
    const res = await postPairs(editor, '/admin/newsletters/compose', [
      ['subject', 'Mixed languages'],
      ['language', 'en'],
      ['list', 'daily'],
      ['intro', ''],
      ['articleIds', storyAr.id],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(alertIn(html)).toBe(EN.storyLanguage);
    expect(html).toMatch(new RegExp(`<input[^>]*value="${storyAr.id}"[^>]*checked`));
    expect(await issueCount()).toBe(before);
  });

  it('an unknown issue is a 404 in the editor’s language', async () => {
    const en = await editor.browser.get('/admin/newsletters/sends/no-such-issue');
    expect(en.status).toBe(404);
    expect(alertIn(await en.text())).toBe('We could not find that newsletter issue.');
    const ar = await editorAr.browser.get('/admin/newsletters/sends/no-such-issue/preview');
    expect(ar.status).toBe(404);
    expect(alertIn(await ar.text())).toBe('لم نجد عدد النشرة هذا.');
  });
});

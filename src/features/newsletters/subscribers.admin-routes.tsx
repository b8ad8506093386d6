import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { pathParam, roleAtLeast, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import { clientInfo } from '../../http/client.js';
import { fromDbTime } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { createDateFormatter } from '../../platform/i18n/dates.js';
import type { Translator } from '../../platform/i18n/i18n.js';
import { recordAudit, type AuditAction } from '../audit/index.js';
import { listSections, type Section } from '../sections/index.js';
import { getSiteSettings } from '../site-settings/index.js';
import { adminTranslator, renderAdmin } from '../staff/index.js';
import { BOUNCE_WEBHOOK_PATH } from './bounces.routes.js';
import { validLists, type ListKey } from './lists.js';
import { newsletterSecret } from './newsletter-secrets.js';
import { emailSchema, unsubscribe } from './subscribe.service.js';
import { ImportFileError, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, packUpload, textOfUpload, unpackUpload, type SubscriberCsvOptions } from './subscriber-import.js';
import {
  exportSubscribersCsv,
  importSubscribers,
  importSuppressions,
  newsletterOverview,
  planSubscriberImport,
  planSuppressionImport,
  rejectedRowsCsv,
  searchSubscribers,
  subscriberDetail,
  subscriberFilters,
  suppressionPage,
  type SubscriberImportPlan,
  type SuppressionImportPlan,
} from './subscribers.admin.service.js';
import { suppressAddress } from './suppressions.service.js';
import { rejectionText, SubscriberImportForm, SubscriberImportPreview, type ImportChoices } from './views/admin-import.js';
import { NewsletterOverviewPage } from './views/admin-overview.js';
import { SubscriberDetailPage, SubscriberListPage, type TimeFormat } from './views/admin-subscribers.js';
import { SuppressionImportPreview, SuppressionsPage } from './views/admin-suppressions.js';

type Extra = { notice?: string; error?: string; status?: number };

/** A refused file, in the staff member's language; every one says that nothing was imported. */
function fileErrorText(t: Translator, err: ImportFileError, bytes?: number): string {
  switch (err.problem) {
    case 'no-file':
      return t.t('admin.newsletters.file.noFile');
    case 'empty':
      return t.t('admin.newsletters.file.empty');
    case 'too-large':
      return t.t('admin.newsletters.file.tooLarge', { size: ((bytes ?? 0) / 1024 / 1024).toFixed(1), max: IMPORT_MAX_BYTES / 1024 / 1024 });
    case 'spreadsheet':
      return t.t('admin.newsletters.file.spreadsheet');
    case 'not-text':
      return t.t('admin.newsletters.file.notText');
    case 'not-utf8':
      return t.t('admin.newsletters.file.notUtf8');
    case 'malformed':
      return err.details.line ? t.t('admin.newsletters.file.malformedAt', { line: err.details.line }) : t.t('admin.newsletters.file.malformed');
    case 'too-many-rows':
      return t.t('admin.newsletters.file.tooManyRows', { rows: err.details.rows ?? 0, max: IMPORT_MAX_ROWS });
    case 'no-rows':
      return t.t('admin.newsletters.file.noRows');
    case 'bad-payload':
      return t.t('admin.newsletters.file.badPayload');
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const all = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/**
 * The newsroom's newsletter pages about people: the counts (editors), and for admins only, because
 * they show personal data, the subscribers (search, detail, unsubscribe, export, import) and the
 * suppressions (list, add, import, the bounce webhook's address and secret).
 */
export function newsletterSubscriberRoutes(deps: Deps): RouteDef[] {
  const timeFormat = async (t: Translator): Promise<TimeFormat> => {
    const settings = await getSiteSettings(deps.db);
    const dates = createDateFormatter(t.lang, settings.timeZone, 'latn');
    return (iso) => dates.dateTime(fromDbTime(iso));
  };
  const csrfOf = (c: AppContext) => c.get('staff')!.csrfToken;

  const audit = (c: AppContext, action: AuditAction & `newsletter-${string}`, subject: { type: string; id: string }, details: Record<string, unknown>) => {
    const s = c.get('staff')!;
    return recordAudit(deps.db, { userId: s.userId, label: s.email, ip: clientInfo(c, deps.config.trustProxy).ip }, action, subject, details, deps.clock.now());
  };

  // --- subscribers -------------------------------------------------------------------------------

  const listPage = async (c: AppContext, extra: Extra = {}) => {
    const t = adminTranslator(c);
    const { filters, page, sections } = await subscriberFilters(deps.db, c.req.query());
    const found = await searchSubscribers(deps.db, filters, page);
    return renderAdmin(c, deps.assets, {
      title: 'admin.newsletters.subscribers.title',
      ...extra,
      body: <SubscriberListPage t={t} data={{ ...found, filters, sections, fmt: await timeFormat(t) }} />,
    });
  };

  const detailPage = async (c: AppContext, extra: Extra = {}) => {
    const t = adminTranslator(c);
    const found = await subscriberDetail(deps.db, pathParam(c, 'id'));
    if (!found) throw new AppError('SUBSCRIBER_NOT_FOUND', 404, 'error.notFound');
    return renderAdmin(c, deps.assets, {
      title: { text: t.t('admin.newsletters.subscriber.title', { email: found.subscriber.email }) },
      ...extra,
      body: <SubscriberDetailPage t={t} data={{ ...found, sections: await listSections(deps.db), csrf: csrfOf(c), fmt: await timeFormat(t) }} />,
    });
  };

  // --- subscriber import ------------------------------------------------------------------------

  /** The form's choices: the default language and lists for rows that give none. */
  const choicesOf = (t: Translator, form: Record<string, unknown>, sections: readonly Section[]): ImportChoices => {
    const language = z.enum(['en', 'ar']).catch(t.lang).parse(form['language']);
    return { language, lists: validLists(all(form['lists']), sections) };
  };
  const csvOptions = (choices: ImportChoices, sections: Section[]): SubscriberCsvOptions => ({ defaultLanguage: choices.language, defaultLists: choices.lists as ListKey[], sections });

  const importFormPage = async (c: AppContext, choices: ImportChoices | undefined, extra: Extra = {}) => {
    const t = adminTranslator(c);
    const sections = await listSections(deps.db);
    return renderAdmin(c, deps.assets, {
      title: 'admin.newsletters.import.title',
      ...extra,
      body: <SubscriberImportForm t={t} csrf={csrfOf(c)} sections={sections} choices={choices ?? { language: t.lang, lists: ['daily'] }} />,
    });
  };

  const importPreviewPage = async (c: AppContext, plan: SubscriberImportPlan, payload: string, choices: ImportChoices, extra: Extra = {}) => {
    const t = adminTranslator(c);
    return renderAdmin(c, deps.assets, {
      title: 'admin.newsletters.import.previewTitle',
      ...extra,
      body: <SubscriberImportPreview t={t} data={{ plan, payload, choices, sections: await listSections(deps.db), csrf: csrfOf(c) }} />,
    });
  };

  /** The text of the uploaded file in the form's `file` field; an ImportFileError when there is none or it is unfit. */
  const uploadedText = async (form: Record<string, unknown>): Promise<{ text: string } | { error: ImportFileError; bytes?: number }> => {
    const file = form['file'];
    if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { error: new ImportFileError('no-file') };
    // Refused before its bytes are copied again.
    if (file.size > IMPORT_MAX_BYTES) return { error: new ImportFileError('too-large'), bytes: file.size };
    try {
      return { text: textOfUpload(new Uint8Array(await file.arrayBuffer())) };
    } catch (err) {
      if (err instanceof ImportFileError) return { error: err };
      throw err;
    }
  };

  /** The confirm form: the previewed file (packed), the plan's fingerprint and the choices. */
  const confirmFields = async (c: AppContext) => {
    const form = await c.req.parseBody({ all: true });
    const sections = await listSections(deps.db);
    const choices = choicesOf(adminTranslator(c), form, sections);
    return { form, sections, choices, payload: text(form['payload']), fingerprint: text(form['plan']) };
  };

  const fileError = (c: AppContext, err: ImportFileError, bytes?: number): Extra => ({ error: fileErrorText(adminTranslator(c), err, bytes), status: err.problem === 'too-large' ? 413 : 422 });

  // --- suppressions -----------------------------------------------------------------------------

  const suppressionsPage = async (c: AppContext, extra: Extra & { typed?: { email: string; note: string; invalid: boolean } } = {}) => {
    const t = adminTranslator(c);
    const q = z.string().trim().max(254).catch('').parse(c.req.query('q') ?? '');
    const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(c.req.query('page') ?? 1);
    const found = await suppressionPage(deps.db, q, page);
    const origin = deps.config.publicUrl ?? new URL(c.req.url).origin;
    const secret = await newsletterSecret(deps.db, 'bounce-webhook', deps.clock.now());
    const { typed, ...rest } = extra;
    return renderAdmin(c, deps.assets, {
      title: 'admin.newsletters.suppressions.title',
      ...rest,
      body: <SuppressionsPage t={t} data={{ ...found, q, fmt: await timeFormat(t), csrf: csrfOf(c), webhookUrl: `${origin}${BOUNCE_WEBHOOK_PATH}`, secret, typed }} />,
    });
  };

  const suppressionPreviewPage = async (c: AppContext, plan: SuppressionImportPlan, payload: string, extra: Extra = {}) =>
    renderAdmin(c, deps.assets, {
      title: 'admin.newsletters.suppressions.previewTitle',
      ...extra,
      body: <SuppressionImportPreview t={adminTranslator(c)} data={{ plan, payload, csrf: csrfOf(c) }} />,
    });

  const count = (v: string | undefined) => z.coerce.number().int().min(0).catch(0).parse(v ?? 0);

  return [
    staffRoute('GET', '/admin/newsletters', 'editor', async (c) => {
      const t = adminTranslator(c);
      return renderAdmin(c, deps.assets, {
        title: 'admin.newsletters.title',
        body: <NewsletterOverviewPage t={t} data={await newsletterOverview(deps.db)} isAdmin={roleAtLeast(c.get('staff')!.role, 'admin')} />,
      });
    }),

    staffRoute('GET', '/admin/newsletters/subscribers', 'admin', (c) => {
      const t = adminTranslator(c);
      const imported = c.req.query('imported');
      return listPage(c, imported === undefined ? {} : { notice: t.t('admin.newsletters.import.done', { added: count(imported), updated: count(c.req.query('updated')) }) });
    }),

    staffRoute('GET', '/admin/newsletters/subscribers.csv', 'admin', async (c) => {
      const { filters, sections } = await subscriberFilters(deps.db, c.req.query());
      const { csv, count: rows } = await exportSubscribersCsv(deps.db, filters, sections);
      await audit(c, 'newsletter-subscribers-exported', { type: 'newsletter-subscribers', id: 'export' }, { filters, rows });
      const day = deps.clock.now().toISOString().slice(0, 10);
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="newsletter-subscribers-${day}.csv"`,
        'Cache-Control': 'no-store',
      });
    }),

    // Before /subscribers/:id, which would match "import" too.
    staffRoute('GET', '/admin/newsletters/subscribers/import', 'admin', (c) => importFormPage(c, undefined)),

    staffRoute('POST', '/admin/newsletters/subscribers/import', 'admin', async (c) => {
      const form = await c.req.parseBody({ all: true });
      const sections = await listSections(deps.db);
      const choices = choicesOf(adminTranslator(c), form, sections);
      const upload = await uploadedText(form);
      if ('error' in upload) return importFormPage(c, choices, fileError(c, upload.error, upload.bytes));
      try {
        const plan = await planSubscriberImport(deps.db, upload.text, csvOptions(choices, sections));
        return importPreviewPage(c, plan, packUpload(upload.text), choices);
      } catch (err) {
        if (err instanceof ImportFileError) return importFormPage(c, choices, fileError(c, err));
        throw err;
      }
    }),

    staffRoute('POST', '/admin/newsletters/subscribers/import/confirm', 'admin', async (c) => {
      const t = adminTranslator(c);
      const { sections, choices, payload, fingerprint } = await confirmFields(c);
      try {
        const fileText = unpackUpload(payload);
        const outcome = await importSubscribers({ db: deps.db, now: deps.clock.now() }, fileText, csvOptions(choices, sections), fingerprint);
        if (!outcome.done) return importPreviewPage(c, outcome.plan, payload, choices, { error: t.t('admin.newsletters.import.changed'), status: 409 });
        await audit(c, 'newsletter-subscribers-imported', { type: 'newsletter-subscribers', id: 'import' }, { added: outcome.added, updated: outcome.updated, defaultLanguage: choices.language, defaultLists: choices.lists });
        return c.redirect(`/admin/newsletters/subscribers?imported=${outcome.added}&updated=${outcome.updated}`, 303);
      } catch (err) {
        if (err instanceof ImportFileError) return importFormPage(c, choices, fileError(c, err));
        throw err;
      }
    }),

    staffRoute('POST', '/admin/newsletters/subscribers/import/rejected.csv', 'admin', async (c) => {
      const t = adminTranslator(c);
      const { sections, choices, payload } = await confirmFields(c);
      try {
        const plan = await planSubscriberImport(deps.db, unpackUpload(payload), csvOptions(choices, sections));
        return c.body(
          rejectedRowsCsv(plan.rejected, (r) => rejectionText(t, r)),
          200,
          { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="rejected-rows.csv"', 'Cache-Control': 'no-store' },
        );
      } catch (err) {
        if (err instanceof ImportFileError) return importFormPage(c, choices, fileError(c, err));
        throw err;
      }
    }),

    staffRoute('GET', '/admin/newsletters/subscribers/:id', 'admin', (c) => {
      const t = adminTranslator(c);
      return detailPage(c, c.req.query('unsubscribed') ? { notice: t.t('admin.newsletters.subscriber.unsubscribed') } : {});
    }),

    staffRoute('POST', '/admin/newsletters/subscribers/:id/unsubscribe', 'admin', async (c) => {
      const id = pathParam(c, 'id');
      const done = await unsubscribe(deps, id, 'admin');
      if (!done) throw new AppError('SUBSCRIBER_NOT_FOUND', 404, 'error.notFound');
      await audit(c, 'newsletter-subscriber-unsubscribed', { type: 'newsletter-subscriber', id }, { email: done.subscriber.email });
      return c.redirect(`/admin/newsletters/subscribers/${id}?unsubscribed=1`, 303);
    }),

    // --- suppressions ---

    staffRoute('GET', '/admin/newsletters/suppressions', 'admin', (c) => {
      const t = adminTranslator(c);
      const notice = c.req.query('added')
        ? t.t('admin.newsletters.suppressions.added')
        : c.req.query('already')
          ? t.t('admin.newsletters.suppressions.alreadyAdded')
          : c.req.query('imported') !== undefined
            ? t.t('admin.newsletters.suppressions.imported', { count: count(c.req.query('imported')) })
            : undefined;
      return suppressionsPage(c, { notice });
    }),

    staffRoute('POST', '/admin/newsletters/suppressions', 'admin', async (c) => {
      const t = adminTranslator(c);
      const form = await c.req.parseBody();
      const typedEmail = text(form['email']).slice(0, 254);
      const note = text(form['note']).trim().slice(0, 300);
      const email = emailSchema.safeParse(typedEmail);
      if (!email.success) return suppressionsPage(c, { error: t.t('admin.newsletters.suppressions.invalidEmail'), status: 422, typed: { email: typedEmail, note, invalid: true } });
      const added = await suppressAddress(deps.db, { email: email.data, reason: 'manual', source: 'admin', detail: note }, deps.clock.now());
      if (added) await audit(c, 'newsletter-suppression-added', { type: 'newsletter-suppression', id: email.data }, { note });
      return c.redirect(`/admin/newsletters/suppressions?${added ? 'added' : 'already'}=1`, 303);
    }),

    staffRoute('POST', '/admin/newsletters/suppressions/import', 'admin', async (c) => {
      const form = await c.req.parseBody();
      const upload = await uploadedText(form);
      if ('error' in upload) return suppressionsPage(c, fileError(c, upload.error, upload.bytes));
      try {
        const plan = await planSuppressionImport(deps.db, upload.text);
        return suppressionPreviewPage(c, plan, packUpload(upload.text));
      } catch (err) {
        if (err instanceof ImportFileError) return suppressionsPage(c, fileError(c, err));
        throw err;
      }
    }),

    staffRoute('POST', '/admin/newsletters/suppressions/import/confirm', 'admin', async (c) => {
      const t = adminTranslator(c);
      const form = await c.req.parseBody();
      const payload = text(form['payload']);
      try {
        const outcome = await importSuppressions({ db: deps.db, now: deps.clock.now() }, unpackUpload(payload), text(form['plan']));
        if (!outcome.done) return suppressionPreviewPage(c, outcome.plan, payload, { error: t.t('admin.newsletters.import.changed'), status: 409 });
        await audit(c, 'newsletter-suppressions-imported', { type: 'newsletter-suppressions', id: 'import' }, { added: outcome.added });
        return c.redirect(`/admin/newsletters/suppressions?imported=${outcome.added}`, 303);
      } catch (err) {
        if (err instanceof ImportFileError) return suppressionsPage(c, fileError(c, err));
        throw err;
      }
    }),
  ];
}

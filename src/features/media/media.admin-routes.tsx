import { z } from 'zod';
import { pathParam, roleAtLeast, staffRoute, type AppContext, type RouteDef } from '../../http/access.js';
import type { Assets } from '../../http/assets.js';
import { createDateFormatter } from '../../platform/i18n/dates.js';
import type { Translator } from '../../platform/i18n/i18n.js';
import { AppError } from '../../platform/errors.js';
import { adminTranslator, findStaffById, renderAdmin } from '../staff/index.js';
import { MEDIA_MAX_PIXELS, MEDIA_MAX_UPLOAD_BYTES } from './media.js';
import {
  deleteMedia,
  findMediaItem,
  findMediaUsage,
  listMedia,
  setFocalPoint,
  updateMediaDetails,
  uploadImage,
  type MediaLibraryDeps,
  type MediaUsage,
} from './media.service.js';
import { toPickerItem } from './picker-item.js';
import { LibraryPage } from './views/library-page.js';
import { MediaDetailsPage } from './views/media-details-page.js';

export interface MediaAdminDeps extends MediaLibraryDeps {
  assets: Assets;
}

const MB = 1024 * 1024;

/** An upload refusal in the staff member's words, with the numbers that explain it. */
function uploadError(t: Translator, err: AppError): string | undefined {
  const d = err.details ?? {};
  switch (err.code) {
    case 'MEDIA_TOO_LARGE':
      return t.t('admin.media.tooLarge', { size: (Number(d['bytes']) / MB).toFixed(1), max: MEDIA_MAX_UPLOAD_BYTES / MB });
    case 'MEDIA_TOO_MANY_PIXELS':
      return t.t('admin.media.tooManyPixels', { width: Number(d['width']), height: Number(d['height']), max: MEDIA_MAX_PIXELS / 1_000_000 });
    case 'MEDIA_NOT_AN_IMAGE':
      return t.t('admin.media.notImage');
    case 'MEDIA_UNREADABLE':
      return t.t('admin.media.unreadable');
    default:
      return undefined;
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A number from a form field, or NaN (which the schema then refuses). */
const num = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN);

/** The media library: upload, search, describe, set the focal point, delete what nothing uses. */
export function mediaAdminRoutes(deps: MediaAdminDeps): RouteDef[] {
  const libraryPage = async (c: AppContext, extra: { notice?: string; error?: string; status?: number } = {}) => {
    const t = adminTranslator(c);
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const list = await listMedia(deps.db, { q, page });
    return renderAdmin(c, deps.assets, {
      title: 'admin.media.title',
      ...extra,
      body: <LibraryPage t={t} data={{ csrf: c.get('staff')!.csrfToken, q, page, pageCount: list.pageCount, total: list.total, items: list.items }} />,
    });
  };

  const detailsPage = async (c: AppContext, id: string, extra: { notice?: string; error?: string; status?: number; usage?: MediaUsage } = {}) => {
    const t = adminTranslator(c);
    const item = await findMediaItem(deps.db, id);
    if (!item) throw new AppError('MEDIA_NOT_FOUND', 404, 'error.notFound');
    const [usage, uploader] = await Promise.all([extra.usage ?? findMediaUsage(deps.db, id), item.uploadedByUserId ? findStaffById(deps.db, item.uploadedByUserId) : undefined]);
    const staff = c.get('staff')!;
    const dates = createDateFormatter(t.lang, 'UTC', 'latn');
    return renderAdmin(c, deps.assets, {
      title: 'admin.media.details',
      notice: extra.notice,
      error: extra.error,
      status: extra.status,
      body: (
        <MediaDetailsPage
          t={t}
          data={{
            item,
            usage: usage ?? { articles: [], people: [] },
            csrf: staff.csrfToken,
            uploadedBy: uploader?.name,
            uploadedAt: `${dates.dateTime(item.createdAt)} UTC`,
            canDelete: roleAtLeast(staff.role, 'editor'),
          }}
        />
      ),
    });
  };

  /** Pages of the library as JSON, for the editor's image picker (src/client/media-picker.ts). */
  const pickerPage = async (c: AppContext) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const list = await listMedia(deps.db, { q, page });
    return c.json({ items: list.items.map(toPickerItem), page, pageCount: list.pageCount, total: list.total });
  };

  /** The picker uploads with `Accept: application/json` and gets the new image (or the refusal) back. */
  const wantsJson = (c: AppContext) => (c.req.header('accept') ?? '').includes('application/json');

  return [
    staffRoute('GET', '/admin/media-picker', 'contributor', pickerPage),

    staffRoute('GET', '/admin/media-picker/:id', 'contributor', async (c) => {
      const item = await findMediaItem(deps.db, pathParam(c, 'id'));
      return item ? c.json({ item: toPickerItem(item) }) : c.json({ error: 'not-found' }, 404);
    }),

    staffRoute('GET', '/admin/media', 'contributor', async (c) => {
      const t = adminTranslator(c);
      return libraryPage(c, { notice: c.req.query('deleted') ? t.t('admin.media.deleted') : undefined });
    }),

    staffRoute('POST', '/admin/media', 'contributor', async (c) => {
      const t = adminTranslator(c);
      // The staff guard has parsed the body already (for the CSRF token); this reads the same result.
      const form = await c.req.parseBody();
      const file = form['file'];
      const json = wantsJson(c);
      if (!(file instanceof File) || file.size === 0) {
        return json ? c.json({ error: t.t('admin.media.noFile') }, 422) : libraryPage(c, { error: t.t('admin.media.noFile'), status: 422 });
      }
      try {
        // Refused before its bytes are copied again; the name is kept for display only.
        if (file.size > MEDIA_MAX_UPLOAD_BYTES) throw new AppError('MEDIA_TOO_LARGE', 413, 'admin.media.tooLarge', { bytes: file.size });
        const bytes = Buffer.from(await file.arrayBuffer());
        const result = await uploadImage(deps, { bytes, originalName: file.name, userId: c.get('staff')!.userId });
        if (json) {
          const item = await findMediaItem(deps.db, result.id);
          return c.json({ item: toPickerItem(item!), duplicate: result.duplicate }, result.duplicate ? 200 : 201);
        }
        return c.redirect(`/admin/media/${result.id}?${result.duplicate ? 'duplicate' : 'uploaded'}=1`, 303);
      } catch (err) {
        const message = err instanceof AppError ? uploadError(t, err) : undefined;
        if (!message || !(err instanceof AppError)) throw err;
        if (json) return c.json({ error: message }, err.status);
        return libraryPage(c, { error: message, status: err.status });
      }
    }),

    staffRoute('GET', '/admin/media/:id', 'contributor', async (c) => {
      const t = adminTranslator(c);
      const notice = c.req.query('uploaded')
        ? t.t('admin.media.uploaded')
        : c.req.query('duplicate')
          ? t.t('admin.media.duplicate')
          : c.req.query('saved')
            ? t.t('admin.media.saved')
            : c.req.query('focal')
              ? t.t('admin.media.focalSaved')
              : undefined;
      return detailsPage(c, pathParam(c, 'id'), { notice });
    }),

    staffRoute('POST', '/admin/media/:id', 'contributor', async (c) => {
      const id = pathParam(c, 'id');
      const f = await c.req.parseBody();
      try {
        await updateMediaDetails(deps, id, { captionEn: text(f['captionEn']), captionAr: text(f['captionAr']), credit: text(f['credit']), altEn: text(f['altEn']), altAr: text(f['altAr']) });
      } catch (err) {
        if (err instanceof z.ZodError) return detailsPage(c, id, { error: adminTranslator(c).t('admin.media.tooLong'), status: 422 });
        throw err;
      }
      return c.redirect(`/admin/media/${id}?saved=1`, 303);
    }),

    staffRoute('POST', '/admin/media/:id/focal', 'contributor', async (c) => {
      const id = pathParam(c, 'id');
      const t = adminTranslator(c);
      const f = await c.req.parseBody();
      // A click on the picture sends where (at.x, at.y, in the pixels it was shown at: w × h); the fields send x, y.
      const clicked = f['at.x'] !== undefined;
      const point = clicked ? { x: num(f['at.x']) / num(f['w']), y: num(f['at.y']) / num(f['h']) } : { x: num(f['x']), y: num(f['y']) };
      if (clicked) {
        point.x = Math.min(1, Math.max(0, point.x));
        point.y = Math.min(1, Math.max(0, point.y));
      }
      try {
        await setFocalPoint(deps, id, point);
      } catch (err) {
        if (err instanceof z.ZodError) return detailsPage(c, id, { error: t.t('admin.media.focalInvalid'), status: 422 });
        if (err instanceof AppError && err.code === 'MEDIA_NO_CROPS') return detailsPage(c, id, { error: t.t('admin.media.focalNotForSvg'), status: 422 });
        throw err;
      }
      return c.redirect(`/admin/media/${id}?focal=1`, 303);
    }),

    staffRoute('POST', '/admin/media/:id/delete', 'editor', async (c) => {
      const id = pathParam(c, 'id');
      try {
        await deleteMedia(deps, id);
      } catch (err) {
        if (err instanceof AppError && err.code === 'MEDIA_IN_USE') {
          return detailsPage(c, id, { error: adminTranslator(c).t('admin.media.inUse'), status: 409, usage: err.details?.['usage'] as MediaUsage });
        }
        throw err;
      }
      return c.redirect('/admin/media?deleted=1', 303);
    }),
  ];
}

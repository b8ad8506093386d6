import type { Translator } from '../../../platform/i18n/i18n.js';
import { CROPS, fallbackFormatOf, mediaUrl, type Crop, type MediaImage } from '../media.js';
import { dirOf, FormField } from '../../../http/components/form-field.js';
import type { MediaItem, MediaUsage } from '../media.service.js';
import { VariantsStateNote } from './library-page.js';

/** Width at which the picture is shown for picking the focal point (click coordinates are in these pixels). */
export const FOCAL_PICK_WIDTH = 640;

export interface MediaDetailsData {
  item: MediaItem;
  usage: MediaUsage;
  csrf: string;
  uploadedBy?: string;
  uploadedAt: string;
  canDelete: boolean;
}

/** The whole image at about `width` pixels, as WebP if made, else the master. */
function previewOf(media: MediaImage, width: number): string {
  const webp = media.variants.filter((v) => v.crop === 'original' && v.format === 'webp').sort((a, b) => a.width - b.width);
  const pick = webp.find((v) => v.width >= width) ?? webp[webp.length - 1];
  return mediaUrl(pick?.file ?? media.fileName);
}

function cropPreview(media: MediaImage, crop: Crop) {
  const list = media.variants.filter((v) => v.crop === crop && v.format === 'webp').sort((a, b) => a.width - b.width);
  return list[0];
}

function TextField(props: { id: string; name: string; label: string; value: string; lang?: 'en' | 'ar'; long?: boolean; help?: string }) {
  return <FormField {...props} rows={2} dir={dirOf(props.lang)} />;
}

export function MediaDetailsPage(props: { t: Translator; data: MediaDetailsData }) {
  const { t, data } = props;
  const m = data.item;
  const hasCrops = Boolean(fallbackFormatOf(m.contentType));
  const pickWidth = Math.min(FOCAL_PICK_WIDTH, m.width);
  const pickHeight = Math.round((m.height * pickWidth) / m.width);
  const csrf = <input type="hidden" name="_csrf" value={data.csrf} />;
  return (
    <>
      <p>
        <a href="/admin/media">{t.t('admin.media.back')}</a>
      </p>
      <div class="stack">
        <div>
          <label for="media-id">{t.t('admin.media.id')}</label>
          <input id="media-id" value={m.id} readonly dir="ltr" aria-describedby="media-id-help" />
          <p id="media-id-help" class="help">
            {t.t('admin.media.idHelp')}
          </p>
        </div>
        <ul class="media-facts">
          {m.originalName ? (
            <li>
              {t.t('admin.media.originalName')}: <span dir="auto">{m.originalName}</span>
            </li>
          ) : null}
          <li>{t.t('admin.media.dimensions', { width: m.width, height: m.height, kb: Math.max(1, Math.round(m.byteSize / 1024)) })}</li>
          <li>{data.uploadedBy ? t.t('admin.media.uploadedBy', { name: data.uploadedBy, date: data.uploadedAt }) : data.uploadedAt}</li>
        </ul>
        <VariantsStateNote t={t} state={m.variantsState} help />
      </div>

      <section aria-labelledby="focal-heading">
        <h2 id="focal-heading">{t.t('admin.media.focal')}</h2>
        {hasCrops ? (
          <>
            <p id="focal-help" class="help">
              {t.t('admin.media.focalHelp')}
            </p>
            {/* Its own form: an image button in the number form would be its default button, and Enter would submit 0,0. */}
            <form method="post" action={`/admin/media/${m.id}/focal`}>
              {csrf}
              <input type="hidden" name="w" value={String(pickWidth)} />
              <input type="hidden" name="h" value={String(pickHeight)} />
              <div style="overflow-x:auto">
                {/* Image coordinates are physical (the picture is never mirrored), so the marker uses left/top. */}
                <div style={`position:relative;inline-size:${pickWidth}px`}>
                  <input
                    type="image"
                    name="at"
                    src={previewOf(m, pickWidth)}
                    alt={t.t('admin.media.focalPick')}
                    width={pickWidth}
                    height={pickHeight}
                    style={`display:block;inline-size:${pickWidth}px;block-size:${pickHeight}px;max-inline-size:none;cursor:crosshair`}
                  />
                  <span
                    aria-hidden="true"
                    style={`position:absolute;left:${(m.focal.x * 100).toFixed(2)}%;top:${(m.focal.y * 100).toFixed(2)}%;inline-size:1.25rem;block-size:1.25rem;margin:-0.625rem;border:3px solid #fff;border-radius:50%;box-shadow:0 0 0 2px #000;pointer-events:none`}
                  />
                </div>
              </div>
            </form>
            <form method="post" action={`/admin/media/${m.id}/focal`} class="stack">
              {csrf}
              <div>
                <label for="focal-x">{t.t('admin.media.focalX')}</label>
                <input id="focal-x" name="x" type="number" min="0" max="1" step="0.01" value={m.focal.x.toFixed(2)} dir="ltr" aria-describedby="focal-help" />
              </div>
              <div>
                <label for="focal-y">{t.t('admin.media.focalY')}</label>
                <input id="focal-y" name="y" type="number" min="0" max="1" step="0.01" value={m.focal.y.toFixed(2)} dir="ltr" aria-describedby="focal-help" />
              </div>
              <div>
                <button type="submit">{t.t('admin.media.focalSave')}</button>
              </div>
            </form>
            <h3>{t.t('admin.media.crops')}</h3>
            <ul style="display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;align-items:flex-end">
              {CROPS.map((crop) => {
                const v = cropPreview(m, crop);
                return v ? (
                  <li>
                    <figure style="margin:0">
                      <img src={mediaUrl(v.file)} alt="" width={v.width} height={v.height} loading="lazy" decoding="async" style="display:block;inline-size:12rem;block-size:auto" />
                      <figcaption dir="ltr">{crop}</figcaption>
                    </figure>
                  </li>
                ) : null;
              })}
            </ul>
          </>
        ) : (
          <>
            <img src={mediaUrl(m.fileName)} alt="" width={m.width} height={m.height} style="display:block;inline-size:100%;max-inline-size:40rem;block-size:auto" />
            <p class="help">{t.t('admin.media.focalNotForSvg')}</p>
          </>
        )}
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t.t('admin.media.details')}</h2>
        <form method="post" action={`/admin/media/${m.id}`} class="stack">
          {csrf}
          <TextField id="caption-en" name="captionEn" label={t.t('admin.media.captionEn')} value={m.captionEn} lang="en" long />
          <TextField id="caption-ar" name="captionAr" label={t.t('admin.media.captionAr')} value={m.captionAr} lang="ar" long />
          <TextField id="credit" name="credit" label={t.t('admin.media.credit')} value={m.credit} />
          <TextField id="alt-en" name="altEn" label={t.t('admin.media.altEn')} value={m.altEn} lang="en" long help={t.t('admin.media.altHelp')} />
          <TextField id="alt-ar" name="altAr" label={t.t('admin.media.altAr')} value={m.altAr} lang="ar" long help={t.t('admin.media.altHelp')} />
          <div>
            <button type="submit">{t.t('admin.media.save')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="usage-heading">
        <h2 id="usage-heading">{t.t('admin.media.usedBy')}</h2>
        {data.usage.articles.length || data.usage.people.length ? (
          <ul id="media-usage">
            {data.usage.articles.map((a) => (
              <li>
                <a href={`/admin/articles/${a.id}/edit`} lang={a.language} dir="auto">
                  {a.headline}
                </a>{' '}
                ({t.t(`admin.status.${a.status}` as 'admin.status.draft')})
              </li>
            ))}
            {data.usage.people.map((p) => (
              <li>{t.t('admin.media.personPhoto', { name: t.lang === 'ar' ? p.nameAr : p.nameEn })}</li>
            ))}
          </ul>
        ) : (
          <p>{t.t('admin.media.unused')}</p>
        )}
      </section>

      {data.canDelete ? (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">{t.t('admin.media.delete')}</h2>
          <form method="post" action={`/admin/media/${m.id}/delete`} class="stack">
            {csrf}
            <p class="help">{t.t('admin.media.deleteHelp')}</p>
            <div>
              <button type="submit" class="secondary">
                {t.t('admin.media.delete')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}

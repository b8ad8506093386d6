import type { Translator } from '../../../platform/i18n/i18n.js';
import { MEDIA_MAX_PIXELS, MEDIA_MAX_UPLOAD_BYTES, mediaUrl, type MediaImage, type VariantsState } from '../media.js';
import type { MediaItem } from '../media.service.js';

/** The accept list of the file picker: a hint for the browser only; the server checks the bytes. */
export const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/** A small square-ish file for newsroom lists: the 1:1 crop's smallest WebP, else the master. */
export function thumbnailOf(media: MediaImage): { src: string; width: number; height: number } {
  const square = media.variants.filter((v) => v.crop === '1:1' && v.format === 'webp').sort((a, b) => a.width - b.width)[0];
  if (square) return { src: mediaUrl(square.file), width: square.width, height: square.height };
  return { src: mediaUrl(media.fileName), width: media.width, height: media.height };
}

/** What the newsroom calls an image: its caption in the staff member's language, else any text it has. */
export function labelOf(t: Translator, m: MediaItem): string {
  const mine = t.lang === 'ar' ? m.captionAr : m.captionEn;
  const other = t.lang === 'ar' ? m.captionEn : m.captionAr;
  return mine || other || m.altEn || m.altAr || m.originalName || t.t('admin.media.untitled');
}

/** Says when an image's sizes are still being made, or could not be; nothing once they are ready. */
export function VariantsStateNote(props: { t: Translator; state: VariantsState; help?: boolean }) {
  const { t, state } = props;
  if (state === 'ready') return null;
  const pending = state === 'pending';
  return (
    <small class={`help media-state media-state--${state}`} style="display:block">
      <strong>{t.t(pending ? 'admin.media.preparing' : 'admin.media.variantsFailed')}</strong>
      {props.help ? <> {t.t(pending ? 'admin.media.preparingHelp' : 'admin.media.variantsFailedHelp')}</> : null}
    </small>
  );
}

export interface LibraryPageData {
  csrf: string;
  q: string;
  page: number;
  pageCount: number;
  total: number;
  items: MediaItem[];
}

export function LibraryPage(props: { t: Translator; data: LibraryPageData }) {
  const { t, data } = props;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (data.q) params.set('q', data.q);
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    return qs ? `/admin/media?${qs}` : '/admin/media';
  };
  return (
    <>
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t.t('admin.media.upload')}</h2>
        <form method="post" action="/admin/media" enctype="multipart/form-data" class="stack">
          <input type="hidden" name="_csrf" value={data.csrf} />
          <div>
            <label for="media-file">{t.t('admin.media.file')}</label>
            <input id="media-file" name="file" type="file" accept={ACCEPT} required aria-describedby="media-file-help" />
            <p id="media-file-help" class="help">
              {t.t('admin.media.fileHelp', { mb: MEDIA_MAX_UPLOAD_BYTES / 1024 / 1024, mp: MEDIA_MAX_PIXELS / 1_000_000 })}
            </p>
          </div>
          <div>
            <button type="submit">{t.t('admin.media.uploadButton')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="library-heading">
        <h2 id="library-heading">{t.t('admin.media.search')}</h2>
        <form method="get" action="/admin/media" role="search" class="stack">
          <div>
            <label for="media-q">{t.t('admin.media.search')}</label>
            <input id="media-q" name="q" type="search" value={data.q} dir="auto" aria-describedby="media-q-help" />
            <p id="media-q-help" class="help">
              {t.t('admin.media.searchHelp')}
            </p>
          </div>
          <div>
            <button type="submit" class="secondary">
              {t.t('admin.media.searchButton')}
            </button>
          </div>
        </form>
        <p id="media-count">
          {data.total ? t.t('admin.media.results', { count: data.total }) : data.q ? t.t('admin.media.noResults') : t.t('admin.media.empty')}
        </p>
        {data.items.length ? (
          <ul class="media-grid" style="display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:1rem;list-style:none;margin:0;padding:0">
            {data.items.map((m) => {
              const thumb = thumbnailOf(m);
              return (
                <li class="media-grid__item">
                  <a href={`/admin/media/${m.id}`} style="display:block">
                    <img
                      src={thumb.src}
                      alt=""
                      width={thumb.width}
                      height={thumb.height}
                      loading="lazy"
                      decoding="async"
                      style="display:block;inline-size:100%;block-size:auto;aspect-ratio:1/1;object-fit:cover;background:var(--line)"
                    />
                    <span dir="auto">{labelOf(t, m)}</span>
                  </a>
                  <VariantsStateNote t={t} state={m.variantsState} />
                  {m.credit ? (
                    <small class="help" dir="auto" style="display:block">
                      {m.credit}
                    </small>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        {data.pageCount > 1 ? (
          <nav class="pagination" aria-label={t.t('list.pagination')}>
            {data.page > 1 ? (
              <a href={href(data.page - 1)} rel="prev">
                {t.t('list.newer')}
              </a>
            ) : null}{' '}
            <span aria-current="page">
              {t.t('list.page', { page: data.page })} / {t.n(data.pageCount)}
            </span>{' '}
            {data.page < data.pageCount ? (
              <a href={href(data.page + 1)} rel="next">
                {t.t('list.older')}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

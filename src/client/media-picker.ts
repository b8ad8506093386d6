import type { PickerItem } from '../features/media/picker-item.js';
import { actionButton, el } from './dom.js';
import { format, type Labels } from './labels.js';

/**
 * The image picker: a modal `<dialog>` over the media library (GET /admin/media-picker), with search,
 * upload (POST /admin/media answering JSON) and, for body images, a second step for the text
 * alternative, caption and credit, prefilled from the library in the article's language.
 * The native dialog traps focus, closes on Escape and gives focus back to the button that opened it.
 */

/** One library image, as GET /admin/media-picker sends it: the server's type (erased from the bundle). */
export type { PickerItem };

export interface ImageDetails {
  alt: string;
  caption: string;
  credit: string;
}

export interface PickedImage extends ImageDetails {
  id: string;
  src: string;
  width: number;
  height: number;
}

export interface MediaPickerOptions {
  labels: Labels;
  csrf: string;
  /** The article's language: which of the library's texts to prefill. */
  articleLang: () => 'en' | 'ar';
  fetch: typeof window.fetch;
  listUrl?: string;
  uploadUrl?: string;
}

/** The library's texts in the article's language; never the other language's (it would be read wrongly). */
export function detailsFor(item: PickerItem, lang: 'en' | 'ar'): ImageDetails {
  return { alt: item.alt[lang], caption: item.caption[lang], credit: item.credit };
}

/** What a grid button is called: the caption or text alternative in the article's language, else the file name. */
export function itemLabel(item: PickerItem, lang: 'en' | 'ar'): string {
  const other = lang === 'ar' ? 'en' : 'ar';
  return item.caption[lang] || item.alt[lang] || item.caption[other] || item.alt[other] || item.name || item.id;
}

interface ListAnswer {
  items: PickerItem[];
  page: number;
  pageCount: number;
  total: number;
}

function field(id: string, label: string, value: string, lang: string, help?: string): { wrap: HTMLElement; input: HTMLInputElement } {
  const input = el('input', { id, type: 'text', value, dir: lang === 'ar' ? 'rtl' : 'auto' });
  input.lang = lang;
  const wrap = el('div', {}, el('label', { htmlFor: id, textContent: label }), input);
  if (help) {
    const helpId = `${id}-help`;
    wrap.append(el('p', { id: helpId, className: 'help', textContent: help }));
    input.setAttribute('aria-describedby', helpId);
  }
  return { wrap, input };
}

export class MediaPicker {
  private readonly dialog: HTMLDialogElement;
  private readonly body: HTMLElement;
  private readonly title: HTMLElement;
  private resolve: ((value: PickedImage | null) => void) | null = null;
  private searchSeq = 0;

  constructor(private readonly options: MediaPickerOptions) {
    const { labels } = options;
    this.title = el('h2', { id: 'media-picker-title', className: 'media-picker__title' });
    this.body = el('div', { className: 'media-picker__body' });
    const close = actionButton('×', () => this.finish(null), 'media-picker__close secondary');
    close.setAttribute('aria-label', labels.pickerClose);
    this.dialog = el('dialog', { className: 'media-picker' }, el('div', { className: 'media-picker__head' }, this.title, close), this.body);
    this.dialog.setAttribute('aria-labelledby', this.title.id);
    this.dialog.lang = document.documentElement.lang || 'en';
    this.dialog.dir = document.documentElement.dir || 'ltr';
    // Escape (the dialog's own cancel) is a "no"; the promise answers null.
    this.dialog.addEventListener('close', () => this.finish(null));
    document.body.append(this.dialog);
  }

  /** Chooses a library image; with `details`, then asks for its texts (body images). Null when cancelled. */
  choose(opts: { details: boolean; current?: PickedImage }): Promise<PickedImage | null> {
    this.finish(null);
    return new Promise((resolve) => {
      this.resolve = resolve;
      if (opts.current && opts.details) this.showDetails(opts.current, opts.details);
      else this.showBrowse(opts.details);
      this.dialog.showModal();
      this.focusFirst();
    });
  }

  private finish(value: PickedImage | null): void {
    const resolve = this.resolve;
    this.resolve = null;
    if (this.dialog.open) this.dialog.close();
    resolve?.(value);
  }

  private focusFirst(): void {
    this.body.querySelector<HTMLElement>('[autofocus], input, button')?.focus();
  }

  private showBrowse(details: boolean): void {
    const { labels } = this.options;
    this.title.textContent = labels.pickerTitle;
    const status = el('p', { className: 'media-picker__status' });
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    const grid = el('ul', { className: 'media-picker__grid' });
    grid.setAttribute('aria-label', labels.pickerResults);
    const more = el('button', { type: 'button', className: 'secondary media-picker__more', textContent: labels.pickerMore, hidden: true });

    const search = el('input', { id: 'media-picker-q', type: 'search', dir: 'auto', autofocus: true });
    const searchForm = el('form', { className: 'media-picker__search' }, el('label', { htmlFor: search.id, textContent: labels.pickerSearch }), search);
    searchForm.setAttribute('role', 'search');
    searchForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void load(1);
    });
    let typing: ReturnType<typeof setTimeout> | undefined;
    search.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => void load(1), 250);
    });

    const file = el('input', { id: 'media-picker-file', type: 'file', accept: 'image/jpeg,image/png,image/webp,image/avif,image/gif' });
    const uploadWrap = el('div', { className: 'media-picker__upload' }, el('label', { htmlFor: file.id, textContent: labels.pickerUpload }), file);
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (chosen) void upload(chosen);
    });

    const cancel = actionButton(labels.pickerCancel, () => this.finish(null), 'secondary');
    this.body.replaceChildren(searchForm, uploadWrap, status, grid, more, el('div', { className: 'media-picker__actions' }, cancel));

    const lang = this.options.articleLang();
    const pick = (item: PickerItem) => {
      const picked: PickedImage = { id: item.id, src: item.src, width: item.width, height: item.height, ...detailsFor(item, lang) };
      if (details) this.showDetails(picked, details);
      else this.finish(picked);
    };
    const button = (item: PickerItem) => {
      const b = el('button', { type: 'button', className: 'media-picker__item' });
      const name = itemLabel(item, lang);
      b.setAttribute('aria-label', name);
      b.append(el('img', { src: item.thumb.src, alt: '', width: 96, height: 96, loading: 'lazy', decoding: 'async' }), el('span', { textContent: name, dir: 'auto' }));
      b.addEventListener('click', () => pick(item));
      return el('li', {}, b);
    };

    // Arrow keys move between images (in reading order, mirrored for Arabic); Tab leaves the grid.
    grid.addEventListener('keydown', (event) => {
      const items = [...grid.querySelectorAll<HTMLButtonElement>('.media-picker__item')];
      const index = items.indexOf(document.activeElement as HTMLButtonElement);
      if (index < 0) return;
      const rtl = getComputedStyle(grid).direction === 'rtl';
      const perRow = Math.max(1, Math.round(grid.clientWidth / (items[0]?.offsetWidth || 1)));
      const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: perRow, ArrowUp: -perRow, Home: -index, End: items.length - 1 - index }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      items[Math.min(items.length - 1, Math.max(0, index + step))]?.focus();
    });

    let page = 1;
    const load = async (wanted: number) => {
      const seq = ++this.searchSeq;
      const query = search.value.trim();
      status.textContent = labels.pickerLoading;
      const url = new URL(this.options.listUrl ?? '/admin/media-picker', window.location.href);
      if (query) url.searchParams.set('q', query);
      if (wanted > 1) url.searchParams.set('page', String(wanted));
      let answer: ListAnswer;
      try {
        const res = await this.options.fetch(url.toString(), { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        if (!res.ok) throw new Error(String(res.status));
        answer = (await res.json()) as ListAnswer;
      } catch {
        if (seq === this.searchSeq) status.textContent = labels.pickerFailed;
        return;
      }
      if (seq !== this.searchSeq) return; // a later search answered first
      page = answer.page;
      if (wanted === 1) grid.replaceChildren();
      grid.append(...answer.items.map(button));
      more.hidden = page >= answer.pageCount;
      status.textContent = answer.total === 0 ? (query ? format(labels.pickerNone, { q: query }) : labels.pickerEmpty) : format(labels.pickerCount, { n: String(answer.total) });
    };
    more.addEventListener('click', () => {
      const firstNew = grid.children.length;
      void load(page + 1).then(() => grid.querySelectorAll<HTMLButtonElement>('.media-picker__item')[firstNew]?.focus());
    });

    const upload = async (chosen: File) => {
      status.textContent = labels.pickerUploading;
      const body = new FormData();
      body.set('_csrf', this.options.csrf);
      body.set('file', chosen);
      try {
        const res = await this.options.fetch(this.options.uploadUrl ?? '/admin/media', { method: 'POST', body, headers: { accept: 'application/json' }, credentials: 'same-origin' });
        const answer = (await res.json().catch(() => ({}))) as { item?: PickerItem; error?: string };
        if (!res.ok || !answer.item) {
          status.textContent = answer.error ?? format(labels.pickerUploadFailed, { status: String(res.status) });
          file.value = '';
          return;
        }
        pick(answer.item);
      } catch {
        status.textContent = labels.pickerFailed;
      }
    };

    void load(1);
  }

  private showDetails(picked: PickedImage, details: boolean): void {
    const { labels } = this.options;
    const lang = this.options.articleLang();
    this.title.textContent = labels.pickerDetails;
    const preview = el('img', { src: picked.src, alt: '', className: 'media-picker__preview' });
    const alt = field('media-picker-alt', labels.pickerAlt, picked.alt, lang, labels.pickerAltHelp);
    const caption = field('media-picker-caption', labels.pickerCaption, picked.caption, lang);
    const credit = field('media-picker-credit', labels.pickerCredit, picked.credit, lang);
    const form = el('form', { className: 'media-picker__details stack' }, preview, alt.wrap, caption.wrap, credit.wrap);
    const insert = el('button', { type: 'submit', textContent: labels.pickerInsert });
    const another = actionButton(
      labels.pickerAnother,
      () => {
        this.showBrowse(details);
        this.focusFirst();
      },
      'secondary',
    );
    const cancel = actionButton(labels.pickerCancel, () => this.finish(null), 'secondary');
    form.append(el('div', { className: 'media-picker__actions' }, insert, another, cancel));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.finish({ ...picked, alt: alt.input.value.trim(), caption: caption.input.value.trim(), credit: credit.input.value.trim() });
    });
    this.body.replaceChildren(form);
    // Focused once the key that chose the image is over: Enter on an image must not also submit this step.
    setTimeout(() => alt.input.focus(), 0);
  }
}

import { actionButton, el } from './dom.js';
import type { Labels } from './labels.js';
import type { MediaPicker } from './media-picker.js';

/**
 * The featured-image fieldset, enhanced: a thumbnail of the chosen image, "Choose from the library"
 * (the picker) and "Remove". The id field stays (it is what the form posts, and works without
 * JavaScript); choosing fills it and, where they are empty, the caption, credit and text alternative
 * from the library in the article's language. Fields are changed with input events so autosave sees them.
 */
export function enhanceFeaturedImage(form: HTMLFormElement, picker: MediaPicker, labels: Labels): void {
  const idField = form.querySelector<HTMLInputElement>('input[name="featuredMediaId"]');
  const fieldset = idField?.closest('fieldset');
  if (!idField || !fieldset) return;
  const idInput: HTMLInputElement = idField;
  const input = (name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`);
  const set = (field: HTMLInputElement | null, value: string) => {
    if (!field || field.value === value) return;
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const preview = el('img', { className: 'featured-preview', alt: labels.featuredPreview, width: 160, hidden: true });
  const choose = actionButton(labels.featuredChoose, () => chooseImage(), 'secondary featured-choose');
  const remove = actionButton(labels.featuredRemove, () => removeImage(), 'secondary featured-remove');
  const row = el('div', { className: 'featured-actions' }, preview, choose, remove);
  fieldset.querySelector('legend')?.after(row);

  const show = (src: string) => {
    preview.hidden = src === '';
    if (src) preview.src = src;
    remove.hidden = idInput.value.trim() === '';
  };
  // The stored image's thumbnail, looked up once by its id (the library answers the picker's JSON).
  const current = idInput.value.trim();
  show('');
  if (current) {
    void fetch(`/admin/media-picker/${encodeURIComponent(current)}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<{ item: { thumb: { src: string } } }>) : null))
      .then((answer) => answer && idInput.value.trim() === current && show(answer.item.thumb.src))
      .catch(() => undefined);
  }

  function chooseImage(): void {
    if (idInput.readOnly) return;
    void picker.choose({ details: false }).then((picked) => {
      choose.focus();
      if (!picked) return;
      set(idInput, picked.id);
      for (const [name, value] of [['featuredAlt', picked.alt], ['featuredCaption', picked.caption], ['featuredCredit', picked.credit]] as const) {
        const field = input(name);
        if (field && field.value.trim() === '') set(field, value);
      }
      show(picked.src);
    });
  }
  function removeImage(): void {
    if (idInput.readOnly) return;
    for (const name of ['featuredMediaId', 'featuredAlt', 'featuredCaption', 'featuredCredit']) set(input(name), '');
    show('');
    choose.focus();
  }
  idInput.addEventListener('change', () => show(''));
}

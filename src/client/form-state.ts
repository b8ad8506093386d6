import type { FormFields } from './drafts.js';

/** Sent separately (`body`), or not at all: the CSRF token travels in a header, the fallback text is stale. */
const NOT_FIELDS = new Set(['_csrf', 'body', 'bodyText']);

/** Every named field of the form, as the form itself would post it; repeated names become arrays. */
export function readFields(form: HTMLFormElement): FormFields {
  const fields: FormFields = {};
  for (const [name, value] of new FormData(form)) {
    if (NOT_FIELDS.has(name) || typeof value !== 'string') continue;
    const previous = fields[name];
    if (previous === undefined) fields[name] = value;
    else fields[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return fields;
}

/** Puts kept values back into the form (a restored draft). */
export function applyFields(form: HTMLFormElement, fields: FormFields): void {
  for (const [name, value] of Object.entries(fields)) {
    if (NOT_FIELDS.has(name)) continue;
    const values = Array.isArray(value) ? value : [value];
    const item = form.elements.namedItem(name);
    const controls = item instanceof RadioNodeList ? [...item] : item ? [item] : [];
    for (const control of controls) {
      if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
        control.checked = values.includes(control.value);
      } else if (control instanceof HTMLSelectElement) {
        for (const option of control.options) option.selected = values.includes(option.value);
      } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
        if (control.type !== 'hidden' && control.type !== 'file') control.value = values[0] ?? '';
      }
    }
  }
}

const MARK = 'data-editor-readonly';

/** While someone else holds the lock the text fields are read-only, so nothing is typed that cannot be saved. */
export function setFieldsReadOnly(form: HTMLFormElement, readOnly: boolean): void {
  if (readOnly) {
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type=hidden]):not([readonly]), textarea:not([readonly])')) {
      control.readOnly = true;
      control.setAttribute(MARK, '');
    }
  } else {
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[${MARK}]`)) {
      control.readOnly = false;
      control.removeAttribute(MARK);
    }
  }
}

// The newsroom's article editor: enhances the plain form of GET /admin/articles/:id/edit (see
// src/features/articles/README.md for the contract and src/client/README.md for how this works).
import { Editor, type JSONContent } from '@tiptap/core';
import css from './admin-editor.css';
import { Autosave, type FormSnapshot } from './autosave.js';
import { DraftStore, draftKey, isDraftNewer } from './drafts.js';
import { cleanPastedHtml, editorExtensions } from './extensions.js';
import { applyFields, readFields, setFieldsReadOnly } from './form-state.js';
import { labelsFor } from './labels.js';
import { showConflictBanner, showLockBanner } from './editor-banners.js';
import { EditLock, type LockState } from './lock.js';
import { statusText } from './save-status.js';
import { enhanceFeaturedImage } from './featured-image.js';
import { MediaPicker } from './media-picker.js';
import { createToolbar } from './toolbar.js';
import { tiptapToDocument, type MappingResult } from './tiptap-to-document.js';

const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

/** A constructed stylesheet is not a <style> element, so CSP's style-src-elem 'self' allows it. */
function adoptStyles(text: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // An unstyled editor still works.
  }
}

/**
 * What the editor opens with: the hidden `body` (the stored document, already TipTap-shaped); else the
 * fallback text as plain paragraphs; null when `body` is not JSON — then the page stays as it is.
 */
function initialContent(body: string, fallbackText: string): JSONContent | null {
  if (body.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(body);
      return typeof parsed === 'object' && parsed !== null ? (parsed as JSONContent) : null;
    } catch {
      return null;
    }
  }
  const paragraphs = fallbackText
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return EMPTY_DOC;
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

function fieldLabel(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name);
  const id = control instanceof HTMLElement ? control.id : '';
  const label = id ? form.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  return label?.textContent?.trim() || name;
}

function start(): void {
  const found = document.querySelector<HTMLFormElement>('form#article-form');
  const mount = found?.querySelector<HTMLElement>('.editor-mount');
  const bodyInput = found?.querySelector<HTMLInputElement>('input[name="body"]');
  if (!found || !mount || !bodyInput) return;
  const form: HTMLFormElement = found;
  const lang = document.documentElement.lang || 'en';
  const labels = labelsFor(lang);
  const fallback = form.querySelector<HTMLTextAreaElement>('textarea[name="bodyText"]');
  const fallbackLabel = fallback?.id ? form.querySelector<HTMLElement>(`label[for="${CSS.escape(fallback.id)}"]`) : null;
  const content = initialContent(bodyInput.value, fallback?.value ?? '');
  if (!content) return;
  adoptStyles(css);

  const host = document.createElement('div');
  const labelId = 'editor-body-label';
  const editorId = 'editor-body';
  let editor: Editor;
  try {
    editor = new Editor({
      element: host,
      extensions: editorExtensions(labels),
      injectCSS: false,
      content: EMPTY_DOC,
      editorProps: {
        attributes: { id: editorId, class: 'editor-content', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId },
        transformPastedHTML: cleanPastedHtml,
      },
    });
    editor.commands.setContent(content, { emitUpdate: false, errorOnInvalidContent: true });
  } catch (error) {
    // Content this editor cannot show: keep the plain form rather than lose a word of it.
    console.error('Editor not started', error);
    return;
  }

  // The fallback stays in the DOM (the form still posts it) but out of sight; the editor takes its place.
  if (fallback) fallback.hidden = true;
  if (fallbackLabel) fallbackLabel.hidden = true;
  const visibleLabel = document.createElement('p');
  visibleLabel.id = labelId;
  visibleLabel.className = 'editor-label';
  visibleLabel.textContent = mount.getAttribute('aria-label') ?? '';
  mount.removeAttribute('aria-label');
  mount.setAttribute('role', 'group');
  mount.setAttribute('aria-labelledby', labelId);
  mount.before(visibleLabel);
  if (fallback?.getAttribute('aria-invalid') === 'true') editor.view.dom.setAttribute('aria-invalid', 'true');

  const ask = (message: string, initial = '') => {
    const answer = window.prompt(message, initial);
    return answer === null ? null : answer.trim();
  };
  const picker = new MediaPicker({
    labels,
    csrf: form.dataset['csrf'] ?? '',
    fetch: (input, init) => window.fetch(input, init),
    // The article's language: its language field (new articles), else the language its headline is marked in.
    articleLang: () => {
      const chosen = form.querySelector<HTMLSelectElement>('select[name="language"]')?.value ?? form.querySelector<HTMLElement>('#headline')?.lang;
      return chosen === 'ar' ? 'ar' : 'en';
    },
  });
  const toolbar = createToolbar(editor, labels, editorId, ask, (message) => window.alert(message), (current) => picker.choose({ details: true, current }));
  enhanceFeaturedImage(form, picker, labels);
  // The form carries the article's language and direction; the editor's own words are the newsroom's.
  const uiDir = document.documentElement.dir || 'ltr';
  for (const el of [toolbar.element, visibleLabel]) {
    el.lang = lang;
    el.dir = uiDir;
  }
  mount.append(toolbar.element, host);
  editor.on('transaction', () => toolbar.refresh());
  editor.on('focus', () => toolbar.refresh());

  // The hidden input always holds the document as our schema has it (checked), a moment after typing.
  let mapping: MappingResult = tiptapToDocument(editor.getJSON());
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  const syncBody = (): MappingResult => {
    clearTimeout(syncTimer);
    mapping = tiptapToDocument(editor.getJSON());
    if (mapping.ok) bodyInput.value = JSON.stringify(mapping.doc);
    return mapping;
  };
  syncBody();

  const status = form.querySelector<HTMLElement>('.save-status') ?? document.createElement('p');
  if (!status.isConnected) {
    status.className = 'save-status';
    form.querySelector('button[type="submit"]')?.before(status);
    if (!status.isConnected) form.append(status);
  }
  status.lang = lang;
  status.dir = document.documentElement.dir || 'ltr';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  let statusKind = '';
  const showStatus = (text: string, kind: string, problem = false) => {
    statusKind = kind;
    status.textContent = text;
    status.dataset['state'] = problem ? 'problem' : 'ok';
  };

  const articleId = form.dataset['articleId'] ?? '';
  const autosaveUrl = form.dataset['autosaveUrl'] ?? '';
  const csrf = form.dataset['csrf'] ?? '';
  const collect = (): FormSnapshot => {
    const result = syncBody();
    return {
      fields: readFields(form),
      editorJson: editor.getJSON(),
      body: result.ok ? { ok: true, doc: result.doc } : { ok: false, error: result.error },
    };
  };

  if (!articleId || !autosaveUrl) {
    // A new article has no address to autosave to until the first save creates it.
    editor.on('update', () => {
      clearTimeout(syncTimer);
      syncTimer = setTimeout(syncBody, 150);
    });
    form.addEventListener('submit', () => syncBody());
    return;
  }

  const drafts = new DraftStore(safeLocalStorage(), draftKey(articleId));
  let lockState: LockState | 'pending' = 'pending';
  const lockUrl = form.dataset['lockUrl'] ?? '';
  const autosave = new Autosave(
    {
      url: autosaveUrl,
      csrf,
      revision: Number(form.dataset['revision'] ?? '0') || 0,
      fetch: (input, init) => window.fetch(input, init),
      drafts,
      collect,
      onStatus: (s) => {
        if (s.kind === 'invalidField') s = { ...s, field: fieldLabel(form, s.field) };
        if (s.kind === 'conflict') showConflict(s);
        else if (s.kind === 'saved') document.getElementById('conflict-warning')?.remove();
        const problem = s.kind !== 'saving' && s.kind !== 'saved';
        showStatus(statusText(s, labels, lang), s.kind, problem);
        if (s.kind === 'saved') form.dataset['revision'] = String(autosave.currentRevision);
      },
      onLocked: (holder) => applyLock({ held: false, holder }),
    },
    // Until the lock answers, changes wait (and are kept here if the page goes away).
    { paused: lockUrl !== '' },
  );

  editor.on('update', () => {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(syncBody, 150);
    autosave.changed();
  });
  const fieldChanged = (event: Event) => {
    if (event.target instanceof Node && mount.contains(event.target)) return;
    autosave.changed();
  };
  form.addEventListener('input', fieldChanged);
  form.addEventListener('change', fieldChanged);

  // A draft kept on this device after the server's last save wins: put it back and save it.
  const draft = drafts.load();
  if (draft && isDraftNewer(draft, form.dataset['savedAt'] ?? '')) {
    applyFields(form, draft.fields);
    try {
      editor.commands.setContent(draft.body as JSONContent, { emitUpdate: false, errorOnInvalidContent: true });
    } catch {
      // The body of an unreadable draft is left as the server had it; the fields are back.
    }
    syncBody();
    showStatus(labels.restored, 'restored');
    // Sent as typed on its own version: if someone else saved since, the server says so (a conflict)
    // instead of this draft silently replacing their work.
    autosave.setBaseRevision(draft.baseRevision);
    autosave.changed();
  } else if (draft) drafts.remove();

  // The lock: a banner with "Take over" while someone else holds it; nothing is saved meanwhile.
  let banner: HTMLElement | null = null;
  let navigatingWithLock = false;
  const lock = lockUrl
    ? new EditLock({
        lockUrl,
        unlockUrl: form.dataset['unlockUrl'] ?? '',
        csrf,
        fetch: (input, init) => window.fetch(input, init),
        onChange: (state) => applyLock(state),
      })
    : null;

  function showConflict(s: { by: string; savedAt: string; revision: number }): void {
    showConflictBanner(form, labels, {
      ...s,
      mine: autosave.currentRevision,
      articleId,
      lang,
      useTheirs: () => {
        drafts.remove();
        navigatingWithLock = true;
        window.location.reload();
      },
      keepMine: () => autosave.keepMine(),
    });
  }

  function showBanner(holder: string): void {
    banner = showLockBanner(form, labels, holder, (button) => void takeOver(button));
  }

  async function takeOver(button: HTMLButtonElement): Promise<void> {
    if (!lock) return;
    button.disabled = true;
    const state = await lock.takeOver();
    button.disabled = false;
    if (state.held !== true) return;
    if (!autosave.dirty) {
      // Nothing of ours is waiting, and the other person may have saved since this page was loaded:
      // load their latest version (keeping the lock across the reload).
      navigatingWithLock = true;
      window.location.reload();
    }
  }

  function applyLock(state: LockState): void {
    const wasPending = lockState === 'pending';
    if (state.held === 'unknown') {
      // Offline: keep editing; autosave keeps the draft here until the server answers.
      if (wasPending) {
        lockState = state;
        autosave.setPaused(false);
      }
      return;
    }
    lockState = state;
    if (state.held) {
      if (banner) banner.hidden = true;
      document.getElementById('lock-warning')?.setAttribute('hidden', '');
      editor.setEditable(true, false);
      setFieldsReadOnly(form, false);
      if (statusKind === 'locked') showStatus('', '');
      autosave.setPaused(false);
    } else {
      autosave.setPaused(true);
      showBanner(state.holder);
      editor.setEditable(false, false);
      setFieldsReadOnly(form, true);
      showStatus(statusText({ kind: 'locked', holder: state.holder }, labels, lang), 'locked', true);
    }
    toolbar.refresh();
  }

  form.addEventListener('submit', () => {
    syncBody();
    // The post carries everything; keep a copy until the next page shows it was saved.
    navigatingWithLock = true;
    if (autosave.dirty) autosave.keepDraft();
  });
  // Publishing, previewing, signing out… read or leave the saved article: save what is pending first.
  const articlePath = new URL(form.action, window.location.href).pathname;
  document.addEventListener(
    'submit',
    (event) => {
      const other = event.target;
      if (!(other instanceof HTMLFormElement) || other === form || !autosave.unsaved) return;
      event.preventDefault();
      const submitter = (event as SubmitEvent).submitter;
      void autosave.flush().then((saved) => {
        const aboutThisArticle = new URL(other.action, window.location.href).pathname.startsWith(articlePath);
        // Publishing an older version than the one on screen is worse than waiting: the status says why.
        // Anything else (sign out, language) goes on; the draft is kept on this device.
        if (!saved && aboutThisArticle) return;
        // The answer brings us back to this article: keep the lock over the round trip.
        if (aboutThisArticle) navigatingWithLock = true;
        // Submitted again as the person did (same button), unless unsaved changes would stop it again.
        if (saved) other.requestSubmit((submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement) && submitter.form === other ? submitter : null);
        else HTMLFormElement.prototype.submit.call(other);
      });
    },
    true,
  );
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
    if (!link || !autosave.unsaved || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if ((link.target && link.target !== '_self') || link.hasAttribute('download') || link.origin !== window.location.origin) return;
    event.preventDefault();
    // A link goes on even if the save failed: the draft is kept on this device.
    void autosave.flush().finally(() => window.location.assign(link.href));
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && !navigatingWithLock) autosave.leave();
  });
  window.addEventListener('pagehide', () => {
    if (navigatingWithLock) return;
    autosave.leave();
    lock?.release();
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      navigatingWithLock = false;
      lock?.resume();
    }
  });
  window.addEventListener('online', () => {
    autosave.online();
    if (lockState !== 'pending') void lock?.heartbeat();
  });

  if (lock) void lock.start();
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

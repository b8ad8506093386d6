/**
 * The newsletter signup dialog on article pages. The server writes the dialog (closed, so invisible
 * without JavaScript) with its labels in the page's language; this script opens it once, when the
 * reader has scrolled the article's whole first screen out of view, so it never covers what they
 * came to read on arrival. It never opens:
 * - again after the reader closed it (×, Escape, a click outside) or signed up (localStorage);
 * - twice in one session, on this page or the next (sessionStorage);
 * - while the signup box at the end of the article is on screen, or the reader is typing;
 * - for a reader arriving from one of our emails (utm_medium=email), who is already subscribed;
 * - when storage is blocked, since it could then not keep those promises.
 * The native <dialog> makes the page behind it inert and closes on Escape; focus moves to the
 * dialog's title and back to where it was.
 */
import css from './newsletter-modal.css';

const DONE_KEY = 'arabpress:newsletter-modal'; // localStorage: 'closed' | 'subscribed'
const SEEN_KEY = 'arabpress:newsletter-modal-seen'; // sessionStorage: '1'

function storages(): { local: Storage; session: Storage } | null {
  try {
    const local = window.localStorage;
    const session = window.sessionStorage;
    local.getItem(DONE_KEY);
    session.getItem(SEEN_KEY);
    return { local, session };
  } catch {
    return null;
  }
}

function remember(store: Storage, key: string, value: string): void {
  try {
    store.setItem(key, value);
  } catch {
    // Storage full: at worst the dialog shows once more in a later session.
  }
}

/** A constructed stylesheet is not a <style> element, so CSP's style-src-elem 'self' allows it. */
function adoptStyles(text: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // The native dialog still works unstyled.
  }
}

function fromOurEmail(): boolean {
  const medium = new URLSearchParams(location.search).get('utm_medium')?.toLowerCase();
  return medium === 'email' || medium === 'newsletter';
}

function onScreen(el: Element | null): boolean {
  if (!el) return false;
  const box = el.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}

function typing(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);
}

function setup(dialog: HTMLDialogElement, store: { local: Storage; session: Storage }): void {
  // Signing up in the box at the end of the article counts as signing up.
  for (const form of document.querySelectorAll<HTMLFormElement>('form.newsletter__form')) {
    form.addEventListener('submit', () => remember(store.local, DONE_KEY, 'subscribed'));
  }
  if (store.local.getItem(DONE_KEY) || store.session.getItem(SEEN_KEY) || fromOurEmail()) return;

  const box = document.querySelector('section.newsletter');
  const title = dialog.querySelector<HTMLElement>('.newsletter-modal__title');
  let returnTo: Element | null = null;
  let submitted = false;
  let scheduled = false;

  const open = () => {
    window.removeEventListener('scroll', onScroll);
    remember(store.session, SEEN_KEY, '1');
    returnTo = document.activeElement;
    adoptStyles(css);
    dialog.showModal();
    title?.focus({ preventScroll: true });
  };

  const check = () => {
    scheduled = false;
    // Another tab may have shown or dismissed it meanwhile.
    if (store.local.getItem(DONE_KEY) || store.session.getItem(SEEN_KEY)) return window.removeEventListener('scroll', onScroll);
    if (window.scrollY < window.innerHeight || onScreen(box) || typing()) return;
    open();
  };

  function onScroll(): void {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(check);
  }

  dialog.querySelector('.newsletter-modal__close')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the <dialog> itself; its content is all inside the inner box.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.querySelector('form')?.addEventListener('submit', () => {
    submitted = true;
    remember(store.local, DONE_KEY, 'subscribed');
  });
  dialog.addEventListener('close', () => {
    if (!submitted) remember(store.local, DONE_KEY, 'closed');
    if (returnTo instanceof HTMLElement && returnTo !== document.body && returnTo.isConnected) returnTo.focus({ preventScroll: true });
  });
  window.addEventListener('scroll', onScroll, { passive: true });
}

const dialog = document.querySelector<HTMLDialogElement>('dialog#newsletter-modal');
const store = storages();
if (dialog && typeof dialog.showModal === 'function' && store) setup(dialog, store);

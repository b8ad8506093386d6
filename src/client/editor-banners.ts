import { actionButton, el } from './dom.js';
import { format, type Labels } from './labels.js';

/**
 * The two alerts above the article form: someone else holds the lock, or someone else saved a newer
 * version. Each reuses its element when shown again (the lock one may come from the server's page).
 */

/** "<name> is editing this article…" with "Take over". */
export function showLockBanner(form: HTMLFormElement, labels: Labels, holder: string, onTakeOver: (button: HTMLButtonElement) => void): HTMLElement {
  const banner = document.getElementById('lock-warning') ?? el('div', { id: 'lock-warning' });
  banner.classList.add('form-error', 'editor-lock-banner');
  banner.setAttribute('role', 'alert');
  banner.replaceChildren(el('p', { textContent: format(labels.lockBanner, { name: holder || labels.someone }) }), actionButton(labels.takeOver, onTakeOver, 'secondary'));
  banner.hidden = false;
  if (!banner.isConnected) form.before(banner);
  return banner;
}

export interface ConflictChoice {
  /** Who saved the newer version, when, and its revision number. */
  by: string;
  savedAt: string;
  revision: number;
  /** The revision this page's changes were typed on. */
  mine: number;
  articleId: string;
  lang: string;
  useTheirs(): void;
  keepMine(): Promise<unknown>;
}

/**
 * Someone else saved a newer version: who and when, a link comparing the two, "Use their version" and
 * "Keep mine" (saved as a new revision; theirs stays in the history).
 */
export function showConflictBanner(form: HTMLFormElement, labels: Labels, c: ConflictChoice): void {
  const box = document.getElementById('conflict-warning') ?? el('div', { id: 'conflict-warning' });
  box.className = 'form-error editor-lock-banner';
  box.setAttribute('role', 'alert');
  const at = new Date(c.savedAt);
  const time = Number.isNaN(at.getTime()) ? '' : new Intl.DateTimeFormat(c.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const compare = el('a', { href: `/admin/articles/${encodeURIComponent(c.articleId)}/revisions?a=${c.mine}&b=${c.revision}`, target: '_blank', textContent: labels.conflictCompare });
  box.replaceChildren(
    el('p', { textContent: format(labels.conflictBanner, { name: c.by || labels.someone, time }) }),
    compare,
    actionButton(labels.conflictTheirs, () => c.useTheirs(), 'secondary'),
    actionButton(labels.conflictMine, (mine) => {
      mine.disabled = true;
      void c.keepMine().finally(() => (mine.disabled = false));
    }),
  );
  if (!box.isConnected) form.before(box);
}

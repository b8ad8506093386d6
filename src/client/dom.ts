/** The editor's small DOM builders, so each piece of UI reads as what it shows. */

/** An element with its properties set and its children appended. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A `type="button"` button (never submits its form) that runs `onClick`. */
export function actionButton(text: string, onClick: (button: HTMLButtonElement) => void, className = ''): HTMLButtonElement {
  const button = el('button', { type: 'button', textContent: text, className });
  button.addEventListener('click', () => onClick(button));
  return button;
}

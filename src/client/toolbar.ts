import type { Editor, JSONContent } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { LINK_SCHEMES, isAllowedUrl, type TextDirection } from '../editor/index.js';
import { DIR_TYPES } from './extensions.js';
import { detectEmbed } from './embed-url.js';
import type { ButtonLabelKey, Labels } from './labels.js';
import type { PickedImage } from './media-picker.js';

/**
 * The formatting toolbar: an ARIA toolbar (one Tab stop; arrow keys, Home and End move between buttons,
 * following the page's direction), buttons in the newsroom's language with aria-pressed for what applies
 * to the selection. Images come from the media library's picker (media-picker.ts); links, quotes and
 * embeds ask with a prompt.
 */

interface Button {
  key: ButtonLabelKey;
  run: (editor: Editor) => void;
  pressed?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
}

export interface Toolbar {
  element: HTMLElement;
  refresh(): void;
}

/** `window.prompt`, trimmed; null when cancelled. */
type Ask = (message: string, initial?: string) => string | null;
type Tell = (message: string) => void;
/** Opens the image picker (on `current`'s texts when an image is selected); null when cancelled. */
type ChooseImage = (current?: PickedImage) => Promise<PickedImage | null>;

function currentDir(editor: Editor): TextDirection {
  const { $from } = editor.state.selection;
  const types = new Set<string>(DIR_TYPES);
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (types.has(node.type.name)) return (node.attrs['dir'] as TextDirection | undefined) ?? 'auto';
  }
  const selected = editor.state.selection instanceof NodeSelection ? editor.state.selection.node : null;
  return selected && types.has(selected.type.name) ? ((selected.attrs['dir'] as TextDirection | undefined) ?? 'auto') : 'auto';
}

function selectedImage(editor: Editor): Record<string, unknown> | null {
  const selection = editor.state.selection;
  return selection instanceof NodeSelection && selection.node.type.name === 'image' ? selection.node.attrs : null;
}

/**
 * Inserts an image or embed after a selected block (instead of replacing it, as a plain insert would),
 * then puts the cursor in the paragraph after it, so typing on does not replace the new block.
 */
function insertBlock(editor: Editor, node: JSONContent): void {
  const { selection } = editor.state;
  const chain = editor.chain().focus();
  const inserted = selection instanceof NodeSelection ? chain.insertContentAt(selection.to, node) : chain.insertContent(node);
  inserted
    .command(({ tr }) => {
      if (!(tr.selection instanceof NodeSelection)) return true;
      const after = tr.selection.to;
      if (!tr.doc.resolve(after).nodeAfter?.isTextblock) tr.insert(after, tr.doc.type.schema.nodes['paragraph']!.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView();
      return true;
    })
    .run();
}

function buttons(labels: Labels, ask: Ask, tell: Tell, chooseImage: ChooseImage): (Button | 'separator')[] {
  const inQuote = (e: Editor) => e.isActive('blockquote');
  const quote = (kind: 'quote' | 'pullquote') => (e: Editor) => {
    if (inQuote(e)) {
      const current = e.getAttributes('blockquote')['kind'] === 'pullquote' ? 'pullquote' : 'quote';
      // Pressing the active kind again takes the text out of the quote; the other kind switches to it.
      if (current === kind) e.chain().focus().lift('blockquote').run();
      else e.chain().focus().updateAttributes('blockquote', { kind }).run();
      return;
    }
    const cite = ask(labels.promptCite);
    if (cite === null) return;
    e.chain().focus().clearNodes().wrapIn('blockquote', { kind, cite: cite || null }).run();
  };
  const setDir = (dir: TextDirection) => (e: Editor) => e.chain().focus().setBlockDirection(dir).run();
  return [
    {
      key: 'paragraph',
      run: (e) => e.chain().focus().clearNodes().setParagraph().run(),
      pressed: (e) => e.isActive('paragraph') && !e.isActive('blockquote') && !e.isActive('bulletList') && !e.isActive('orderedList'),
    },
    { key: 'h2', run: (e) => e.chain().focus().clearNodes().toggleHeading({ level: 2 }).run(), pressed: (e) => e.isActive('heading', { level: 2 }) },
    { key: 'h3', run: (e) => e.chain().focus().clearNodes().toggleHeading({ level: 3 }).run(), pressed: (e) => e.isActive('heading', { level: 3 }) },
    'separator',
    { key: 'bold', run: (e) => e.chain().focus().toggleBold().run(), pressed: (e) => e.isActive('bold'), enabled: (e) => e.can().toggleBold() },
    { key: 'italic', run: (e) => e.chain().focus().toggleItalic().run(), pressed: (e) => e.isActive('italic'), enabled: (e) => e.can().toggleItalic() },
    {
      key: 'link',
      pressed: (e) => e.isActive('link'),
      enabled: (e) => e.can().setLink({ href: 'https://example.com' }),
      run: (e) => {
        const current = e.getAttributes('link')['href'];
        const href = ask(labels.promptLink, typeof current === 'string' ? current : 'https://');
        if (href === null) return;
        if (href === '' || href === 'https://') {
          e.chain().focus().extendMarkRange('link').unsetLink().run();
          return;
        }
        if (!isAllowedUrl(href, LINK_SCHEMES)) {
          tell(labels.badLink);
          return;
        }
        if (e.state.selection.empty && !e.isActive('link')) {
          e.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
        } else e.chain().focus().extendMarkRange('link').setLink({ href }).run();
      },
    },
    'separator',
    { key: 'bulletList', run: (e) => e.chain().focus().toggleBulletList().run(), pressed: (e) => e.isActive('bulletList'), enabled: (e) => e.can().toggleBulletList() },
    { key: 'orderedList', run: (e) => e.chain().focus().toggleOrderedList().run(), pressed: (e) => e.isActive('orderedList'), enabled: (e) => e.can().toggleOrderedList() },
    { key: 'quote', run: quote('quote'), pressed: (e) => inQuote(e) && e.getAttributes('blockquote')['kind'] !== 'pullquote' },
    { key: 'pullquote', run: quote('pullquote'), pressed: (e) => e.isActive('blockquote', { kind: 'pullquote' }) },
    {
      key: 'cite',
      enabled: inQuote,
      run: (e) => {
        const current = e.getAttributes('blockquote')['cite'];
        const cite = ask(labels.promptCite, typeof current === 'string' ? current : '');
        if (cite !== null) e.chain().focus().updateAttributes('blockquote', { cite: cite || null }).run();
      },
    },
    'separator',
    {
      key: 'image',
      pressed: (e) => selectedImage(e) !== null,
      run: (e) => {
        const existing = selectedImage(e);
        const str = (v: unknown) => (typeof v === 'string' ? v : '');
        const num = (v: unknown) => (typeof v === 'number' ? v : 0);
        // A selected image opens on its texts (with "Choose another image"); otherwise on the library.
        const current = existing
          ? { id: '', src: str(existing['src']), width: num(existing['width']), height: num(existing['height']), alt: str(existing['alt']), caption: str(existing['caption']), credit: str(existing['credit']) }
          : undefined;
        void chooseImage(current).then((picked) => {
          if (!picked) {
            e.commands.focus();
            return;
          }
          const attrs = {
            src: picked.src,
            alt: picked.alt,
            caption: picked.caption || null,
            credit: picked.credit || null,
            width: picked.width || null,
            height: picked.height || null,
          };
          if (existing) e.chain().focus().updateAttributes('image', attrs).run();
          else insertBlock(e, { type: 'image', attrs });
        });
      },
    },
    {
      key: 'embed',
      run: (e) => {
        const url = ask(labels.promptEmbed);
        if (url === null || url === '') return;
        const target = detectEmbed(url);
        if (!target) {
          tell(labels.badEmbed);
          return;
        }
        insertBlock(e, { type: 'embed', attrs: target });
      },
    },
    { key: 'rule', run: (e) => e.chain().focus().setHorizontalRule().run() },
    'separator',
    { key: 'dirAuto', run: setDir('auto'), pressed: (e) => currentDir(e) === 'auto' },
    { key: 'dirLtr', run: setDir('ltr'), pressed: (e) => currentDir(e) === 'ltr' },
    { key: 'dirRtl', run: setDir('rtl'), pressed: (e) => currentDir(e) === 'rtl' },
  ];
}

export function createToolbar(editor: Editor, labels: Labels, controls: string, ask: Ask, tell: Tell, chooseImage: ChooseImage): Toolbar {
  const element = document.createElement('div');
  element.className = 'editor-toolbar';
  element.setAttribute('role', 'toolbar');
  element.setAttribute('aria-label', labels.toolbar);
  element.setAttribute('aria-controls', controls);
  const entries: { button: HTMLButtonElement; spec: Button }[] = [];
  let group = document.createElement('div');
  group.className = 'editor-toolbar__group';
  element.append(group);
  for (const spec of buttons(labels, ask, tell, chooseImage)) {
    if (spec === 'separator') {
      group = document.createElement('div');
      group.className = 'editor-toolbar__group';
      element.append(group);
      continue;
    }
    const [text, name] = labels[spec.key];
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `editor-toolbar__button editor-toolbar__button--${spec.key}`;
    button.textContent = text;
    // The accessible name must contain the visible text (WCAG 2.5.3, "label in name") so people who
    // speak to their computer can say what they see; words already shown are not repeated.
    const accessibleName = name.toLowerCase().startsWith(text.toLowerCase()) ? name : `${text} ${name}`;
    button.setAttribute('aria-label', accessibleName);
    button.title = name;
    button.tabIndex = entries.length === 0 ? 0 : -1;
    if (spec.key.startsWith('dir')) {
      // The three directions are one choice: name the group so "Auto" is not heard on its own.
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', labels.direction);
    }
    // Keep the editor's selection when a button is clicked with the mouse.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true' || !editor.isEditable) return;
      spec.run(editor);
      refresh();
    });
    group.append(button);
    entries.push({ button, spec });
  }

  element.addEventListener('keydown', (event) => {
    const index = entries.findIndex((entry) => entry.button === document.activeElement);
    if (index < 0) return;
    const rtl = getComputedStyle(element).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -index, End: entries.length - 1 - index }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = (index + step + entries.length) % entries.length;
    focusButton(next);
  });

  function focusButton(index: number): void {
    entries.forEach((entry, i) => (entry.button.tabIndex = i === index ? 0 : -1));
    entries[index]?.button.focus();
  }

  function refresh(): void {
    const editable = editor.isEditable;
    for (const { button, spec } of entries) {
      if (spec.pressed) button.setAttribute('aria-pressed', String(spec.pressed(editor)));
      const enabled = editable && (spec.enabled ? spec.enabled(editor) : true);
      button.setAttribute('aria-disabled', String(!enabled));
    }
  }

  refresh();
  return { element, refresh };
}

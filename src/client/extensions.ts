import { Extension, Node, mergeAttributes, wrappingInputRule, type Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import Placeholder from '@tiptap/extension-placeholder';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';
import { LINK_SCHEMES, isAllowedUrl, type EmbedProvider, type TextDirection } from '../editor/index.js';
import { firstStrongDirection, hasLetter } from './bidi.js';
import { detectEmbed } from './embed-url.js';

/**
 * The TipTap schema of the newsroom editor, shaped like `src/editor/document.schema.ts` so that what can
 * be typed is what can be stored: headings 2 and 3 only, quotes and list items that hold paragraphs only
 * (no nesting), block images with caption and credit, an `embed` atom, and a `dir` on every block.
 */

export const DIR_TYPES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList'] as const;

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    blockDirection: {
      /** Sets `dir` on the blocks in the selection and on the quote or list around them. */
      setBlockDirection: (dir: TextDirection) => ReturnType;
    };
  }
}

function readDir(value: string | null): TextDirection {
  return value === 'ltr' || value === 'rtl' ? value : 'auto';
}

const DIR_NAMES = new Set<string>(DIR_TYPES);

/**
 * The first letter's direction in a quote or list, skipping blocks whose direction was chosen (as the
 * HTML dir=auto rule does); null without letters.
 */
function containerDirection(node: PMNode): 'ltr' | 'rtl' | null {
  let found: 'ltr' | 'rtl' | null = null;
  node.descendants((child) => {
    if (found) return false;
    if (DIR_NAMES.has(child.type.name) && child.attrs['dir'] !== 'auto') return false;
    if (child.isText) found = firstStrongDirection(child.text ?? '');
    return true;
  });
  return found;
}

/**
 * How an `auto` block shows in the editor. A chosen ltr/rtl is rendered as is. Browsers resolve
 * dir="auto" by skipping descendants that carry a dir of their own (so a list or quote of dir="auto"
 * paragraphs always came out ltr, bullets and rule on the left even in Arabic) and resolve an empty one
 * to ltr (the caret jumped left on an empty line of an Arabic article). So: a paragraph or heading
 * with letters gets the browser's dir="auto" (right while typing, IME included); an empty one none,
 * inheriting the article's direction; a list or quote the direction of its first letter.
 */
function directionDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!DIR_NAMES.has(node.type.name) || node.attrs['dir'] !== 'auto') return true;
    const dir = node.isTextblock ? (hasLetter(node.textContent) ? 'auto' : null) : containerDirection(node);
    if (dir) decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir }));
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

const directionKey = new PluginKey<DecorationSet>('blockDirection');

/** `dir` on every block, rendered in the editor too so mixed Arabic and English lay out while typing. */
const BlockDirection = Extension.create({
  name: 'blockDirection',
  addGlobalAttributes() {
    return [
      {
        types: [...DIR_TYPES],
        attributes: {
          dir: {
            default: 'auto',
            // Pasted HTML from outside the editor has lost its `dir` already (see cleanPastedHtml).
            parseHTML: (element: HTMLElement) => readDir(element.getAttribute('dir')),
            // A chosen direction; `auto` is shown through decorations (see directionDecorations).
            renderHTML: (attributes: Record<string, unknown>) => (attributes['dir'] === 'ltr' || attributes['dir'] === 'rtl' ? { dir: attributes['dir'] } : {}),
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: directionKey,
        state: {
          init: (_, state) => directionDecorations(state.doc),
          apply: (tr, previous) => (tr.docChanged ? directionDecorations(tr.doc) : previous),
        },
        props: { decorations: (state) => directionKey.getState(state) },
      }),
    ];
  },
  addCommands() {
    return {
      setBlockDirection:
        (dir: TextDirection) =>
        ({ tr, state, dispatch }) => {
          const { from, to } = state.selection;
          const types = new Set<string>(DIR_TYPES);
          let found = false;
          state.doc.nodesBetween(from, to, (node, pos) => {
            if (!types.has(node.type.name)) return true;
            found = true;
            if (dispatch && node.attrs['dir'] !== dir) tr.setNodeMarkup(pos, undefined, { ...node.attrs, dir });
            return true;
          });
          return found;
        },
    };
  },
});

/** A quote: paragraphs only, an attribution (`cite`) and a kind, quote or pull quote. */
const Blockquote = Node.create({
  name: 'blockquote',
  content: 'paragraph+',
  group: 'block',
  defining: true,
  addAttributes() {
    return {
      cite: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-cite') || el.querySelector(':scope > footer cite')?.textContent?.trim() || null,
        renderHTML: (attrs: Record<string, unknown>) => (attrs['cite'] ? { 'data-cite': attrs['cite'] } : {}),
      },
      kind: {
        default: 'quote',
        parseHTML: (el: HTMLElement) => (el.classList.contains('pullquote') || el.getAttribute('data-kind') === 'pullquote' ? 'pullquote' : 'quote'),
        renderHTML: (attrs: Record<string, unknown>) => ({ 'data-kind': attrs['kind'] === 'pullquote' ? 'pullquote' : 'quote' }),
      },
    };
  },
  parseHTML() {
    // The site renders the attribution as a <footer> inside the quote; it is an attribute here, not text.
    return [{ tag: 'blockquote', contentElement: (el: HTMLElement) => stripFooter(el) }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['blockquote', mergeAttributes(HTMLAttributes), 0];
  },
  addInputRules() {
    return [wrappingInputRule({ find: /^\s*>\s$/, type: this.type })];
  },
});

function stripFooter(el: HTMLElement): HTMLElement {
  const footer = el.querySelector(':scope > footer');
  if (!footer) return el;
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelector(':scope > footer')?.remove();
  return copy;
}

/** A list item holds paragraphs only: the stored document has no nested lists, so Tab leaves the editor. */
const ListItem = Node.create({
  name: 'listItem',
  content: 'paragraph+',
  defining: true,
  parseHTML() {
    return [{ tag: 'li' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['li', mergeAttributes(HTMLAttributes), 0];
  },
  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitListItem(this.name),
      'Shift-Tab': () => this.editor.commands.liftListItem(this.name),
    };
  },
});

const imageAttr = (name: string) => ({
  default: null,
  parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`),
  renderHTML: () => ({}),
});

/** A block image shown as a figure; caption and credit are attributes, edited through the toolbar. */
const FigureImage = Image.extend({
  draggable: true,
  addAttributes() {
    return {
      src: { default: null, parseHTML: (el: HTMLElement) => (el.tagName === 'IMG' ? el : el.querySelector('img'))?.getAttribute('src') ?? null },
      alt: { default: '', parseHTML: (el: HTMLElement) => (el.tagName === 'IMG' ? el : el.querySelector('img'))?.getAttribute('alt') ?? '' },
      caption: imageAttr('caption'),
      credit: imageAttr('credit'),
      width: { default: null, parseHTML: (el: HTMLElement) => positiveInt(el.getAttribute('data-width')) },
      height: { default: null, parseHTML: (el: HTMLElement) => positiveInt(el.getAttribute('data-height')) },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-image]' }];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit, width, height } = node.attrs as Record<string, string | number | null>;
    const figcaption = [caption, credit].filter((v) => typeof v === 'string' && v !== '').join(' · ');
    return [
      'figure',
      { 'data-image': '', class: 'editor-image', 'data-caption': caption, 'data-credit': credit, 'data-width': width, 'data-height': height },
      ['img', { src, alt: alt ?? '', width, height }],
      ['figcaption', { dir: 'auto' }, figcaption],
    ];
  },
  addInputRules() {
    return [];
  },
}).configure({ inline: false, allowBase64: false });

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

const PROVIDER_NAMES: Record<EmbedProvider, string> = { youtube: 'YouTube', x: 'X', instagram: 'Instagram', telegram: 'Telegram', facebook: 'Facebook' };

/** An embed by URL: an atom shown as a labelled box; the site renders a click-to-load placeholder. */
const Embed = Node.create<{ label: string }>({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addOptions() {
    return { label: 'Embedded' };
  },
  addAttributes() {
    return { provider: { default: null }, url: { default: null } };
  },
  parseHTML() {
    const fromElement = (el: HTMLElement) => {
      const url = el.getAttribute('data-embed-url') ?? el.querySelector('a[href]')?.getAttribute('href') ?? '';
      const target = detectEmbed(url);
      return target ? { provider: target.provider, url: target.url } : false;
    };
    // Our own copy, then the site's markup (figure.embed > a).
    return [
      { tag: 'figure[data-embed-url]', getAttrs: fromElement },
      { tag: 'figure.embed', getAttrs: fromElement },
    ];
  },
  renderHTML({ node }) {
    const provider = node.attrs['provider'] as EmbedProvider | null;
    const url = String(node.attrs['url'] ?? '');
    return [
      'figure',
      { class: 'editor-embed', 'data-embed-url': url, 'data-provider': provider ?? '', contenteditable: 'false' },
      ['span', { class: 'editor-embed__label', dir: 'auto' }, `${this.options.label}: ${provider ? PROVIDER_NAMES[provider] : '?'}`],
      ['span', { class: 'editor-embed__url', dir: 'ltr' }, url],
    ];
  },
});

export function editorExtensions(labels: { placeholder: string; embedBox: string }): Extensions {
  return [
    StarterKit.configure({
      blockquote: false,
      listItem: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        HTMLAttributes: { rel: 'noopener nofollow', target: null },
        // Typed, pasted and parsed links alike: the document's own rule, so javascript: never gets in.
        isAllowedUri: (url: string) => isAllowedUrl(url, LINK_SCHEMES),
      },
    }),
    Blockquote,
    ListItem,
    FigureImage,
    Embed.configure({ label: labels.embedBox }),
    BlockDirection,
    Placeholder.configure({ placeholder: labels.placeholder }),
  ];
}

/**
 * Word and Google Docs mark every paragraph with the direction of the document they came from (often
 * `dir="ltr"` on Arabic text), so a pasted block starts as `dir="auto"`: the browser then sets each
 * paragraph's direction from its first strong letter and places Arabic punctuation at the right end.
 * Text stays in its logical order; ProseMirror keeps only what the schema knows, so fonts, colours and
 * sizes fall away on their own (styles are left in place until then: bold and italic from Google Docs are
 * styles). Images are removed: they point at the clipboard or another host (the media library comes later).
 * Word's empty spacer paragraphs are dropped. HTML copied inside the editor carries `data-pm-slice` and
 * keeps its chosen directions.
 */
export function cleanPastedHtml(html: string): string {
  if (html.includes('data-pm-slice')) return html;
  // Word's stylesheet goes before parsing: even an inert parsed document reports it against our CSP.
  const doc = new DOMParser().parseFromString(html.replace(/<style\b[\s\S]*?<\/style\s*>/gi, ''), 'text/html');
  for (const el of doc.body.querySelectorAll('[dir]')) el.removeAttribute('dir');
  for (const el of doc.body.querySelectorAll('img, picture, svg, video, audio, iframe, object, style, script')) el.remove();
  // Word separates paragraphs with empty ones (`<p><o:p>&nbsp;</o:p></p>`): spacing, not content.
  for (const el of doc.body.querySelectorAll('p')) if (!(el.textContent ?? '').replace(/[\s\u00a0]+/gu, '')) el.remove();
  for (const el of doc.body.querySelectorAll('h1, h4, h5, h6')) {
    const heading = doc.createElement(el.tagName === 'H1' ? 'h2' : 'h3');
    heading.append(...el.childNodes);
    el.replaceWith(heading);
  }
  return doc.body.innerHTML;
}

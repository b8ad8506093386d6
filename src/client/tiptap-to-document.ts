import {
  DOCUMENT_LIMITS,
  isLibraryImageUrl,
  LINK_SCHEMES,
  isAllowedUrl,
  parseArticleDocument,
  type ArticleDocument,
  type Block,
  type InlineNode,
  type ParagraphNode,
  type TextDirection,
  type TextMark,
} from '../editor/index.js';
import { detectEmbed } from './embed-url.js';

/**
 * TipTap's `editor.getJSON()` → the article document of `src/editor/document.schema.ts`.
 *
 * Pure (no DOM, no TipTap import) so it is unit-tested and runs the same everywhere. It never throws and
 * never refuses a whole document for one bad part: what the schema cannot hold is converted (an h4 becomes
 * an h3, a heading inside a quote becomes a paragraph, a nested list item a sibling item) or, when it
 * carries no text, dropped and named in `dropped` (an image with a data: URL, a `javascript:` link — its
 * text stays). Only what cannot be repaired without losing words — the size limits — is an error.
 * The result has passed `parseArticleDocument`, so it is exactly what the server will accept.
 */
export type MappingResult =
  | { ok: true; doc: ArticleDocument; dropped: string[] }
  | { ok: false; error: string; dropped: string[] };

interface PMNode {
  type: string;
  attrs: Record<string, unknown>;
  content: unknown[];
  marks: unknown[];
  text: string | undefined;
}

function asNode(value: unknown): PMNode | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['type'] !== 'string') return null;
  const attrs = v['attrs'];
  return {
    type: v['type'],
    attrs: typeof attrs === 'object' && attrs !== null && !Array.isArray(attrs) ? (attrs as Record<string, unknown>) : {},
    content: Array.isArray(v['content']) ? v['content'] : [],
    marks: Array.isArray(v['marks']) ? v['marks'] : [],
    text: typeof v['text'] === 'string' ? v['text'] : undefined,
  };
}

/**
 * The schema refuses C0 controls (but tab and newline), DEL and lone surrogates; Word pastes the odd
 * vertical tab or form feed. Removing them changes nothing a reader sees; refusing would stop autosave.
 */
export function cleanText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s.charAt(i) + s.charAt(i + 1);
        i++;
      } else out += '\ufffd';
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\ufffd';
      continue;
    }
    out += s.charAt(i);
  }
  return out;
}

/** An attribute typed into a prompt: cleaned, trimmed, cut to the schema's limit; undefined when empty. */
function attrText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = cleanText(value).replace(/\s+/g, ' ').trim();
  if (cleaned === '') return undefined;
  if (cleaned.length <= DOCUMENT_LIMITS.maxAttrChars) return cleaned;
  // Cut whole code points, so a surrogate pair is never split at the limit.
  let cut = '';
  for (const ch of cleaned) {
    if (cut.length + ch.length > DOCUMENT_LIMITS.maxAttrChars) break;
    cut += ch;
  }
  return cut.trimEnd();
}

/** 'auto' is the default and is left out, so a document only records directions someone chose. */
function mapDir(value: unknown): Exclude<TextDirection, 'auto'> | undefined {
  return value === 'ltr' || value === 'rtl' ? value : undefined;
}

const MARK_ORDER: Record<TextMark['type'], number> = { link: 0, bold: 1, italic: 2 };

function sameMarks(a: readonly TextMark[] | undefined, b: readonly TextMark[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return (
    x.length === y.length &&
    x.every((m, i) => {
      const n = y[i];
      return n !== undefined && n.type === m.type && (m.type !== 'link' || (n.type === 'link' && n.attrs.href === m.attrs.href));
    })
  );
}

class Mapper {
  readonly dropped: string[] = [];

  marks(raw: readonly unknown[]): TextMark[] | undefined {
    const byType = new Map<TextMark['type'], TextMark>();
    for (const value of raw) {
      const mark = asNode(value);
      if (!mark) continue;
      if (mark.type === 'bold' || mark.type === 'italic') byType.set(mark.type, { type: mark.type });
      else if (mark.type === 'link') {
        const href = typeof mark.attrs['href'] === 'string' ? mark.attrs['href'].trim() : '';
        if (isAllowedUrl(href, LINK_SCHEMES)) byType.set('link', { type: 'link', attrs: { href } });
        else this.dropped.push(`link:${href.slice(0, 100)}`);
      } else this.dropped.push(`mark:${mark.type}`);
    }
    const marks = [...byType.values()].sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
    return marks.length > 0 ? marks : undefined;
  }

  inline(raw: readonly unknown[]): InlineNode[] {
    const out: InlineNode[] = [];
    for (const value of raw) {
      const node = asNode(value);
      if (!node) continue;
      if (node.type === 'hardBreak') out.push({ type: 'hardBreak' });
      else if (node.type === 'text') {
        const text = cleanText(node.text ?? '');
        if (text === '') continue;
        const marks = this.marks(node.marks);
        const last = out[out.length - 1];
        // Dropping a mark can leave two neighbours alike; ProseMirror would have joined them.
        if (last?.type === 'text' && sameMarks(last.marks, marks)) last.text += text;
        else out.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
      } else if (node.content.length > 0) out.push(...this.inline(node.content));
      else this.dropped.push(`inline:${node.type}`);
    }
    return out;
  }

  paragraph(node: PMNode): ParagraphNode {
    const content = this.inline(node.content);
    const dir = mapDir(node.attrs['dir']);
    return { type: 'paragraph', ...(dir ? { attrs: { dir } } : {}), ...(content.length > 0 ? { content } : {}) };
  }

  /** Quote and list item bodies hold paragraphs only: headings become paragraphs, containers are opened. */
  paragraphs(raw: readonly unknown[]): ParagraphNode[] {
    const out: ParagraphNode[] = [];
    for (const value of raw) {
      const node = asNode(value);
      if (!node) continue;
      if (node.type === 'text' || node.type === 'hardBreak') {
        out.push(this.paragraph({ type: 'paragraph', attrs: {}, content: [value], marks: [], text: undefined }));
      } else if (isTextblock(node)) out.push(this.paragraph(node));
      else if (node.content.length > 0) out.push(...this.paragraphs(node.content));
      else this.dropped.push(`nested:${node.type}`);
    }
    return out;
  }

  /** Items of a list; a nested list's items follow their parent item, in order (the schema is flat). */
  listItems(raw: readonly unknown[]): ParagraphNode[][] {
    const items: ParagraphNode[][] = [];
    for (const value of raw) {
      const node = asNode(value);
      if (!node) continue;
      const own: unknown[] = [];
      const nested: ParagraphNode[][] = [];
      for (const childValue of node.type === 'listItem' ? node.content : [value]) {
        const child = asNode(childValue);
        if (child && (child.type === 'bulletList' || child.type === 'orderedList')) nested.push(...this.listItems(child.content));
        else own.push(childValue);
      }
      const paragraphs = this.paragraphs(own);
      if (paragraphs.length > 0) items.push(paragraphs);
      items.push(...nested);
    }
    return items;
  }

  image(node: PMNode): Block | null {
    const src = typeof node.attrs['src'] === 'string' ? node.attrs['src'].trim() : '';
    // Only library images: one pasted from elsewhere could not be shown on the site (its CSP) and is named in `dropped`.
    if (!isLibraryImageUrl(src)) {
      this.dropped.push(`image:${src.slice(0, 100)}`);
      return null;
    }
    const side = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= DOCUMENT_LIMITS.maxImageSide ? v : undefined);
    const attrs = {
      src,
      alt: attrText(node.attrs['alt']) ?? '',
      caption: attrText(node.attrs['caption']),
      credit: attrText(node.attrs['credit']),
      width: side(node.attrs['width']),
      height: side(node.attrs['height']),
    };
    return { type: 'image', attrs: Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as typeof attrs };
  }

  embed(node: PMNode): Block | null {
    const url = typeof node.attrs['url'] === 'string' ? node.attrs['url'] : '';
    const target = detectEmbed(url);
    if (!target) {
      this.dropped.push(`embed:${url.slice(0, 100)}`);
      return null;
    }
    return { type: 'embed', attrs: target };
  }

  blocks(raw: readonly unknown[]): Block[] {
    const out: Block[] = [];
    for (const value of raw) {
      const node = asNode(value);
      if (!node) continue;
      switch (node.type) {
        case 'paragraph':
          out.push(this.paragraph(node));
          break;
        case 'heading': {
          const level = typeof node.attrs['level'] === 'number' && node.attrs['level'] >= 3 ? 3 : 2;
          const dir = mapDir(node.attrs['dir']);
          const content = this.inline(node.content);
          out.push({ type: 'heading', attrs: { level, ...(dir ? { dir } : {}) }, ...(content.length > 0 ? { content } : {}) });
          break;
        }
        case 'blockquote': {
          const cite = attrText(node.attrs['cite']);
          const dir = mapDir(node.attrs['dir']);
          const pull = node.attrs['kind'] === 'pullquote';
          const attrs = { ...(cite ? { cite } : {}), ...(pull ? { kind: 'pullquote' as const } : {}), ...(dir ? { dir } : {}) };
          const paragraphs = this.paragraphs(node.content);
          for (const content of chunks(paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }])) {
            out.push({ type: 'blockquote', ...(Object.keys(attrs).length > 0 ? { attrs } : {}), content });
          }
          break;
        }
        case 'bulletList':
        case 'orderedList': {
          const dir = mapDir(node.attrs['dir']);
          const items = this.listItems(node.content);
          for (const group of chunks(items)) {
            out.push({
              type: node.type,
              ...(dir ? { attrs: { dir } } : {}),
              content: group.map((content) => ({ type: 'listItem' as const, content })),
            });
          }
          break;
        }
        case 'image': {
          const image = this.image(node);
          if (image) out.push(image);
          break;
        }
        case 'embed': {
          const embed = this.embed(node);
          if (embed) out.push(embed);
          break;
        }
        case 'horizontalRule':
          out.push({ type: 'horizontalRule' });
          break;
        case 'text':
        case 'hardBreak':
          out.push(this.paragraph({ type: 'paragraph', attrs: {}, content: [value], marks: [], text: undefined }));
          break;
        default:
          // A code block or another textblock keeps its words as a paragraph; any other container is opened.
          if (isTextblock(node)) out.push(this.paragraph(node));
          else if (node.content.length > 0) out.push(...this.blocks(node.content));
          else this.dropped.push(`block:${node.type}`);
      }
    }
    return out;
  }
}

function isTextblock(node: PMNode): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock' || node.content.some((c) => asNode(c)?.type === 'text');
}

/** A list or quote longer than the schema allows continues as a second one rather than being refused. */
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += DOCUMENT_LIMITS.maxChildren) out.push(items.slice(i, i + DOCUMENT_LIMITS.maxChildren));
  return out;
}

export function tiptapToDocument(json: unknown): MappingResult {
  const mapper = new Mapper();
  const root = asNode(json);
  if (root?.type !== 'doc') return { ok: false, error: 'Not a document', dropped: [] };
  const result = parseArticleDocument({ type: 'doc', content: mapper.blocks(root.content) });
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `${issue?.message ?? 'Invalid document'}${where}`, dropped: mapper.dropped };
  }
  return { ok: true, doc: result.data, dropped: mapper.dropped };
}

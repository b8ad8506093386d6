import { articleDocumentSchema, type ArticleDocument, type Block, type InlineNode, type TextMark } from './document.schema.js';
import { sortMarks } from './marks.js';

/** A compact way to write article bodies in demo content and tests. */
export type SimpleBlock =
  | { type: 'p'; text: string }
  | { type: 'h2' | 'h3'; text: string }
  | { type: 'quote'; text: string; cite?: string }
  | { type: 'image'; src: string; alt: string; caption?: string; credit?: string; width?: number; height?: number }
  | { type: 'embed'; provider: 'youtube' | 'x' | 'instagram' | 'telegram' | 'facebook'; url: string };

/**
 * Builds a document and validates it, throwing a ZodError on bad input (e.g. a `javascript:` link), so
 * demo content can never hold what the editor would refuse. Paragraph and quote text use parseInlineText;
 * headings are plain text.
 */
export function documentFromBlocks(blocks: readonly SimpleBlock[]): ArticleDocument {
  return articleDocumentSchema.parse({ type: 'doc', content: blocks.map(toBlock) });
}

function toBlock(block: SimpleBlock): Block {
  switch (block.type) {
    case 'p':
      return { type: 'paragraph', content: parseInlineText(block.text) };
    case 'h2':
    case 'h3':
      return { type: 'heading', attrs: { level: block.type === 'h2' ? 2 : 3 }, content: plainInline(block.text) };
    case 'quote':
      return {
        type: 'blockquote',
        attrs: block.cite === undefined ? undefined : { cite: block.cite },
        content: [{ type: 'paragraph', content: parseInlineText(block.text) }],
      };
    case 'embed':
      return { type: 'embed', attrs: { provider: block.provider, url: block.url } };
    case 'image': {
      const { src, alt, caption, credit, width, height } = block;
      return { type: 'image', attrs: { src, alt, caption, credit, width, height } };
    }
  }
}

function plainInline(text: string): InlineNode[] {
  return text === '' ? [] : [{ type: 'text', text }];
}

type Span = { text: string; marks: readonly TextMark[] };

/**
 * A deliberately tiny inline syntax, not Markdown:
 *   [label](href)   a link; the label may hold bold/italic, the href ends at the first ")"
 *   **bold**        *italic*   (may nest in each other and in link labels)
 *   \x              the character x literally (e.g. \* or \[)
 *   newline         a hard line break
 * A delimiter without its partner stays as literal text.
 */
export function parseInlineText(text: string): InlineNode[] {
  const spans: Span[] = [];
  parseSpan(text, [], spans);
  const nodes: InlineNode[] = [];
  for (const span of spans) {
    const marks = span.marks.length > 0 ? sortMarks(span.marks) : undefined;
    span.text.split('\n').forEach((line, i) => {
      if (i > 0) nodes.push({ type: 'hardBreak' });
      if (line !== '') nodes.push(marks ? { type: 'text', text: line, marks } : { type: 'text', text: line });
    });
  }
  return nodes;
}

function parseSpan(src: string, marks: readonly TextMark[], out: Span[]): void {
  let literal = '';
  const flush = () => {
    if (literal !== '') out.push({ text: literal, marks });
    literal = '';
  };
  const inLink = marks.some((mark) => mark.type === 'link');
  let i = 0;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (ch === '\\' && i + 1 < src.length) {
      literal += src.charAt(i + 1);
      i += 2;
      continue;
    }
    if (ch === '*') {
      const bold = src.startsWith('**', i);
      const start = i + (bold ? 2 : 1);
      const end = findClosing(src, start, bold);
      if (end > start) {
        flush();
        parseSpan(src.slice(start, end), [...marks, { type: bold ? 'bold' : 'italic' }], out);
        i = end + (bold ? 2 : 1);
        continue;
      }
    } else if (ch === '[' && !inLink) {
      const labelEnd = src.indexOf('](', i + 1);
      const hrefEnd = labelEnd < 0 ? -1 : src.indexOf(')', labelEnd + 2);
      if (labelEnd > i + 1 && hrefEnd > labelEnd + 2) {
        flush();
        const href = src.slice(labelEnd + 2, hrefEnd);
        parseSpan(src.slice(i + 1, labelEnd), [...marks, { type: 'link', attrs: { href } }], out);
        i = hrefEnd + 1;
        continue;
      }
    }
    literal += ch;
    i++;
  }
  flush();
}

/** Index of the closing "**" (bold) or lone "*" (italic) at or after `from`, or -1. */
function findClosing(src: string, from: number, bold: boolean): number {
  for (let j = from; j < src.length; j++) {
    if (src.charAt(j) === '\\') {
      j++;
    } else if (src.startsWith('**', j)) {
      if (bold) return j;
      j++; // a bold delimiter inside italic text
    } else if (src.charAt(j) === '*' && !bold) {
      return j;
    }
  }
  return -1;
}

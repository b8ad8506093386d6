import { embedFrameUrl } from './embed-frame.js';
import type { ArticleDocument, Block, EmbedProvider, InlineNode, ParagraphNode, TextMark } from './document.schema.js';
import { isSameMark, sortMarks } from './marks.js';

/**
 * Renders a validated document to the HTML of an article body. The output goes straight into pages, so
 * every text and attribute value passes through escapeHtml. Pages make no third-party requests, so embeds
 * become plain links that a client script may later turn into the real player on click.
 */
export function documentToHtml(doc: ArticleDocument): string {
  return doc.content.map(renderBlock).join('\n');
}

/** Safe for both text and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

type AttrValue = string | number | undefined;

/** Attributes in the order given; undefined ones are left out, empty strings kept (alt=""). */
function renderAttrs(attrs: Record<string, AttrValue>): string {
  let html = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) html += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return html;
}

function element(tag: string, attrs: Record<string, AttrValue>, innerHtml: string): string {
  return `<${tag}${renderAttrs(attrs)}>${innerHtml}</${tag}>`;
}

const PROVIDER_NAMES: Record<EmbedProvider, string> = {
  youtube: 'YouTube',
  x: 'X',
  instagram: 'Instagram',
  telegram: 'Telegram',
  facebook: 'Facebook',
};

/**
 * A paragraph inside a quote or list item carries only an explicit direction: the browser resolves a
 * parent's dir="auto" from text outside children that have their own dir, so an inner dir="auto"
 * would leave an Arabic quote or list laid out left to right.
 */
function renderParagraph(p: ParagraphNode, nested = false): string {
  const dir = p.attrs?.dir ?? 'auto';
  return element('p', { dir: nested && dir === 'auto' ? undefined : dir }, renderInline(p.content));
}

const renderNested = (p: ParagraphNode) => renderParagraph(p, true);

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return renderParagraph(block);
    case 'heading':
      return element(`h${block.attrs.level}`, { dir: block.attrs.dir ?? 'auto' }, renderInline(block.content));
    case 'blockquote': {
      const { cite, kind, dir } = block.attrs ?? {};
      // The attribution gets its own dir: an Arabic quote may be attributed in Latin script and vice versa.
      const footer = cite ? `<footer dir="auto"><cite>${escapeHtml(cite)}</cite></footer>` : '';
      const cls = kind === 'pullquote' ? 'pullquote' : undefined;
      return element('blockquote', { class: cls, dir: dir ?? 'auto' }, block.content.map(renderNested).join('') + footer);
    }
    case 'bulletList':
    case 'orderedList': {
      const items = block.content.map((item) => element('li', {}, item.content.map(renderNested).join('')));
      return element(block.type === 'bulletList' ? 'ul' : 'ol', { dir: block.attrs?.dir ?? 'auto' }, items.join(''));
    }
    case 'image': {
      const { src, alt, caption, credit, width, height } = block.attrs;
      const img = `<img${renderAttrs({ src, alt, loading: 'lazy', decoding: 'async', width, height })}>`;
      const parts = [caption ? escapeHtml(caption) : '', credit ? `<span class="credit">${escapeHtml(credit)}</span>` : ''];
      const text = parts.filter((part) => part !== '').join(' ');
      return element('figure', { dir: 'auto' }, img + (text ? `<figcaption>${text}</figcaption>` : ''));
    }
    case 'embed': {
      const { provider, url } = block.attrs;
      const label = `<span class="embed-provider">${PROVIDER_NAMES[provider]}</span> <span class="embed-url" dir="ltr">${escapeHtml(url)}</span>`;
      const link = element('a', { href: url, rel: 'noopener nofollow', target: '_blank' }, label);
      // data-embed-src: the provider's frame, loaded only when the reader asks (site-client/embeds.ts).
      // No dir: the placeholder reads in the article's direction (the URL inside is marked ltr).
      return element('figure', { class: 'embed', 'data-provider': provider, 'data-embed-src': embedFrameUrl(provider, url) }, link);
    }
    case 'horizontalRule':
      return '<hr>';
  }
}

function openMark(mark: TextMark): string {
  if (mark.type === 'link') return `<a${renderAttrs({ href: mark.attrs.href, rel: 'noopener' })}>`;
  return mark.type === 'bold' ? '<strong>' : '<em>';
}

function closeMarks(marks: readonly TextMark[]): string {
  const tags = { link: '</a>', bold: '</strong>', italic: '</em>' };
  return marks.map((mark) => tags[mark.type]).reverse().join('');
}

/**
 * Keeps marks shared with the previous text node open (as ProseMirror's serializer does), so
 * "[a **b** c](url)" becomes one <a> rather than three.
 */
function renderInline(content: readonly InlineNode[] = []): string {
  let html = '';
  let open: TextMark[] = [];
  for (const node of content) {
    // A break sits inside whatever marks surround it.
    if (node.type === 'hardBreak') {
      html += '<br>';
      continue;
    }
    const marks = sortMarks(node.marks);
    let kept = 0;
    while (kept < open.length && isSameMark(open[kept], marks[kept])) kept++;
    html += closeMarks(open.slice(kept)) + marks.slice(kept).map(openMark).join('') + escapeHtml(node.text);
    open = marks;
  }
  return html + closeMarks(open);
}

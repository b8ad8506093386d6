import type { ArticleDocument, Block, InlineNode, ParagraphNode } from './document.schema.js';

/**
 * The words of an article for search indexing, speech and plain-text email: blocks separated by a blank
 * line; images, embeds and rules add nothing (a caption read in the middle of the story is noise).
 * Bullet items get no marker (speech would read it aloud); ordered items keep their number, which
 * carries meaning ("step 2").
 */
export function documentToPlainText(doc: ArticleDocument): string {
  return doc.content
    .map(blockToText)
    .filter((text) => text !== '')
    .join('\n\n');
}

function inlineToText(content: readonly InlineNode[] = []): string {
  return content
    .map((node) => (node.type === 'text' ? node.text : '\n'))
    .join('')
    .trim();
}

function paragraphsToText(paragraphs: readonly ParagraphNode[], separator: string): string {
  return paragraphs
    .map((p) => inlineToText(p.content))
    .filter((text) => text !== '')
    .join(separator);
}

function blockToText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineToText(block.content);
    case 'blockquote': {
      const lines = [paragraphsToText(block.content, '\n')];
      const cite = block.attrs?.cite?.trim();
      if (cite) lines.push(`— ${cite}`);
      return lines.filter((line) => line !== '').join('\n');
    }
    case 'bulletList':
    case 'orderedList': {
      const items = block.content.map((item) => paragraphsToText(item.content, ' ')).filter((text) => text !== '');
      const numbered = block.type === 'orderedList';
      return items.map((text, i) => (numbered ? `${i + 1}. ${text}` : text)).join('\n');
    }
    case 'image':
    case 'embed':
    case 'horizontalRule':
      return '';
  }
}

// The article document model: pure, no node: imports and no DOM, so the browser editor can use it too.
export {
  articleDocumentSchema,
  blockSchema,
  parseArticleDocument,
  isAllowedUrl,
  LINK_SCHEMES,
  IMAGE_SCHEMES,
  isLibraryImageUrl,
  EMBED_PROVIDERS,
  DOCUMENT_LIMITS,
  type ArticleDocument,
  type Block,
  type BlockType,
  type ParagraphNode,
  type InlineNode,
  type TextMark,
  type TextDirection,
  type EmbedProvider,
} from './document.schema.js';
export { documentToHtml, escapeHtml } from './to-html.js';
export { embedFrameUrl, EMBED_FRAME_ORIGINS } from './embed-frame.js';
export { documentToPlainText } from './to-plain-text.js';
export { documentFromBlocks, parseInlineText, type SimpleBlock } from './from-blocks.js';

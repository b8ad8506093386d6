import { z } from 'zod';

/**
 * The article body as ProseMirror/TipTap JSON (`editor.getJSON()`), validated at every boundary
 * (editor save, import, seed). Unknown keys are stripped rather than refused, because TipTap also writes
 * attributes we do not use (e.g. a link's `target`/`rel`); store `result.data`, never the raw input.
 * The structure has a fixed depth (no nested lists or quotes), so over-deep input fails on shape.
 */

export const DOCUMENT_LIMITS = {
  maxTextChars: 200_000,
  maxNodes: 20_000,
  maxBlocks: 5_000,
  maxInlineNodes: 5_000,
  maxChildren: 500,
  maxUrlChars: 2_048,
  maxAttrChars: 1_000,
  maxImageSide: 20_000,
} as const;

export const EMBED_PROVIDERS = ['youtube', 'x', 'instagram', 'telegram', 'facebook'] as const;

/** Hosts each provider's embed URL may point at (the host itself or any subdomain). */
const EMBED_HOSTS: Record<(typeof EMBED_PROVIDERS)[number], readonly string[]> = {
  youtube: ['youtube.com', 'youtu.be', 'youtube-nocookie.com'],
  x: ['x.com', 'twitter.com'],
  instagram: ['instagram.com'],
  telegram: ['t.me', 'telegram.me'],
  facebook: ['facebook.com', 'fb.watch'],
};

// PostgreSQL cannot store NUL, other C0 controls are invisible in print, and lone surrogates are not
// valid UTF-8 (drivers silently replace them). Tab and newline are harmless.
function isCleanText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

const cleanText = z.string().refine(isCleanText, { error: 'Contains control characters or malformed Unicode' });
const attrText = cleanText.max(DOCUMENT_LIMITS.maxAttrChars);

/**
 * Browsers ignore tabs/newlines inside URLs and strip leading spaces and controls (" java\tscript:"), so
 * any such character is refused outright instead of normalised. "//host" and "/\host" leave the site like an
 * absolute URL but dodge the scheme check, so they are refused too.
 */
export function isAllowedUrl(url: string, schemes: readonly string[]): boolean {
  if (url.length === 0 || url.length > DOCUMENT_LIMITS.maxUrlChars) return false;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return false;
  }
  if (/^[\\/]{2}/.test(url)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  return scheme === undefined || schemes.includes(scheme.toLowerCase());
}

export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
export const IMAGE_SCHEMES = ['http', 'https'] as const;

const linkHref = z.string().refine((u) => isAllowedUrl(u, LINK_SCHEMES), {
  error: 'Link must be an http(s), mailto or relative URL',
});
/**
 * Body images come from our own media library: the site's CSP shows only our own images, and the
 * library keeps the rights, captions and sizes. An outside address (pasted from another site) is refused.
 */
export function isLibraryImageUrl(url: string): boolean {
  return /^\/media\/[A-Za-z0-9_-][A-Za-z0-9_./-]*$/.test(url) && !url.includes('..') && url.length <= DOCUMENT_LIMITS.maxUrlChars;
}
const imageSrc = z.string().refine(isLibraryImageUrl, {
  error: 'Images in the article come from the media library (/media/…)',
});

function isProviderUrl(provider: (typeof EMBED_PROVIDERS)[number], url: string): boolean {
  if (url.length > DOCUMENT_LIMITS.maxUrlChars || !isAllowedUrl(url, IMAGE_SCHEMES)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return EMBED_HOSTS[provider].some((domain) => host === domain || host.endsWith(`.${domain}`));
}

// TipTap writes every declared attribute, unset ones as null: treat null as absent.
function dropNullValues(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}
function attrs<T extends z.ZodType>(schema: T) {
  return z.preprocess(dropNullValues, schema);
}

export const textDirectionSchema = z.enum(['auto', 'ltr', 'rtl']);
const dir = textDirectionSchema.optional();
const dirAttrs = attrs(z.object({ dir }));

export const markSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: attrs(z.object({ href: linkHref })) }),
]);

const textSchema = z.object({
  type: z.literal('text'),
  // ProseMirror never produces empty text nodes; an empty one would be an invisible <a>.
  text: cleanText.min(1),
  marks: z
    .array(markSchema)
    .max(3)
    .refine((marks) => new Set(marks.map((m) => m.type)).size === marks.length, {
      error: 'A mark may appear once per text node',
    })
    .optional(),
});

export const inlineNodeSchema = z.discriminatedUnion('type', [
  textSchema,
  z.object({ type: z.literal('hardBreak') }),
]);
// Optional because TipTap omits `content` for an empty paragraph.
const inlineContent = z.array(inlineNodeSchema).max(DOCUMENT_LIMITS.maxInlineNodes).optional();

export const paragraphSchema = z.object({
  type: z.literal('paragraph'),
  attrs: dirAttrs.optional(),
  content: inlineContent,
});
const paragraphs = z.array(paragraphSchema).min(1).max(DOCUMENT_LIMITS.maxChildren);

const headingSchema = z.object({
  type: z.literal('heading'),
  // h1 is the article title, rendered by the page, never by the body.
  attrs: attrs(z.object({ level: z.literal([2, 3]), dir })),
  content: inlineContent,
});

const blockquoteSchema = z.object({
  type: z.literal('blockquote'),
  attrs: attrs(z.object({ cite: attrText.optional(), kind: z.enum(['quote', 'pullquote']).optional(), dir })).optional(),
  content: paragraphs,
});

const listItemSchema = z.object({ type: z.literal('listItem'), content: paragraphs });
const listItems = z.array(listItemSchema).min(1).max(DOCUMENT_LIMITS.maxChildren);
const bulletListSchema = z.object({ type: z.literal('bulletList'), attrs: dirAttrs.optional(), content: listItems });
const orderedListSchema = z.object({ type: z.literal('orderedList'), attrs: dirAttrs.optional(), content: listItems });

const imageSide = z.int().positive().max(DOCUMENT_LIMITS.maxImageSide);
const imageSchema = z.object({
  type: z.literal('image'),
  attrs: attrs(
    z.object({
      src: imageSrc,
      alt: attrText, // may be empty for a purely decorative image
      caption: attrText.optional(),
      credit: attrText.optional(),
      width: imageSide.optional(),
      height: imageSide.optional(),
    }),
  ),
});

export const embedProviderSchema = z.enum(EMBED_PROVIDERS);
const embedSchema = z.object({
  type: z.literal('embed'),
  // The URL must belong to the named provider, so the label on the placeholder cannot lie about where it goes.
  attrs: attrs(
    z
      .object({ provider: embedProviderSchema, url: z.string() })
      .refine((a) => isProviderUrl(a.provider, a.url), {
        error: "Embed URL must be an http(s) URL on the provider's domain",
        path: ['url'],
      }),
  ),
});

const horizontalRuleSchema = z.object({ type: z.literal('horizontalRule') });

export const blockSchema = z.discriminatedUnion('type', [
  paragraphSchema,
  headingSchema,
  blockquoteSchema,
  bulletListSchema,
  orderedListSchema,
  imageSchema,
  embedSchema,
  horizontalRuleSchema,
]);

export const articleDocumentSchema = z
  .object({ type: z.literal('doc'), content: z.array(blockSchema).max(DOCUMENT_LIMITS.maxBlocks) })
  .superRefine((doc, ctx) => {
    const size = measureDocument(doc);
    if (size.textChars > DOCUMENT_LIMITS.maxTextChars) {
      ctx.addIssue({ code: 'custom', message: `Text longer than ${DOCUMENT_LIMITS.maxTextChars} characters` });
    }
    if (size.nodes > DOCUMENT_LIMITS.maxNodes) {
      ctx.addIssue({ code: 'custom', message: `More than ${DOCUMENT_LIMITS.maxNodes} nodes` });
    }
  });

export type ArticleDocument = z.infer<typeof articleDocumentSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BlockType = Block['type'];
export type ParagraphNode = z.infer<typeof paragraphSchema>;
export type InlineNode = z.infer<typeof inlineNodeSchema>;
export type TextMark = z.infer<typeof markSchema>;
export type TextDirection = z.infer<typeof textDirectionSchema>;
export type EmbedProvider = z.infer<typeof embedProviderSchema>;

export function parseArticleDocument(input: unknown): z.ZodSafeParseResult<ArticleDocument> {
  return articleDocumentSchema.safeParse(input);
}

function measureDocument(doc: ArticleDocument): { textChars: number; nodes: number } {
  let textChars = 0;
  let nodes = 0;
  const countInline = (content: readonly InlineNode[] = []) => {
    for (const node of content) {
      nodes++;
      if (node.type === 'text') textChars += node.text.length;
    }
  };
  const countParagraphs = (content: readonly ParagraphNode[]) => {
    for (const p of content) {
      nodes++;
      countInline(p.content);
    }
  };
  for (const block of doc.content) {
    nodes++;
    if (block.type === 'paragraph' || block.type === 'heading') countInline(block.content);
    else if (block.type === 'blockquote') countParagraphs(block.content);
    else if (block.type === 'bulletList' || block.type === 'orderedList') {
      for (const item of block.content) {
        nodes++;
        countParagraphs(item.content);
      }
    }
  }
  return { textChars, nodes };
}

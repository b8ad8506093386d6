import { documentFromBlocks, type ArticleDocument, type SimpleBlock } from '../../editor/index.js';
import type { ArticleInput } from './articles.service.js';

/** The editor form's fields, as strings (form posts) or with `body` already an object (autosave JSON). */
export type ArticleFormFields = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The no-JavaScript body: paragraphs separated by blank lines, "## " / "### " for subheadings,
 * "> " for a quote whose last line may be "— attribution".
 */
export function bodyFromText(value: string): ArticleDocument {
  const blocks: SimpleBlock[] = [];
  for (const chunk of value.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const t = chunk.trim();
    if (!t) continue;
    if (t.startsWith('### ')) blocks.push({ type: 'h3', text: t.slice(4).trim() });
    else if (t.startsWith('## ')) blocks.push({ type: 'h2', text: t.slice(3).trim() });
    else if (t.startsWith('>')) {
      const lines = t.split('\n').map((l) => l.replace(/^>\s?/, ''));
      const last = lines[lines.length - 1] ?? '';
      const cite = /^[—–-]\s*(.+)$/.exec(last)?.[1];
      blocks.push({ type: 'quote', text: (cite ? lines.slice(0, -1) : lines).join(' ').trim(), cite });
    } else blocks.push({ type: 'p', text: t.replace(/\n/g, ' ') });
  }
  return documentFromBlocks(blocks);
}

/** Back from the document to the fallback text, for the textarea. */
export function bodyToText(doc: { content: { type: string; attrs?: Record<string, unknown>; content?: unknown[] }[] }): string {
  const inline = (nodes: unknown[] | undefined): string =>
    (nodes ?? []).map((n) => {
      const node = n as { type: string; text?: string; content?: unknown[] };
      return node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : inline(node.content);
    }).join('');
  return doc.content
    .map((b) => {
      if (b.type === 'heading') return `${b.attrs?.['level'] === 3 ? '###' : '##'} ${inline(b.content)}`;
      if (b.type === 'blockquote') {
        const cite = b.attrs?.['cite'];
        return `> ${inline(b.content)}${typeof cite === 'string' && cite ? `\n> — ${cite}` : ''}`;
      }
      return inline(b.content);
    })
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Turns the editor's fields into an article input for the service (which validates it).
 * `knownPeople` decides whether a byline line is a staff page name or an outside name.
 */
export function inputFromForm(form: ArticleFormFields, language: 'en' | 'ar', knownPeople: ReadonlySet<string>, translationOf?: string): ArticleInput {
  const bodyField = form['body'];
  let body: unknown;
  if (bodyField && typeof bodyField === 'object') body = bodyField;
  else if (typeof bodyField === 'string' && bodyField.trim().startsWith('{')) {
    try {
      body = JSON.parse(bodyField);
    } catch {
      body = undefined;
    }
  }
  body ??= bodyFromText(text(form['bodyText']));
  const mediaId = text(form['featuredMediaId']).trim();
  return {
    language,
    headline: text(form['headline']),
    standfirst: text(form['standfirst']),
    slug: text(form['slug']).trim() || undefined,
    sectionSlug: text(form['sectionSlug']),
    tagSlugs: [...new Set(text(form['tags']).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))],
    bylines: text(form['bylines'])
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => (knownPeople.has(l) ? { personSlug: l } : { name: l })),
    featuredImage: mediaId ? { mediaId, caption: text(form['featuredCaption']), credit: text(form['featuredCredit']), alt: text(form['featuredAlt']) } : null,
    seoTitle: text(form['seoTitle']),
    seoDescription: text(form['seoDescription']),
    canonicalUrl: text(form['canonicalUrl']).trim(),
    translationOf,
    body,
  };
}

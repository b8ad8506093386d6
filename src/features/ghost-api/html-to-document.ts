import { generateJSON } from '@tiptap/html';
import { Window } from 'happy-dom';
// The newsroom editor's own schema and its JSON → document mapping (see docs/decisions/004): HTML sent
// to the Admin API is reduced exactly as HTML pasted into the editor is. Neither touches the DOM on import.
import { editorExtensions } from '../../client/extensions.js';
import { tiptapToDocument } from '../../client/tiptap-to-document.js';
import type { Db } from '../../db-schema.js';
import { isAllowedUrl, isLibraryImageUrl, LINK_SCHEMES, type ArticleDocument } from '../../editor/index.js';
import { findMediaImagesByFileNames } from '../media/index.js';

/**
 * HTML from an Admin API client (Ghost's `?source=html`) → our article document. What the document
 * cannot hold in shape is converted: an h1 becomes an h2, h4–h6 an h3, a table's cells paragraphs,
 * nested lists flat. What would be lost outright is refused with its name, so the sender can fix it
 * rather than find it missing: an image not in our media library (upload it to /images/upload/
 * first), a `javascript:` link, an embed we cannot show.
 */
export type HtmlResult = { ok: true; doc: ArticleDocument } | { ok: false; problems: string[] };

const EXTENSIONS = editorExtensions({ placeholder: '', embedBox: '' });

/** The media library's `/media/…` path and file name of an image URL on this site (absolute with our origin, or a path). */
export function libraryImage(src: string, origin: string): { path: string; fileName: string } | undefined {
  let path = src.trim();
  if (path.startsWith(`${origin}/`)) path = path.slice(origin.length);
  return isLibraryImageUrl(path) ? { path, fileName: path.slice('/media/'.length) } : undefined;
}

export async function htmlToDocument(db: Db, html: string, origin: string): Promise<HtmlResult> {
  const window = new Window();
  try {
    const doc = window.document;
    doc.body.innerHTML = html;
    const problems: string[] = [];
    for (const el of doc.body.querySelectorAll('script, style, iframe, object, video, audio, svg, picture source')) el.remove();
    for (const el of doc.body.querySelectorAll('h1, h4, h5, h6')) {
      const heading = doc.createElement(el.tagName === 'H1' ? 'h2' : 'h3');
      heading.append(...el.childNodes);
      el.replaceWith(heading);
    }
    // The editor's link rule drops such a link while parsing, without a word: name it here instead.
    for (const a of doc.body.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') ?? '';
      if (!isAllowedUrl(href.trim(), LINK_SCHEMES)) problems.push(`link with an address that is not allowed: ${href.slice(0, 200)}`);
    }
    const images = [...doc.body.querySelectorAll('img')];
    const refs = images.map((img) => libraryImage(img.getAttribute('src') ?? '', origin));
    const known = await findMediaImagesByFileNames(db, refs.flatMap((r) => (r ? [r.fileName] : [])));
    images.forEach((img, i) => {
      const ref = refs[i];
      const media = ref ? known.get(ref.fileName) : undefined;
      // Ghost writes an image card as <figure><img><figcaption>; the caption goes with the image.
      const holder = img.closest('figure') ?? img;
      if (!ref || !media) {
        problems.push(`image not in the media library: ${(img.getAttribute('src') ?? '').slice(0, 200)}`);
        holder.remove();
        return;
      }
      const figure = doc.createElement('figure');
      figure.setAttribute('data-image', '');
      const caption = holder === img ? '' : (holder.querySelector('figcaption')?.textContent ?? '').trim();
      if (caption) figure.setAttribute('data-caption', caption);
      figure.setAttribute('data-width', String(media.width));
      figure.setAttribute('data-height', String(media.height));
      const copy = doc.createElement('img');
      copy.setAttribute('src', ref.path);
      copy.setAttribute('alt', img.getAttribute('alt') ?? '');
      figure.append(copy);
      // A figure cannot sit inside a paragraph: put it after the block that held the image.
      const block = holder.parentElement && holder.parentElement !== doc.body ? holder.parentElement.closest('p, li, blockquote, h2, h3') : null;
      if (block) {
        holder.remove();
        block.after(figure);
      } else holder.replaceWith(figure);
    });
    const mapped = tiptapToDocument(generateJSON(doc.body.innerHTML, EXTENSIONS));
    // Other dropped parts carry no text (an empty list, a mark we do not have): nothing a reader would miss.
    problems.push(...mapped.dropped.filter((d) => d.startsWith('link:') || d.startsWith('embed:')).map(describeDropped));
    if (!mapped.ok) problems.push(mapped.error);
    return problems.length || !mapped.ok ? { ok: false, problems } : { ok: true, doc: mapped.doc };
  } finally {
    await window.happyDOM.close();
  }
}

function describeDropped(d: string): string {
  const what = d.slice(d.indexOf(':') + 1);
  return d.startsWith('link:') ? `link with an address that is not allowed: ${what}` : `embed from a provider we cannot show: ${what}`;
}

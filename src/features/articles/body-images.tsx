import type { Db } from '../../db-schema.js';
import { findMediaImagesByFileNames, ResponsiveImage } from '../media/index.js';

/**
 * Body images as the site shows them: the stored body (editor/to-html.ts) has a plain
 * `<img src="/media/<master>" alt width height loading="lazy">` for each library image; here, when the
 * page is rendered, each becomes the library's `<picture>` with AVIF/WebP sources and `srcset`/`sizes`,
 * as featured images are. Done at render time, not at save time, because the sizes are made by the
 * `media-variants` job after the upload: the page carries `media:<id>` tags, so it is rendered again
 * once they exist. An image no longer in the library stays as stored.
 */

const LIBRARY_IMG = /<img src="\/media\/([A-Za-z0-9_-][A-Za-z0-9_.-]*)"([^>]*)>/g;

/** The body column is 46rem wide from 48rem up, the whole screen below. */
export const BODY_IMAGE_SIZES = '(min-width: 48rem) 46rem, 100vw';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

export async function withResponsiveBodyImages(db: Db, html: string): Promise<{ html: string; mediaIds: string[] }> {
  if (!html.includes('<img src="/media/')) return { html, mediaIds: [] };
  const files = [...html.matchAll(LIBRARY_IMG)].map((m) => m[1]!);
  const images = await findMediaImagesByFileNames(db, files);
  if (!images.size) return { html, mediaIds: [] };
  const replaced = html.replace(LIBRARY_IMG, (whole, file: string, attrs: string) => {
    const media = images.get(file);
    if (!media) return whole;
    const alt = unescape(/\salt="([^"]*)"/.exec(attrs)?.[1] ?? '');
    return String(<ResponsiveImage media={media} alt={alt} sizes={BODY_IMAGE_SIZES} />);
  });
  return { html: replaced, mediaIds: [...new Set([...images.values()].map((m) => m.id))] };
}

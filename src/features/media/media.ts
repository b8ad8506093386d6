import { z } from 'zod';

/** Public URL of a stored media file. File names carry a content hash, so they can be cached forever. */
export function mediaUrl(fileName: string): string {
  return `/media/${fileName}`;
}

/** Pages that show an image add this tag, so new variants, a new focal point or deletion refresh them. */
export function mediaCacheTag(id: string): string {
  return `media:${id}`;
}

export const MEDIA_TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/** Limits of an upload. Constants, not settings: they protect the server, not an editorial choice. */
export const MEDIA_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MEDIA_MAX_PIXELS = 40_000_000;

/** Widths of the responsive variants of the whole image, and of each crop (never wider than the source). */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;
export const CROP_WIDTHS = [320, 640, 960] as const;

export const CROPS = ['16:9', '4:3', '1:1'] as const;
export type Crop = (typeof CROPS)[number];
export type VariantCrop = 'original' | Crop;
export type VariantFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export const variantSchema = z.object({
  format: z.enum(['avif', 'webp', 'jpeg', 'png']),
  width: z.int().positive(),
  height: z.int().positive(),
  crop: z.enum(['original', ...CROPS]),
  file: z.string(),
});
export type MediaVariant = z.infer<typeof variantSchema>;

/**
 * Where the background job stands for an image: `pending` until it has made the variants and crops
 * (pages show the master alone meanwhile), `ready`, or `failed` (it gave up; the master still serves).
 */
export type VariantsState = 'pending' | 'ready' | 'failed';

/** Variants as stored (a JSON list); anything unreadable counts as none, so a page still renders. */
export function parseVariants(json: string): MediaVariant[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  const parsed = z.array(variantSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** What a page needs to show one image. */
export interface MediaImage {
  id: string;
  fileName: string;
  contentType: string;
  width: number;
  height: number;
  variants: MediaVariant[];
}

/** The columns `toMediaImage` reads, so another feature's query can select them beside its own. */
export interface MediaImageRow {
  id: string;
  file_name: string;
  content_type: string;
  width: number;
  height: number;
  variants: string;
}

export function toMediaImage(row: MediaImageRow): MediaImage {
  return { id: row.id, fileName: row.file_name, contentType: row.content_type, width: row.width, height: row.height, variants: parseVariants(row.variants) };
}

/** The master's fallback format for a stored content type (what `<img src>` shows to every browser). */
export function fallbackFormatOf(contentType: string): 'jpeg' | 'png' | undefined {
  if (contentType === 'image/jpeg') return 'jpeg';
  if (contentType === 'image/png') return 'png';
  return undefined;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const RATIOS: Record<Crop, [number, number]> = { '16:9': [16, 9], '4:3': [4, 3], '1:1': [1, 1] };

/**
 * The largest box of a crop's aspect ratio inside a `width`×`height` image, centred as near the focal
 * point (0..1 on each axis) as the edges allow.
 */
export function cropBox(width: number, height: number, crop: Crop, focal: { x: number; y: number }): Box {
  const [rw, rh] = RATIOS[crop];
  let w = width;
  let h = Math.round((width * rh) / rw);
  if (h > height) {
    h = height;
    w = Math.min(width, Math.round((height * rw) / rh));
  }
  w = Math.max(1, w);
  h = Math.max(1, h);
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  const left = clamp(Math.round(focal.x * width - w / 2), width - w);
  const top = clamp(Math.round(focal.y * height - h / 2), height - h);
  return { left, top, width: w, height: h };
}

/** Widths to make from a source `sourceWidth` wide: the standard ones below it, plus its own if within the largest. */
export function widthsFor(sourceWidth: number, standard: readonly number[]): number[] {
  const widths = standard.filter((w) => w < sourceWidth);
  if (sourceWidth <= standard[standard.length - 1]!) widths.push(sourceWidth);
  return widths;
}

/** The name shared by a master file and all its variants: its content hash (`<base>.jpg`, `<base>-640.webp`). */
export function fileBaseOf(fileName: string): string {
  return fileName.replace(/\.[a-z]+$/, '');
}

/** Focal points are stored in ten-thousandths so they stay integers on both databases. */
export const FOCAL_SCALE = 10_000;

/**
 * Text as library search sees it: lower case, Latin accents and Arabic vowel marks and tatweel
 * dropped, Arabic letter variants folded (أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي), punctuation to spaces.
 * Applied to what is stored and to what is searched, so either spelling finds the other.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a library query, normalized; at most 8. */
export function searchWords(q: string): string[] {
  return normalizeSearchText(q)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

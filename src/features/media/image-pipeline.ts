import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { AppError } from '../../platform/errors.js';
import {
  CROP_WIDTHS,
  CROPS,
  cropBox,
  fileBaseOf,
  FOCAL_SCALE,
  MEDIA_MAX_PIXELS,
  MEDIA_MAX_UPLOAD_BYTES,
  VARIANT_WIDTHS,
  widthsFor,
  type Crop,
  type MediaVariant,
  type VariantCrop,
  type VariantFormat,
} from './media.js';

/** What an upload may be, as the bytes say (never the name or the browser's Content-Type). */
const ACCEPTED: Record<string, { sharpFormat: string; kind: UploadFormat }> = {
  'image/jpeg': { sharpFormat: 'jpeg', kind: 'jpeg' },
  'image/png': { sharpFormat: 'png', kind: 'png' },
  'image/apng': { sharpFormat: 'png', kind: 'png' },
  'image/webp': { sharpFormat: 'webp', kind: 'webp' },
  'image/avif': { sharpFormat: 'heif', kind: 'avif' },
  'image/gif': { sharpFormat: 'gif', kind: 'gif' },
};
export type UploadFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

/**
 * Encoder settings. AVIF and WebP use low effort: the variants job shares two cores with the web
 * process, and at their default efforts a 2000×1500 photo takes many seconds to save a few per cent
 * (AVIF at effort 0 is about 5–8% larger than at 2, and several times faster).
 */
const ENCODE: Record<VariantFormat, (s: Sharp) => Sharp> = {
  avif: (s) => s.avif({ quality: 55, effort: 0 }),
  webp: (s) => s.webp({ quality: 78, effort: 2 }),
  jpeg: (s) => s.jpeg({ quality: 82, progressive: true }),
  png: (s) => s.png({ compressionLevel: 6, adaptiveFiltering: false }),
};
const EXTENSIONS: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };
export const CONTENT_TYPES: Record<'jpeg' | 'png', string> = { jpeg: 'image/jpeg', png: 'image/png' };

export interface InspectedUpload {
  format: UploadFormat;
  width: number;
  height: number;
}

/**
 * Checks an upload from its bytes alone: size, real type, and the pixel count its header declares,
 * before anything is decoded (a small file can declare a huge image: a decompression bomb).
 */
export async function inspectUpload(bytes: Buffer): Promise<InspectedUpload> {
  if (bytes.length > MEDIA_MAX_UPLOAD_BYTES) throw new AppError('MEDIA_TOO_LARGE', 413, 'admin.media.tooLarge', { bytes: bytes.length });
  const detected = await fileTypeFromBuffer(bytes);
  const accepted = detected ? ACCEPTED[detected.mime] : undefined;
  if (!accepted) throw new AppError('MEDIA_NOT_AN_IMAGE', 415, 'admin.media.notImage', { detected: detected?.mime ?? null });
  // metadata() reads the header only; nothing is decoded here.
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => undefined);
  if (!meta || meta.format !== accepted.sharpFormat || !meta.width || !meta.height) throw new AppError('MEDIA_UNREADABLE', 422, 'admin.media.unreadable');
  if (accepted.kind === 'avif' && meta.compression !== 'av1') throw new AppError('MEDIA_NOT_AN_IMAGE', 415, 'admin.media.notImage', { detected: 'heif' });
  // An animated image reports its first frame's height as pageHeight; only that frame is kept.
  const height = meta.pageHeight ?? meta.height;
  if (meta.width * height > MEDIA_MAX_PIXELS) {
    throw new AppError('MEDIA_TOO_MANY_PIXELS', 422, 'admin.media.tooManyPixels', { width: meta.width, height });
  }
  return { format: accepted.kind, width: meta.width, height };
}

/** Decoded pixels, upright, 8-bit sRGB, from which every variant is made without decoding again. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
  /** Whether any pixel is not fully opaque (an opaque alpha channel is dropped). */
  transparent: boolean;
}

function rawInput(img: RawImage): Sharp {
  const s = sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } });
  return img.channels === 4 && !img.transparent ? s.removeAlpha() : s;
}

/** Decodes an image (upload or stored master) to upright sRGB pixels; limits enforced again while decoding. */
export async function decodeImage(bytes: Buffer): Promise<RawImage> {
  let out: { data: Buffer; info: OutputInfo };
  try {
    out = await sharp(bytes, { limitInputPixels: MEDIA_MAX_PIXELS, failOn: 'error' })
      .autoOrient()
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError('MEDIA_UNREADABLE', 422, 'admin.media.unreadable');
  }
  const { data, info } = out;
  let channels = info.channels;
  let pixels = data;
  if (channels === 1 || channels === 2) {
    // Grey images: expand to sRGB so every variant pipeline sees the same layout.
    const expanded = await sharp(data, { raw: { width: info.width, height: info.height, channels } }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    pixels = expanded.data;
    channels = expanded.info.channels;
  }
  let transparent = false;
  if (channels === 4) {
    for (let i = 3; i < pixels.length; i += 4) {
      if (pixels[i] !== 255) {
        transparent = true;
        break;
      }
    }
  }
  return { data: pixels, width: info.width, height: info.height, channels: channels === 4 ? 4 : 3, transparent };
}

/** JPEG for photographs; PNG where transparency or a lossless source (PNG, GIF) must survive. */
export function fallbackFormatFor(source: UploadFormat, img: RawImage): 'jpeg' | 'png' {
  return img.transparent || source === 'png' || source === 'gif' ? 'png' : 'jpeg';
}

export interface EncodedFile {
  file: string;
  bytes: Buffer;
  format: VariantFormat;
  width: number;
  height: number;
  crop: VariantCrop;
}

function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
}

/** The original-size master in the fallback format; its content hash names it and all its variants. */
export async function encodeMaster(img: RawImage, format: 'jpeg' | 'png'): Promise<EncodedFile & { base: string }> {
  const encode = format === 'jpeg' ? (s: Sharp) => s.jpeg({ quality: 88, progressive: true }) : ENCODE.png;
  const bytes = await encode(rawInput(img)).toBuffer();
  const base = contentHash(bytes);
  return { base, file: `${base}.${EXTENSIONS[format]}`, bytes, format, width: img.width, height: img.height, crop: 'original' };
}

const CROP_TAGS: Record<Crop, string> = { '16:9': '16x9', '4:3': '4x3', '1:1': '1x1' };

/**
 * Variant file names derive from the master's hash, the crop (with its focal point) and the width:
 * a new focal point gives new names, so cached URLs never change meaning, and every file of one
 * image starts with `<base>-` (how deleting finds them all, old crops included).
 */
function variantName(base: string, crop: VariantCrop, focal: { x: number; y: number }, width: number, format: VariantFormat): string {
  const cropPart = crop === 'original' ? '' : `-${CROP_TAGS[crop]}-${Math.round(focal.x * FOCAL_SCALE)}x${Math.round(focal.y * FOCAL_SCALE)}`;
  return `${base}${cropPart}-${width}.${EXTENSIONS[format]}`;
}

export function variantPrefix(masterFile: string): string {
  return `${fileBaseOf(masterFile)}-`;
}

interface Job {
  crop: VariantCrop;
  format: VariantFormat;
  width: number;
  make: () => Sharp;
}

async function run(jobs: Job[], base: string, focal: { x: number; y: number }): Promise<EncodedFile[]> {
  // sharp works on libuv's thread pool: starting them together keeps both cores busy.
  return Promise.all(
    jobs.map(async (j) => {
      const { data, info } = await ENCODE[j.format](j.make()).toBuffer({ resolveWithObject: true });
      return { file: variantName(base, j.crop, focal, j.width, j.format), bytes: data, format: j.format, width: info.width, height: info.height, crop: j.crop };
    }),
  );
}

/** Responsive variants of the whole image: AVIF and WebP at every width, the fallback below the master's. */
export function renderResponsive(img: RawImage, base: string, fallback: 'jpeg' | 'png'): Promise<EncodedFile[]> {
  const jobs: Job[] = [];
  for (const width of widthsFor(img.width, VARIANT_WIDTHS)) {
    for (const format of ['avif', 'webp', fallback] as const) {
      if (format === fallback && width === img.width) continue; // that one is the master itself
      jobs.push({ crop: 'original', format, width, make: () => rawInput(img).resize({ width }) });
    }
  }
  return run(jobs, base, { x: 0.5, y: 0.5 });
}

/** The 16:9, 4:3 and 1:1 crops around the focal point, at each crop width, in every format. */
export function renderCrops(img: RawImage, base: string, fallback: 'jpeg' | 'png', focal: { x: number; y: number }): Promise<EncodedFile[]> {
  const jobs: Job[] = [];
  for (const crop of CROPS) {
    const box = cropBox(img.width, img.height, crop, focal);
    for (const width of widthsFor(box.width, CROP_WIDTHS)) {
      for (const format of ['avif', 'webp', fallback] as const) {
        jobs.push({ crop, format, width, make: () => rawInput(img).extract(box).resize({ width }) });
      }
    }
  }
  return run(jobs, base, focal);
}

/** Whether the listed crops are the ones around this focal point (their names say which point they were made for). */
export function cropsAreFor(variants: readonly MediaVariant[], base: string, focal: { x: number; y: number }): boolean {
  const crops = variants.filter((v) => v.crop !== 'original');
  return crops.length > 0 && crops.every((v) => v.crop !== 'original' && v.file === variantName(base, v.crop, focal, v.width, v.format));
}

export function toVariant(f: EncodedFile): MediaVariant {
  return { format: f.format, width: f.width, height: f.height, crop: f.crop, file: f.file };
}

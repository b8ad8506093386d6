import { fallbackFormatOf, mediaUrl, type Crop, type MediaImage, type MediaVariant } from '../media.js';

export interface ResponsiveImageProps {
  media: MediaImage;
  /** Empty for a decorative image (e.g. a card's picture beside a linked headline). */
  alt: string;
  /** How wide the image is shown, e.g. "(min-width: 60rem) 40rem, 100vw": the browser picks a file from it. */
  sizes: string;
  /** One of the focal-point crops instead of the whole image. */
  crop?: Crop;
  /** Above the fold (the first lead image): load at once, with high priority. Otherwise lazy. */
  eager?: boolean;
  class?: string;
}

/** The fallback `<img src>`: a mid-sized file, since any browser that reads srcset chooses for itself. */
const FALLBACK_SRC_WIDTH = 1280;

function srcset(list: readonly { file: string; width: number }[]): string {
  return list.map((v) => `${mediaUrl(v.file)} ${v.width}w`).join(', ');
}

const byWidth = (a: { width: number }, b: { width: number }) => a.width - b.width;

/**
 * An image as pages show it: `<picture>` with AVIF and WebP sources and a JPEG/PNG `<img>`, every
 * size listed with its width so the browser loads the smallest that fits `sizes`; width and height
 * always set so nothing shifts while it loads; lazy unless `eager`. Images without variants (SVG)
 * are a plain `<img>`.
 */
export function ResponsiveImage(props: ResponsiveImageProps) {
  const { media } = props;
  const wanted = props.crop ?? 'original';
  let variants: MediaVariant[] = media.variants.filter((v) => v.crop === wanted);
  // An image stored before crops existed has none: show it whole rather than nothing.
  if (!variants.length && wanted !== 'original') variants = media.variants.filter((v) => v.crop === 'original');
  const loading = props.eager ? 'eager' : 'lazy';
  const fetchpriority = props.eager ? 'high' : undefined;
  const crop = variants[0]?.crop ?? 'original';

  const avif = variants.filter((v) => v.format === 'avif').sort(byWidth);
  const webp = variants.filter((v) => v.format === 'webp').sort(byWidth);
  const masterFormat = fallbackFormatOf(media.contentType);
  const fallback: { file: string; width: number; height: number }[] = variants.filter((v) => v.format === 'jpeg' || v.format === 'png').sort(byWidth);
  // The master is the largest fallback of the whole image.
  if (crop === 'original' && masterFormat) fallback.push({ file: media.fileName, width: media.width, height: media.height });

  if (!avif.length && !webp.length) {
    return (
      <img
        class={props.class}
        src={mediaUrl(media.fileName)}
        alt={props.alt}
        width={media.width}
        height={media.height}
        loading={loading}
        decoding="async"
        fetchpriority={fetchpriority}
      />
    );
  }
  const largest = fallback[fallback.length - 1] ?? webp[webp.length - 1]!;
  const src = [...fallback].reverse().find((v) => v.width <= FALLBACK_SRC_WIDTH) ?? fallback[0] ?? largest;
  return (
    <picture class={props.class}>
      {avif.length ? <source type="image/avif" srcset={srcset(avif)} sizes={props.sizes} /> : null}
      {webp.length ? <source type="image/webp" srcset={srcset(webp)} sizes={props.sizes} /> : null}
      <img
        src={mediaUrl(src.file)}
        srcset={fallback.length ? srcset(fallback) : undefined}
        sizes={fallback.length ? props.sizes : undefined}
        alt={props.alt}
        width={largest.width}
        height={largest.height}
        loading={loading}
        decoding="async"
        fetchpriority={fetchpriority}
      />
    </picture>
  );
}

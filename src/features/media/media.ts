/** Public URL of a stored media file. File names carry a content hash, so they can be cached forever. */
export function mediaUrl(fileName: string): string {
  return `/media/${fileName}`;
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

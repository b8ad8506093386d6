import { mediaUrl } from './media.js';
import type { MediaItem } from './media.service.js';
import { thumbnailOf } from './views/library-page.js';

/**
 * One image as the editor's picker sees it (GET /admin/media-picker, and the JSON answer of an upload):
 * the master's address and size for the article body, a small thumbnail for the grid, and the library's
 * texts in both languages so the picker can prefill them in the article's language.
 */
export interface PickerItem {
  id: string;
  src: string;
  width: number;
  height: number;
  thumb: { src: string; width: number; height: number };
  alt: { en: string; ar: string };
  caption: { en: string; ar: string };
  credit: string;
  name: string;
}

export function toPickerItem(item: MediaItem): PickerItem {
  return {
    id: item.id,
    src: mediaUrl(item.fileName),
    width: item.width,
    height: item.height,
    thumb: thumbnailOf(item),
    alt: { en: item.altEn, ar: item.altAr },
    caption: { en: item.captionEn, ar: item.captionAr },
    credit: item.credit,
    name: item.originalName,
  };
}

import type { Generated } from 'kysely';
import type { VariantsState } from './media.js';

export interface MediaTable {
  id: string;
  /** The master file: the original size, re-encoded (or the stored SVG). */
  file_name: string;
  content_type: string;
  width: number;
  height: number;
  byte_size: number;
  created_at: string;
  caption_en: Generated<string>;
  caption_ar: Generated<string>;
  credit: Generated<string>;
  alt_en: Generated<string>;
  alt_ar: Generated<string>;
  /** The uploaded file's name, shown to staff only; never used to decide anything. */
  original_name: Generated<string>;
  search_text: Generated<string>;
  /** Focal point in ten-thousandths of the width and height (0..10000). */
  focal_x: Generated<number>;
  focal_y: Generated<number>;
  /** JSON list of MediaVariant. */
  variants: Generated<string>;
  /** Whether the background job has made the variants listed above (see make-variants.job.ts). */
  variants_state: Generated<VariantsState>;
  uploaded_by_user_id: Generated<string | null>;
}

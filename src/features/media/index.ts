export {
  CROPS,
  cropBox,
  MEDIA_MAX_PIXELS,
  MEDIA_MAX_UPLOAD_BYTES,
  MEDIA_TYPES,
  mediaUrl,
  toMediaImage,
  type Crop,
  type MediaImage,
  type MediaImageRow,
  type MediaVariant,
} from './media.js';
export {
  deleteMedia,
  findMediaImage,
  findMediaImages,
  findMediaImagesByFileNames,
  findMediaUsage,
  mediaCacheTag,
  setFocalPoint,
  storeImage,
  uploadImage,
  type MediaDeps,
  type MediaLibraryDeps,
  type MediaUsage,
  type StoredMedia,
} from './media.service.js';
export { makeVariants, makeVariantsJob, MEDIA_VARIANTS, type MakeVariantsDeps } from './make-variants.job.js';
export { mediaAdminRoutes, type MediaAdminDeps } from './media.admin-routes.js';
export { mediaRoutes } from './media.site-routes.js';
export { ResponsiveImage, type ResponsiveImageProps } from './views/responsive-image.js';

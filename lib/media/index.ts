export { diskStorage } from "./disk-storage";
export { type ImageInfo, inspectImage, MAX_IMAGE_PIXELS, thumbnail, UnsupportedImageError } from "./image";
export {
  contentTypeByExtension,
  extensionFor,
  isValidMediaKey,
  type MediaContentType,
  type MediaExtension,
  newMediaId,
  storageKeyFor,
  thumbnailKeyFor,
} from "./keys";
export { s3Storage, type S3StorageOptions } from "./s3-storage";
export { InvalidMediaKeyError, type MediaStorage, type StoredMedia } from "./storage";

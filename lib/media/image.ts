import sharp from "sharp";
import type { MediaContentType } from "./keys";

/** 64 megapixels: well past any model's output, and a bound on what one decode may allocate. */
export const MAX_IMAGE_PIXELS = 64_000_000;
const THUMBNAIL_SIZE = 256;
const THUMBNAIL_QUALITY = 75;

export type ImageInfo = {
  width: number;
  height: number;
  contentType: MediaContentType;
  /** Size in bytes. */
  bytes: number;
};

export class UnsupportedImageError extends Error {
  constructor(
    message: string,
    readonly reason: "format" | "too_large",
  ) {
    super(message);
    this.name = "UnsupportedImageError";
  }
}

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

// Sniff before libvips sees the bytes, so an upstream's SVG, PDF or TIFF never reaches its parsers.
function sniff(bytes: Uint8Array): MediaContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

const sharpFormat = { "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp" } as const;

/** Dimensions and type of a PNG, JPEG or WebP, as displayed (EXIF orientation applied); anything else throws UnsupportedImageError. */
export async function inspectImage(bytes: Uint8Array): Promise<ImageInfo> {
  const contentType = sniff(bytes);
  if (!contentType) throw new UnsupportedImageError("not a PNG, JPEG or WebP image", "format");
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch((error: Error) => {
      throw new UnsupportedImageError(`unreadable ${contentType}: ${error.message}`, "format");
    });
  if (metadata.format !== sharpFormat[contentType] || !metadata.width || !metadata.height) {
    throw new UnsupportedImageError(`unreadable ${contentType}`, "format");
  }
  if (metadata.width * metadata.height > MAX_IMAGE_PIXELS) {
    throw new UnsupportedImageError(`${metadata.width}x${metadata.height} is over ${MAX_IMAGE_PIXELS / 1e6} MP`, "too_large");
  }
  const { width, height } = metadata.autoOrient ?? metadata;
  return { width, height, contentType, bytes: bytes.byteLength };
}

/** A WebP preview, at most 256 px on its longest side, never enlarged. */
export async function thumbnail(bytes: Uint8Array): Promise<Uint8Array> {
  const output = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, autoOrient: true })
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: THUMBNAIL_QUALITY })
    .toBuffer();
  return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
}

import { randomInt } from "node:crypto";

// Lower case only: keys become file names, and some filesystems fold case.
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
/** 24 base36 characters: about 124 bits, so a media URL cannot be guessed. */
const ID_LENGTH = 24;

export const MEDIA_ID_PATTERN = /^med_[0-9a-z]{24}$/;

export type MediaExtension = "png" | "jpg" | "webp";

export const contentTypeByExtension = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
} as const satisfies Record<MediaExtension, string>;

export type MediaContentType = (typeof contentTypeByExtension)[MediaExtension];

export function extensionFor(contentType: MediaContentType): MediaExtension {
  const found = (Object.keys(contentTypeByExtension) as MediaExtension[]).find((ext) => contentTypeByExtension[ext] === contentType);
  if (!found) throw new Error(`no extension for ${contentType}`);
  return found;
}

export function newMediaId(): string {
  let out = "med_";
  for (let i = 0; i < ID_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

// Two directory levels from the id's random characters keep any one directory small.
function shardedName(mediaId: string, name: string): string {
  if (!MEDIA_ID_PATTERN.test(mediaId)) throw new Error(`not a media id: ${mediaId}`);
  const random = mediaId.slice("med_".length);
  return `${random.slice(0, 2)}/${random.slice(2, 4)}/${name}`;
}

/** `ab/cd/med_abcd....png`: where the original of a media item lives in any MediaStorage. */
export function storageKeyFor(mediaId: string, ext: MediaExtension): string {
  return shardedName(mediaId, `${mediaId}.${ext}`);
}

/** The 256 px WebP preview beside the original. */
export function thumbnailKeyFor(mediaId: string): string {
  return shardedName(mediaId, `${mediaId}.thumb.webp`);
}

// Two short lower-case segments, then a name whose only dots separate extensions: no segment can
// be "." or "..", empty, absolute, or carry a backslash, so a key never leaves the storage root.
const KEY_PATTERN = /^[0-9a-z]{2}\/[0-9a-z]{2}\/[0-9A-Za-z][0-9A-Za-z_-]{0,127}(\.[0-9a-z]{1,10})?\.(png|jpg|webp)$/;

export function isValidMediaKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** The content type a key's extension stands for; keys are validated first. */
export function contentTypeForKey(key: string): MediaContentType {
  const ext = key.slice(key.lastIndexOf(".") + 1) as MediaExtension;
  return contentTypeByExtension[ext];
}

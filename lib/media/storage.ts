import type { MediaContentType } from "./keys";
import { contentTypeForKey, isValidMediaKey } from "./keys";

export type StoredMedia = {
  body: ReadableStream<Uint8Array> | Uint8Array;
  contentType: string;
  /** Size in bytes. */
  bytes: number;
};

/** Where generated images live: keys come from storageKeyFor / thumbnailKeyFor. */
export interface MediaStorage {
  put(key: string, bytes: Uint8Array, contentType: MediaContentType): Promise<void>;
  /** null when nothing is stored under the key. */
  get(key: string): Promise<StoredMedia | null>;
  /** Deleting a missing key is not an error: deletes are retried by housekeeping. */
  delete(key: string): Promise<void>;
  /** Every stored key with when it was last written, in no particular order. */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

export class InvalidMediaKeyError extends Error {
  constructor(readonly key: string) {
    super(`not a media storage key: ${JSON.stringify(key.slice(0, 200))}`);
    this.name = "InvalidMediaKeyError";
  }
}

/** Throws unless `key` is a well-formed media key, and `contentType` (when given) matches its extension. */
export function assertMediaKey(key: string, contentType?: string): void {
  if (!isValidMediaKey(key)) throw new InvalidMediaKeyError(key);
  if (contentType !== undefined && contentType !== contentTypeForKey(key)) {
    throw new Error(`content type ${contentType} does not match the key ${key}`);
  }
}

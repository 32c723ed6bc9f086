import "server-only";
import { thumbnail } from "./image";
import type { MediaStorage, StoredMedia } from "./storage";

/** A stored file's bytes, whether the storage handed back a buffer or a stream. */
export async function readAll(stored: StoredMedia): Promise<Uint8Array> {
  return stored.body instanceof Uint8Array ? stored.body : new Uint8Array(await new Response(stored.body).arrayBuffer());
}

/**
 * An image's thumbnail, made from the original and stored the first time it is asked for. A task
 * stores only its originals, so that resizing stays off the path from the upstream's answer to
 * `success` (most API images are never seen as thumbnails); two first requests at once both write
 * the same bytes.
 */
export async function readThumbnail(storage: MediaStorage, keys: { storageKey: string; thumbKey: string }): Promise<StoredMedia | null> {
  const stored = await storage.get(keys.thumbKey);
  if (stored) return stored;
  const original = await storage.get(keys.storageKey);
  if (!original) return null;
  const bytes = await thumbnail(await readAll(original));
  await storage.put(keys.thumbKey, bytes, "image/webp");
  return { body: bytes, contentType: "image/webp", bytes: bytes.byteLength };
}

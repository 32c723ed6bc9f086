import "server-only";
import { mediaStorage } from "./configured";
import { isValidDownloadSignature } from "./links";
import { findServableMedia, parseMediaFileName } from "./lookup";
import { readThumbnail } from "./thumbnails";

/** Pinned examples never expire; a year is as long as caches are asked to keep anything. */
const EXAMPLE_MAX_AGE_SEC = 365 * 24 * 3600;

const notFound = () =>
  new Response("Not found: this image does not exist or has expired.", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * A stored image or its thumbnail. Ids are unguessable and the bytes behind one never change, so
 * it is cacheable for as long as it is kept; `?download=1` needs a signature from download-url.
 */
export async function serveMedia(fileName: string, search: URLSearchParams): Promise<Response> {
  const name = parseMediaFileName(fileName);
  if (!name) return notFound();
  const media = await findServableMedia(name.mediaId);
  if (!media) return notFound();
  const key = name.thumbnail ? media.thumbKey : media.storageKey;
  if (!key.endsWith(`.${name.ext}`)) return notFound();
  const download = search.get("download") === "1";
  if (download && !isValidDownloadSignature(media.id, search.get("exp"), search.get("sig"))) {
    return new Response("This download link has expired; ask /api/v1/common/download-url for a new one.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const stored = name.thumbnail ? await readThumbnail(mediaStorage(), media) : await mediaStorage().get(key);
  if (!stored) return notFound();
  const maxAge = media.expiresAt ? Math.max(0, Math.floor((media.expiresAt.getTime() - Date.now()) / 1000)) : EXAMPLE_MAX_AGE_SEC;
  return new Response(stored.body as BodyInit, {
    headers: {
      "content-type": stored.contentType,
      "content-length": String(stored.bytes),
      "cache-control": download ? "private, no-store" : `public, max-age=${maxAge}, immutable`,
      "x-content-type-options": "nosniff",
      ...(download ? { "content-disposition": `attachment; filename="${fileName}"` } : {}),
    },
  });
}

import "server-only";
import { env } from "@/lib/env";
import { extensionFor, inspectImage, newMediaId, storageKeyFor, thumbnailKeyFor, UnsupportedImageError } from "@/lib/media";
import { mediaStorage } from "@/lib/media/configured";
import type { UpstreamImage } from "@/lib/providers/types";
import type { MediaRecord } from "./transitions";

const DOWNLOAD_TIMEOUT_MS = 60_000;
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/** Why results could not be copied: `permanent` when asking again cannot help (the URL expired). */
export class CopyError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "CopyError";
  }
}

async function download(url: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    throw new CopyError(`could not download the result: ${(error as Error).message}`, false);
  }
  if (!res.ok) {
    // Signed upstream URLs answer 403/404/410 once they lapse: the image is gone for good.
    throw new CopyError(`the upstream's result URL answered ${res.status}`, [401, 403, 404, 410].includes(res.status));
  }
  const declared = Number(res.headers.get("content-length"));
  if (declared > MAX_IMAGE_BYTES) throw new CopyError("the result image is larger than 64 MiB", true);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new CopyError("the result image is larger than 64 MiB", true);
  return bytes;
}

function bytesOf(image: UpstreamImage): Promise<Uint8Array> {
  if ("url" in image) return download(image.url);
  return Promise.resolve(new Uint8Array(Buffer.from(image.base64, "base64")));
}

/** One image into storage; its thumbnail is made when first asked for (lib/media/thumbnails.ts). */
async function copyOne(image: UpstreamImage, position: number, expiresAt: Date, stored: MediaRecord[]): Promise<void> {
  const bytes = await bytesOf(image);
  const info = await inspectImage(bytes).catch((error: unknown) => {
    if (error instanceof UnsupportedImageError) throw new CopyError(`the upstream returned ${error.message}`, true);
    throw error;
  });
  const id = newMediaId();
  const record: MediaRecord = {
    id,
    position,
    storageKey: storageKeyFor(id, extensionFor(info.contentType)),
    thumbKey: thumbnailKeyFor(id),
    contentType: info.contentType,
    width: info.width,
    height: info.height,
    bytes: info.bytes,
    expiresAt,
  };
  // Listed before writing, so that a failure anywhere discards whatever part of it was written.
  stored.push(record);
  await mediaStorage().put(record.storageKey, bytes, info.contentType);
}

/**
 * Copies every result image into our media storage, before the upstream's URL
 * lapses; the images of one task side by side, since the task waits for the last. On failure
 * nothing stays behind. The caller deletes the copies if its transition loses.
 */
export async function copyResults(images: UpstreamImage[]): Promise<MediaRecord[]> {
  if (images.length === 0) throw new CopyError("the upstream reported success without any image", true);
  const stored: MediaRecord[] = [];
  const expiresAt = new Date(Date.now() + env.MEDIA_RETENTION_DAYS * 86_400_000);
  const copies = await Promise.allSettled(images.map((image, position) => copyOne(image, position, expiresAt, stored)));
  const failed = copies.find((c) => c.status === "rejected");
  if (failed) {
    await discardCopies(stored);
    throw failed.reason;
  }
  return stored.sort((a, b) => a.position - b.position);
}

export async function discardCopies(media: Pick<MediaRecord, "storageKey" | "thumbKey">[]): Promise<void> {
  const storage = mediaStorage();
  await Promise.all(media.flatMap((m) => [storage.delete(m.storageKey), storage.delete(m.thumbKey)]).map((p) => p.catch(() => {})));
}

import "server-only";
import { db } from "@/lib/db";

const FILE_PATTERN = /^(med_[0-9a-z]{24})(\.thumb)?\.(png|jpg|webp)$/;

/** `med_….png` or `med_….thumb.webp` as served under /media; null for anything else. */
export function parseMediaFileName(name: string): { mediaId: string; thumbnail: boolean; ext: string } | null {
  const match = FILE_PATTERN.exec(name);
  const [, mediaId, thumb, ext] = match ?? [];
  if (!mediaId || !ext) return null;
  return { mediaId, thumbnail: Boolean(thumb), ext };
}

/** A stored image that has not expired. */
export async function findLiveMedia(mediaId: string, now = new Date()) {
  const media = await db.media.findUnique({ where: { id: mediaId } });
  return media && media.expiresAt > now ? media : null;
}

/**
 * What /media serves under an id: a result image that has not expired, or a variant's pinned
 * example copy (lib/catalog/examples.ts), which never expires (`expiresAt` null).
 */
export async function findServableMedia(
  mediaId: string,
  now = new Date(),
): Promise<{ id: string; storageKey: string; thumbKey: string; expiresAt: Date | null } | null> {
  const media = await findLiveMedia(mediaId, now);
  if (media) return media;
  const example = await db.variantExample.findUnique({ where: { mediaId }, select: { storageKey: true, thumbKey: true } });
  return example && { id: mediaId, ...example, expiresAt: null };
}

/** An image by its URL under /media, if it belongs to the account. */
export async function findAccountMediaByUrl(accountId: string, url: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const name = parsed.pathname.startsWith("/media/") ? parseMediaFileName(parsed.pathname.slice("/media/".length)) : null;
  if (!name) return null;
  const media = await findLiveMedia(name.mediaId);
  return media && media.accountId === accountId ? media : null;
}

import "server-only";
import { mediaStorage } from "@/lib/media/configured";
import { findLiveMedia, parseMediaFileName } from "@/lib/media/lookup";
import { composePreview } from "./preview";
import { getSharedRun } from "./share";

/** Share ids are `shr_` + 20 characters; anything much longer is not one and needs no query. */
const MAX_SHARE_ID_LENGTH = 64;

/** The original bytes behind one of our /media URLs, read from storage (never over HTTP); null when gone. */
async function mediaBytes(url: string): Promise<Uint8Array | null> {
  const name = parseMediaFileName(new URL(url).pathname.split("/").at(-1) ?? "");
  if (!name || name.thumbnail) return null;
  const media = await findLiveMedia(name.mediaId);
  const stored = media && (await mediaStorage().get(media.storageKey));
  if (!stored) return null;
  return stored.body instanceof Uint8Array ? stored.body : new Uint8Array(await new Response(stored.body as BodyInit).arrayBuffer());
}

/** The social preview PNG of a shared run: each pane's first image side by side; null for an unknown or unshared link. */
export async function sharedRunPreview(shareId: string, baseUrl: string): Promise<Uint8Array | null> {
  if (shareId.length > MAX_SHARE_ID_LENGTH) return null;
  const run = await getSharedRun(shareId, baseUrl);
  if (!run) return null;
  const urls = run.panes.flatMap((p) => (p.state === "success" && p.images[0] ? [p.images[0].url] : []));
  const images = await Promise.all(urls.map(mediaBytes));
  return composePreview(images.filter((b): b is Uint8Array => b !== null));
}

import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/config";

/** How long a download URL from /common/download-url stays valid. */
export const DOWNLOAD_URL_TTL_SEC = 20 * 60;

function signature(mediaId: string, exp: number): string {
  return createHmac("sha256", authSecret()).update(`media-download:${mediaId}:${exp}`).digest("base64url");
}

/** A URL that downloads a stored image as an attachment until it expires. */
export function signedDownloadUrl(baseUrl: string, mediaId: string, ext: string, now = Date.now()): { url: string; expiresAt: number } {
  const exp = Math.floor(now / 1000) + DOWNLOAD_URL_TTL_SEC;
  return { url: `${baseUrl}/media/${mediaId}.${ext}?download=1&exp=${exp}&sig=${signature(mediaId, exp)}`, expiresAt: exp * 1000 };
}

export function isValidDownloadSignature(mediaId: string, exp: string | null, sig: string | null, now = Date.now()): boolean {
  const expiry = Number(exp);
  if (!exp || !sig || !Number.isSafeInteger(expiry) || expiry * 1000 < now) return false;
  const expected = Buffer.from(signature(mediaId, expiry));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

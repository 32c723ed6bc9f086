import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { env, publicUrl } from "@/lib/env";
import { safeFetch } from "@/lib/webhooks";

const PUBLIC_DIR = path.resolve("public");
const staticTypes: Record<string, string> = { ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp" };

/** This server's own origins: where the site's sample input image is linked from. */
function isOwnOrigin(url: URL): boolean {
  return [new URL(publicUrl).origin, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`].includes(url.origin);
}

/**
 * An image in public/ linked by its URL on this server (the code samples' input image): read from
 * disk, since the SSRF guard rightly refuses this server's loopback address. Null for anything else.
 */
async function ownStaticImage(raw: string): Promise<Response | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!isOwnOrigin(url)) return null;
  const file = path.resolve(PUBLIC_DIR, `.${decodeURIComponent(url.pathname)}`);
  const type = staticTypes[path.extname(file).toLowerCase()];
  if (!type || !file.startsWith(`${PUBLIC_DIR}${path.sep}`)) return null;
  const bytes = await readFile(file).catch(() => null);
  return bytes ? new Response(new Uint8Array(bytes), { headers: { "content-type": type } }) : null;
}

/**
 * How adapters fetch input images a client chose (OpenAI edits need the bytes): inline data URLs
 * and this server's own static images are read locally; any other URL goes through the SSRF
 * guard, like a callback would.
 */
export const fetchInputImage: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.startsWith("data:")) return fetch(url, init);
  const own = await ownStaticImage(url).catch(() => null);
  if (own) return own;
  return safeFetch(url, { ...(init as object), redirect: "manual", allowLoopback: env.CALLBACKS_ALLOW_LOOPBACK }) as unknown as Promise<Response>;
};

import "server-only";
import { env } from "@/lib/env";
import { safeFetch } from "@/lib/webhooks";

/**
 * How adapters fetch input images a client chose (OpenAI edits need the bytes): inline data URLs
 * are read locally; any other URL goes through the SSRF guard, like a callback would.
 */
export const fetchInputImage: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.startsWith("data:")) return fetch(url, init);
  return safeFetch(url, { ...(init as object), redirect: "manual", allowLoopback: env.CALLBACKS_ALLOW_LOOPBACK }) as unknown as Promise<Response>;
};

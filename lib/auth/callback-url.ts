export const DEFAULT_CALLBACK_URL = "/dashboard";

const authPages = new Set(["/sign-in", "/sign-up"]);

/**
 * Where to send someone after sign-in: a same-origin path (with its query) or the dashboard.
 * Absolute URLs, protocol-relative `//host` and `/\host` (which browsers read as `//host`) are
 * refused, so a crafted link cannot bounce a fresh session to another site. The check runs again
 * on the normalised path: `/.//evil.com`, `/a/..//evil.com` and `/a/%2e%2e//evil.com` all
 * normalise to `//evil.com`.
 */
export function safeCallbackUrl(raw: string | string[] | null | undefined): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) {
    return DEFAULT_CALLBACK_URL;
  }
  const base = "http://callback.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return DEFAULT_CALLBACK_URL;
  }
  if (url.origin !== base || url.pathname.startsWith("//") || authPages.has(url.pathname)) return DEFAULT_CALLBACK_URL;
  return `${url.pathname}${url.search}${url.hash}`;
}

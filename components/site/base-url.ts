/** A host as a browser sends it: a DNS name or IP literal and an optional port, nothing else. */
const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The first entry of a header a chain of proxies may have appended to ("https, http"). */
function firstValue(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}

/**
 * The origin a visitor reached this page at, for code samples they will paste: PUBLIC_URL when the
 * operator set one, else the forwarded or direct Host with the forwarded protocol. Hosts are
 * checked because they end up inside shell commands; anything odd falls back to `fallbackUrl`.
 */
export function baseUrlFromHeaders(headers: Headers, publicUrl: string | undefined, fallbackUrl: string): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, "");
  const host = [firstValue(headers.get("x-forwarded-host")), headers.get("host")?.trim()].find(
    (candidate) => candidate !== undefined && hostPattern.test(candidate),
  );
  if (!host) return fallbackUrl.replace(/\/+$/, "");
  const proto = firstValue(headers.get("x-forwarded-proto"))?.toLowerCase() === "https" ? "https" : "http";
  return `${proto}://${host.toLowerCase()}`;
}

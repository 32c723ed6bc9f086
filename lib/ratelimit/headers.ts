import type { RateLimitResult } from "./consume";

/** The IETF draft's RateLimit-* fields (Reset in seconds from now), plus Retry-After on a refusal. */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(Math.ceil(result.resetMs / 1000)),
  };
  if (!result.allowed) headers["Retry-After"] = String(result.retryAfterSec);
  return headers;
}

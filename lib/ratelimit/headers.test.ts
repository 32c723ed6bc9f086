import { describe, expect, it } from "vitest";
import { rateLimitHeaders } from "./headers";

describe("rateLimitHeaders", () => {
  it("reports the window on an allowed request, without Retry-After", () => {
    expect(rateLimitHeaders({ allowed: true, limit: 20, remaining: 19, resetMs: 9_001, retryAfterSec: 0 })).toEqual({
      "RateLimit-Limit": "20",
      "RateLimit-Remaining": "19",
      "RateLimit-Reset": "10",
    });
  });

  it("adds Retry-After on a refusal", () => {
    expect(rateLimitHeaders({ allowed: false, limit: 20, remaining: 0, resetMs: 4_200, retryAfterSec: 5 })).toEqual({
      "RateLimit-Limit": "20",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "5",
      "Retry-After": "5",
    });
  });
});

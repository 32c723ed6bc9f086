import { describe, expect, it } from "vitest";
import { keyStatus } from "./view";

const now = Date.UTC(2026, 10, 21, 12);
const at = (offsetMs: number) => new Date(now + offsetMs);
const day = 24 * 60 * 60 * 1000;

describe("keyStatus", () => {
  it.each([
    [{ expiresAt: null, revokedAt: null }, "active"],
    [{ expiresAt: at(30 * day), revokedAt: null }, "active"],
    [{ expiresAt: at(7 * day), revokedAt: null }, "expiring"],
    [{ expiresAt: at(1), revokedAt: null }, "expiring"],
    [{ expiresAt: at(0), revokedAt: null }, "expired"],
    [{ expiresAt: at(-day), revokedAt: null }, "expired"],
    [{ expiresAt: null, revokedAt: at(-day) }, "revoked"],
    [{ expiresAt: at(-day), revokedAt: at(-2 * day) }, "revoked"],
  ] as const)("%j is %s", (key, status) => {
    expect(keyStatus(key, now)).toBe(status);
  });
});

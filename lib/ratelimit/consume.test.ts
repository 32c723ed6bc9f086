import { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRateLimitStore } from "./consume";

const window = { points: 20, durationSec: 10 };

async function spend(store: ReturnType<typeof createRateLimitStore>, key: string, times: number) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await store.consume("key", key, window));
  return results;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("consume (in memory)", () => {
  it("allows 20 requests per 10 s, refuses the 21st with a retry time, and leaves other keys alone", async () => {
    const store = createRateLimitStore({ redis: null });
    const results = await spend(store, "key_a", 21);
    expect(results.slice(0, 20).every((r) => r.allowed)).toBe(true);
    expect(results[0]).toMatchObject({ allowed: true, limit: 20, remaining: 19, retryAfterSec: 0 });
    expect(results[19]).toMatchObject({ allowed: true, remaining: 0 });
    const refused = results[20]!;
    expect(refused).toMatchObject({ allowed: false, limit: 20, remaining: 0 });
    expect(refused.retryAfterSec).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSec).toBeLessThanOrEqual(10);
    expect(refused.resetMs).toBeLessThanOrEqual(10_000);

    expect(await store.consume("key", "key_b", window)).toMatchObject({ allowed: true, remaining: 19 });
    expect(await store.consume("signin", "key_a", window)).toMatchObject({ allowed: true, remaining: 19 });
  });

  it("opens a new window once the old one has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const store = createRateLimitStore({ redis: null });
    await spend(store, "key_a", 20);
    expect((await store.consume("key", "key_a", window)).allowed).toBe(false);
    vi.setSystemTime(Date.now() + 10_001);
    expect(await store.consume("key", "key_a", window)).toMatchObject({ allowed: true, remaining: 19 });
  });

  it("counts a key's windows of different sizes apart", async () => {
    const store = createRateLimitStore({ redis: null });
    await spend(store, "key_a", 20);
    expect(await store.consume("key", "key_a", { points: 50, durationSec: 10 })).toMatchObject({ allowed: true, limit: 50 });
  });
});

describe("consume (Redis down)", () => {
  it("falls back to the in-memory insurance limiter and still limits", async () => {
    const redis = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
    redis.on("error", () => {});
    try {
      const store = createRateLimitStore({ redis });
      const results = await spend(store, "key_a", 21);
      expect(results.slice(0, 20).every((r) => r.allowed)).toBe(true);
      expect(results[20]).toMatchObject({ allowed: false, remaining: 0 });
    } finally {
      redis.disconnect();
    }
  });
});

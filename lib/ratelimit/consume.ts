import "server-only";
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
  /** 0 when allowed. */
  retryAfterSec: number;
};

export type ConsumeOptions = { points: number; durationSec: number };

export type RateLimitStore = {
  consume(bucket: string, key: string, opts: ConsumeOptions): Promise<RateLimitResult>;
  /** Points taken from `key`'s current window, without taking one. */
  peek(bucket: string, key: string, opts: ConsumeOptions): Promise<number>;
  /** Forgets `key`'s window. */
  reset(bucket: string, key: string, opts: ConsumeOptions): Promise<void>;
  /** Gives back one point taken from `key`'s current window. */
  refund(bucket: string, key: string, opts: ConsumeOptions): Promise<void>;
};

const REDIS_ERROR_LOG_EVERY_MS = 60_000;

export function connectRedis(url: string): Redis {
  // No offline queue and no retries per command: while Redis is down a request fails at once and
  // the in-memory insurance limiter answers, instead of the request waiting on a reconnect.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  let loggedAt = -Infinity;
  redis.on("error", (error: Error) => {
    if (Date.now() - loggedAt < REDIS_ERROR_LOG_EVERY_MS) return;
    loggedAt = Date.now();
    console.error(`[ratelimit] Redis unavailable, counting in memory on this instance: ${error.message}`);
  });
  return redis;
}

/**
 * Limiters per (bucket, points, duration), in memory or in Redis. With Redis, each one has an
 * in-memory insurance limiter: a Redis outage loosens limits to per-instance ones rather than
 * failing requests (money limits never depend on this store: they live in Postgres).
 */
export function createRateLimitStore({ redis }: { redis: Redis | null }): RateLimitStore {
  const limiters = new Map<string, RateLimiterAbstract>();

  function limiter(bucket: string, { points, durationSec }: ConsumeOptions): RateLimiterAbstract {
    const id = `${bucket}:${points}:${durationSec}`;
    let found = limiters.get(id);
    if (!found) {
      const options = { keyPrefix: `lg:rl:${id}`, points, duration: durationSec };
      found = redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: redis,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      limiters.set(id, found);
    }
    return found;
  }

  return {
    async consume(bucket, key, opts) {
      let res: RateLimiterRes;
      let allowed = true;
      try {
        res = await limiter(bucket, opts).consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        res = rejection;
        allowed = false;
      }
      const resetMs = Math.max(0, res.msBeforeNext);
      return {
        allowed,
        limit: opts.points,
        remaining: res.remainingPoints,
        resetMs,
        retryAfterSec: allowed ? 0 : Math.max(1, Math.ceil(resetMs / 1000)),
      };
    },
    async peek(bucket, key, opts) {
      return (await limiter(bucket, opts).get(key))?.consumedPoints ?? 0;
    },
    async reset(bucket, key, opts) {
      await limiter(bucket, opts).delete(key);
    },
    async refund(bucket, key, opts) {
      await limiter(bucket, opts).reward(key, 1);
    },
  };
}

const globalForRateLimit = globalThis as unknown as { lumigateRateLimit?: RateLimitStore };

function defaultStore(): RateLimitStore {
  return (globalForRateLimit.lumigateRateLimit ??= createRateLimitStore({
    redis: env.REDIS_URL ? connectRedis(env.REDIS_URL) : null,
  }));
}

/** Takes `1` point from `key`'s window in `bucket`; `allowed` is false once the window's points are spent. */
export function consume(bucket: string, key: string, opts: ConsumeOptions): Promise<RateLimitResult> {
  return defaultStore().consume(bucket, key, opts);
}

export function peek(bucket: string, key: string, opts: ConsumeOptions): Promise<number> {
  return defaultStore().peek(bucket, key, opts);
}

export function resetLimit(bucket: string, key: string, opts: ConsumeOptions): Promise<void> {
  return defaultStore().reset(bucket, key, opts);
}

export function refund(bucket: string, key: string, opts: ConsumeOptions): Promise<void> {
  return defaultStore().refund(bucket, key, opts);
}

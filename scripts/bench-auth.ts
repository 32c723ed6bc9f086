// npm run bench:auth: the cost of the public API's hot path before any handler runs, key
// verification plus the per-key rate-limit check, against a real (embedded) PostgreSQL.
import { once } from "node:events";
import { rm } from "node:fs/promises";
import path from "node:path";
import { disconnectDb, db, setDatabaseUrl } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { createKey, verifyKey } from "@/lib/keys";
import { hashKey } from "@/lib/keys/format";
import { forgetKey } from "@/lib/keys/verify";
import { connectRedis, createRateLimitStore } from "@/lib/ratelimit/consume";

const N = 20_000;
const WARMUP = 1_000;
// Large enough that every call is allowed: the refusal path costs the same and would only add noise.
const window = { points: 10 * (N + WARMUP), durationSec: 10 };

type Stats = { median: number; p99: number; mean: number };

async function measure(call: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await call();
  const micros = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const start = process.hrtime.bigint();
    await call();
    micros[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  micros.sort();
  const at = (q: number) => micros[Math.min(N - 1, Math.floor(q * N))]!;
  return { median: at(0.5), p99: at(0.99), mean: micros.reduce((a, b) => a + b, 0) / N };
}

// Its own store rather than the app's, so that Redis (when REDIS_URL is set) is connected before
// timing starts: a loop of cache hits never yields to the event loop for the connection to open.
const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : null;
if (redis) await once(redis, "ready");
const { consume } = createRateLimitStore({ redis });

const dataDir = path.join(env.DATA_DIR, "bench", String(process.pid));
const server = await startEmbeddedPostgres({ dataDir, database: "lumigate_bench" });
try {
  await prepareDatabase(server.url);
  setDatabaseUrl(server.url);
  const accountId = newId("acct");
  await db.account.create({ data: { id: accountId, name: "bench" } });
  const { key } = await createKey({ accountId, name: "bench", mode: "live", scopes: ["generate", "read"] });
  const hash = hashKey(key);

  const hotPath = async () => {
    const ctx = await verifyKey(key);
    await consume("bench", ctx.keyId, window);
  };
  const cases: [string, () => Promise<unknown>][] = [
    ["verify + rate limit, cache warm", hotPath],
    [
      "verify + rate limit, cache cold (1 DB query)",
      () => {
        forgetKey(hash);
        return hotPath();
      },
    ],
    ["verify only, cache warm", () => verifyKey(key)],
    ["rate limit only", () => consume("bench-only", accountId, window)],
  ];

  console.log(`bench-auth: N=${N} calls per case after ${WARMUP} warm-up calls; Node ${process.version}, embedded PostgreSQL, rate limits in ${redis ? "Redis" : "memory"}`);
  console.log(`${"case".padEnd(46)}${"median µs".padStart(11)}${"p99 µs".padStart(10)}${"mean µs".padStart(10)}`);
  for (const [name, call] of cases) {
    const { median, p99, mean } = await measure(call);
    console.log(`${name.padEnd(46)}${median.toFixed(1).padStart(11)}${p99.toFixed(1).padStart(10)}${mean.toFixed(1).padStart(10)}`);
  }
} finally {
  redis?.disconnect();
  await disconnectDb();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}

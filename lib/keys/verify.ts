import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashKey, type KeyMode, parseKey } from "./format";
import { DEFAULT_RATE_PER_10S } from "./limits";
import type { KeyScope } from "./schemas";

export type KeyContext = {
  keyId: string;
  accountId: string;
  mode: KeyMode;
  scopes: KeyScope[];
  ratePer10s: number;
  dailyCapMicros: number | null;
};

type KeyRecord = {
  context: KeyContext;
  expiresAtMs: number | null;
  isRevoked: boolean;
  isFrozen: boolean;
};

type CacheEntry = { record: Promise<KeyRecord | null>; expiresAt: number };

// Revocation must reach every instance within 10 s (RELIABILITY.md §4), so nothing is trusted
// for longer than 5 s. Unknown keys are remembered for less: only a typo or an attacker sends them.
const FOUND_TTL_MS = 5_000;
const UNKNOWN_TTL_MS = 2_000;
const MAX_CACHED = 10_000;
// lastUsedAt is for people reading the dashboard: minute precision is plenty.
const TOUCH_EVERY_MS = 60_000;

// On globalThis so that route handlers and server actions share one cache even when the bundler
// gives them separate module instances, and so dev reloads do not leak old ones.
type KeyState = { cache: Map<string, CacheEntry>; touchedAt: Map<string, number> };
const globalForKeys = globalThis as unknown as { lumigateKeyState?: KeyState };
const state = (globalForKeys.lumigateKeyState ??= { cache: new Map(), touchedAt: new Map() });

type KeyRow = {
  id: string;
  accountId: string;
  mode: KeyMode;
  scopes: KeyScope[];
  ratePer10s: number | null;
  dailyCapMicros: bigint | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  frozenAt: Date | null;
};

// One round trip with the join written out: Prisma's relation select issues a second query.
async function load(hash: string): Promise<KeyRecord | null> {
  const [row] = await db.$queryRaw<KeyRow[]>`
    SELECT k.id, k."accountId", k.mode::text AS mode, k.scopes, k."ratePer10s", k."dailyCapMicros",
           k."expiresAt", k."revokedAt", a."frozenAt"
    FROM "ApiKey" k JOIN "Account" a ON a.id = k."accountId"
    WHERE k.hash = ${hash}`;
  if (!row) return null;
  return {
    context: Object.freeze({
      keyId: row.id,
      accountId: row.accountId,
      mode: row.mode,
      scopes: Object.freeze(row.scopes) as KeyScope[],
      ratePer10s: row.ratePer10s ?? DEFAULT_RATE_PER_10S,
      dailyCapMicros: row.dailyCapMicros === null ? null : Number(row.dailyCapMicros),
    }),
    expiresAtMs: row.expiresAt?.getTime() ?? null,
    isRevoked: row.revokedAt !== null,
    isFrozen: row.frozenAt !== null,
  };
}

// The entry holds the promise, so concurrent requests with a cold key share one database query.
function lookup(hash: string, now: number): Promise<KeyRecord | null> {
  const hit = state.cache.get(hash);
  if (hit && hit.expiresAt > now) return hit.record;
  state.cache.delete(hash);
  if (state.cache.size >= MAX_CACHED) {
    const oldest = state.cache.keys().next().value;
    if (oldest !== undefined) state.cache.delete(oldest);
  }
  const entry: CacheEntry = { record: load(hash), expiresAt: now + FOUND_TTL_MS };
  state.cache.set(hash, entry);
  entry.record.then(
    (record) => {
      if (!record) entry.expiresAt = Math.min(entry.expiresAt, now + UNKNOWN_TTL_MS);
    },
    () => {
      if (state.cache.get(hash) === entry) state.cache.delete(hash);
    },
  );
  return entry.record;
}

/** Drops a key from this instance's cache, so that its own revocation applies here at once. */
export function forgetKey(hash: string): void {
  state.cache.delete(hash);
}

/**
 * Drops every key of an account from this instance's cache, so that freezing or unfreezing it
 * applies here at once; other instances see it within FOUND_TTL_MS, as with a revocation.
 */
export async function forgetAccountKeys(accountId: string): Promise<void> {
  const keys = await db.apiKey.findMany({ where: { accountId }, select: { hash: true } });
  for (const { hash } of keys) forgetKey(hash);
}

function touch(keyId: string, now: number): void {
  const last = state.touchedAt.get(keyId);
  if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
  if (state.touchedAt.size >= MAX_CACHED) {
    for (const [id, at] of state.touchedAt) if (now - at >= TOUCH_EVERY_MS) state.touchedAt.delete(id);
  }
  state.touchedAt.set(keyId, now);
  db.apiKey
    .updateMany({ where: { id: keyId }, data: { lastUsedAt: new Date(now) } })
    .catch((error: unknown) => console.error(`[keys] could not record the last use of ${keyId}`, error));
}

const unauthorized = (message: string) => new AppError("unauthorized", message);

/**
 * The key's account, mode, scopes and limits. Malformed, unknown, revoked and expired keys are
 * 401. A frozen account's live keys are 403 (forbidden): the key is genuine, and a 401 would send
 * its owner looking for a typo instead of at the open payment dispute.
 */
export async function verifyKey(rawKey: string, options: { unverified?: () => Promise<void> } = {}): Promise<KeyContext> {
  const now = Date.now();
  const hash = hashKey(rawKey);
  // Keys this instance verified lately skip the caller's check; any other (malformed ones too) runs it.
  if (options.unverified && !((state.cache.get(hash)?.expiresAt ?? 0) > now)) await options.unverified();
  if (!parseKey(rawKey)) {
    throw unauthorized(
      "Malformed API key: keys are lg_live_ or lg_test_ followed by 38 letters and digits. Check for a typo or a truncated copy.",
    );
  }
  const record = await lookup(hash, now);
  if (!record) throw unauthorized("Invalid API key.");
  if (record.isRevoked) throw unauthorized("This API key has been revoked.");
  if (record.expiresAtMs !== null && record.expiresAtMs <= now) throw unauthorized("This API key has expired.");
  // Test keys spend no money, so a dispute leaves them working: integrations can still be debugged.
  if (record.isFrozen && record.context.mode === "live") {
    throw new AppError(
      "forbidden",
      "Payments on this account are disputed; live keys are frozen until the dispute is resolved.",
    );
  }
  touch(record.context.keyId, now);
  return record.context;
}

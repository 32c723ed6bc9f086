import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { AppError, type AppErrorOptions, type ErrorCode } from "@/lib/errors";

/** Stripe's window: a retry within 24 h replays the first result. */
const TTL_HOURS = 24;
/** A claim still pending after this is a request that died mid-way: the same request may run again. */
const STALE_PENDING_SEC = 60;
const MAX_KEY_LENGTH = 255;

/** The Idempotency-Key header (after trimming), as checked here and as the OpenAPI document states it. */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(MAX_KEY_LENGTH)
  .regex(/^[\x21-\x7e]+$/)
  .meta({ description: "Replays the first answer for 24 h; the same key with another body is a 422." });

export type IdempotencyClaim = { accountId: string; key: string };

/** What a replay answers with: the first request's data, or its (client) error. */
export type StoredResult =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: ErrorCode; message: string; options: AppErrorOptions } };

export function requestHash(method: string, pathAndQuery: string, body: Uint8Array): string {
  return createHash("sha256").update(`${method} ${pathAndQuery}\n`).update(body).digest("hex");
}

export function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  const key = header.trim();
  if (!idempotencyKeySchema.safeParse(key).success) {
    throw new AppError("bad_request", `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters.`, {
      param: "Idempotency-Key",
    });
  }
  return key;
}

/**
 * Claims a key for this request, or finds the first request's result. One INSERT ... ON CONFLICT
 * decides between concurrent retries: only one of them runs, the others see it pending (409) or
 * done (replay). An expired row, or a pending one whose request died, is taken over.
 */
export async function claimIdempotencyKey(input: {
  accountId: string;
  key: string;
  requestHash: string;
}): Promise<{ kind: "new"; claim: IdempotencyClaim } | { kind: "replay"; result: StoredResult }> {
  const { accountId, key, requestHash: hash } = input;
  const claimed = await db.$executeRaw`
    INSERT INTO "IdempotencyKey" ("accountId", "key", "requestHash", "state", "lockedAt", "expiresAt")
    VALUES (${accountId}, ${key}, ${hash}, 'pending', now(), now() + make_interval(hours => ${TTL_HOURS}))
    ON CONFLICT ("accountId", "key") DO UPDATE
      SET "requestHash" = EXCLUDED."requestHash", "state" = 'pending', "response" = NULL,
          "lockedAt" = now(), "expiresAt" = EXCLUDED."expiresAt"
      WHERE "IdempotencyKey"."expiresAt" < now()
         OR ("IdempotencyKey"."state" = 'pending' AND "IdempotencyKey"."requestHash" = EXCLUDED."requestHash"
             AND "IdempotencyKey"."lockedAt" < now() - make_interval(secs => ${STALE_PENDING_SEC}))`;
  if (claimed === 1) return { kind: "new", claim: { accountId, key } };

  const existing = await db.idempotencyKey.findUnique({ where: { accountId_key: { accountId, key } } });
  if (!existing) return claimIdempotencyKey(input);
  if (existing.requestHash !== hash) {
    throw new AppError(
      "idempotency_mismatch",
      "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
      { param: "Idempotency-Key" },
    );
  }
  if (existing.state === "pending") {
    throw new AppError("idempotency_in_progress", "A request with this Idempotency-Key is still being processed; retry shortly.", {
      param: "Idempotency-Key",
      retryAfterSec: 1,
    });
  }
  return { kind: "replay", result: existing.response as StoredResult };
}

/**
 * Records the result of a claimed request, once: lumigate_create_task already records its own in
 * the statement that creates the task, and then this changes nothing.
 */
export async function completeIdempotencyKey(claim: IdempotencyClaim, result: StoredResult): Promise<void> {
  await db.idempotencyKey.updateMany({
    where: { accountId: claim.accountId, key: claim.key, state: "pending" },
    data: { state: "done", response: result as Prisma.InputJsonValue },
  });
}

/** Frees a claim whose request failed on our side, so that a retry runs it again. */
export async function abandonIdempotencyKey(claim: IdempotencyClaim): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { accountId: claim.accountId, key: claim.key, state: "pending" } });
}

/** Housekeeping: rows past their 24 h. */
export async function deleteExpiredIdempotencyKeys(): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}

import "server-only";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { generateKey, hashKey, keyStart } from "./format";
import { keyNotFound } from "./list";
import { rolledName } from "./rolled-name";
import { rollGraceDays } from "./schemas";
import { forgetKey } from "./verify";
import { type KeyView, keyViewSelect, toKeyView } from "./view";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Replaces a key's secret: a new key with the same settings and a distinct name, while the old
 * one keeps working for `graceDays` (0 revokes it now) so deployments can switch over without downtime.
 */
export async function rollKey(
  accountId: string,
  keyId: string,
  graceDays: number,
): Promise<{ key: string; record: KeyView }> {
  const grace = rollGraceDays.safeParse(graceDays);
  if (!grace.success) throw validationError(grace.error);
  const now = new Date();
  const graceEnd = new Date(now.getTime() + grace.data * DAY_MS);

  const { rolled, oldHash } = await db.$transaction(async (tx) => {
    const old = await tx.apiKey.findFirst({
      where: { id: keyId, accountId },
      select: { ...keyViewSelect, hash: true },
    });
    if (!old) throw keyNotFound(keyId);
    // The conditional update also locks the row: a concurrent roll of the same key waits here and
    // then sees this roll's successor below.
    const claimed = await tx.apiKey.updateMany({
      where: { id: keyId, accountId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data:
        grace.data === 0
          ? { revokedAt: now }
          : { expiresAt: old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd },
    });
    if (claimed.count === 0) {
      throw new AppError("validation_error", "Only an active key can be rolled: create a new key instead.");
    }
    if (await tx.apiKey.findFirst({ where: { rolledFromId: keyId }, select: { id: true } })) {
      throw new AppError("validation_error", "This key has already been rolled: roll its replacement instead.");
    }
    const secret = generateKey(old.mode);
    const created = await tx.apiKey.create({
      data: {
        id: newId("key"),
        accountId,
        name: rolledName(old.name, now),
        mode: old.mode,
        hash: hashKey(secret),
        start: keyStart(secret),
        scopes: old.scopes,
        ratePer10s: old.ratePer10s,
        dailyCapMicros: old.dailyCapMicros,
        expiresAt: old.expiresAt,
        rolledFromId: keyId,
      },
      select: keyViewSelect,
    });
    return { rolled: { key: secret, record: toKeyView(created) }, oldHash: old.hash };
  });
  forgetKey(oldHash);
  return rolled;
}

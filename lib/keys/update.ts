import "server-only";
import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { keyNotFound } from "./list";
import { type UpdateKeyInput, updateKeyInput } from "./schemas";
import { forgetKey } from "./verify";
import { type KeyView, keyViewSelect, toKeyView } from "./view";

/**
 * Renames a key or changes its scopes, limits or expiry. One conditional update, scoped to the
 * account and to keys not revoked: another account's key and a revoked one are both not found.
 */
export async function updateKey(accountId: string, keyId: string, patch: UpdateKeyInput): Promise<KeyView> {
  const parsed = updateKeyInput.safeParse(patch);
  if (!parsed.success) throw validationError(parsed.error);
  const { name, scopes, expiresAt, ratePer10s, dailyCapMicros } = parsed.data;
  const [row] = await db.apiKey.updateManyAndReturn({
    where: { id: keyId, accountId, revokedAt: null },
    data: {
      name,
      scopes,
      expiresAt,
      ratePer10s,
      dailyCapMicros: dailyCapMicros === undefined ? undefined : dailyCapMicros === null ? null : BigInt(dailyCapMicros),
    },
    select: { ...keyViewSelect, hash: true },
  });
  if (!row) throw keyNotFound(keyId);
  // This instance serves the new limits from the next request on; others within the cache's 5 s.
  forgetKey(row.hash);
  return toKeyView(row);
}

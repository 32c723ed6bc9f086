import "server-only";
import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { generateKey, hashKey, keyStart } from "./format";
import { type CreateKeyInput, createKeyInput } from "./schemas";
import { type KeyView, keyViewSelect, toKeyView } from "./view";

/** Issues a key. The full key is in the result and nowhere else: only its hash is stored. */
export async function createKey(input: CreateKeyInput): Promise<{ key: string; record: KeyView }> {
  const parsed = createKeyInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const { accountId, name, mode, scopes, expiresAt, ratePer10s, dailyCapMicros } = parsed.data;
  const key = generateKey(mode);
  const row = await db.apiKey.create({
    data: {
      id: newId("key"),
      accountId,
      name,
      mode,
      hash: hashKey(key),
      start: keyStart(key),
      scopes,
      ratePer10s: ratePer10s ?? null,
      dailyCapMicros: dailyCapMicros == null ? null : BigInt(dailyCapMicros),
      expiresAt: expiresAt ?? null,
    },
    select: keyViewSelect,
  });
  return { key, record: toKeyView(row) };
}

import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashKey, parseKey } from "./format";
import { keyNotFound } from "./list";
import { forgetKey } from "./verify";
import { type KeyView, keyViewSelect, toKeyView } from "./view";

async function revokeById(where: { id: string; accountId?: string }): Promise<KeyView> {
  await db.apiKey.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db.apiKey.findFirst({ where, select: { ...keyViewSelect, hash: true } });
  if (!row) throw keyNotFound(where.id);
  forgetKey(row.hash);
  return toKeyView(row);
}

/** Revokes one of the account's keys; revoking a revoked key changes nothing. */
export function revokeKey(accountId: string, keyId: string): Promise<KeyView> {
  return revokeById({ id: keyId, accountId });
}

/**
 * For the operator CLI, across all accounts: takes a key id, a full key, or the display start
 * shown in the dashboard (refused when more than one key shares it).
 */
export async function revokeKeyByStartOrId(startOrId: string): Promise<KeyView> {
  const ref = startOrId.trim();
  const where = parseKey(ref) ? { hash: hashKey(ref) } : ref.startsWith("key_") ? { id: ref } : { start: ref };
  const matches = await db.apiKey.findMany({ where, select: { id: true }, take: 2 });
  const [match] = matches;
  if (!match) throw new AppError("not_found", `No API key matches '${keyDisplay(ref)}'.`);
  if (matches.length > 1) {
    throw new AppError("validation_error", `More than one key starts with '${ref}': revoke it by id instead.`);
  }
  return revokeById({ id: match.id });
}

// A full key typed on the command line must not be echoed back into logs.
function keyDisplay(ref: string): string {
  return parseKey(ref) ? `${ref.slice(0, 12)}…` : ref;
}

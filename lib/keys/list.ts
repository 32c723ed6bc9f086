import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type KeyView, keyViewSelect, toKeyView } from "./view";

export function keyNotFound(keyId: string): AppError {
  return new AppError("not_found", `No API key with id '${keyId}'.`, { param: "keyId" });
}

/** The account's keys, newest first, revoked and expired ones included so people can see what happened. */
export async function listKeys(accountId: string): Promise<KeyView[]> {
  const rows = await db.apiKey.findMany({ where: { accountId }, orderBy: { createdAt: "desc" }, select: keyViewSelect });
  const now = Date.now();
  return rows.map((row) => toKeyView(row, now));
}

import "server-only";
import { keyScope, spendPeriods } from "@/lib/billing/periods";
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

export type KeyListEntry = KeyView & {
  /** The start of the key that replaced this one in a roll. */
  replacedByStart: string | null;
  /** Captured plus held today (UTC) against the key's daily cap. */
  spentTodayMicros: number;
};

/**
 * The keys page: each key with its successor and its spend today, in two queries whatever the
 * number of keys. A rolled key and the keys it replaced share one spend window (the first key's:
 * see lib/billing/key-scope.ts), so they show the same spend, as they share one daily cap.
 */
export async function listKeysWithUsage(accountId: string, now = new Date()): Promise<KeyListEntry[]> {
  const rows = await db.apiKey.findMany({
    where: { accountId },
    orderBy: { createdAt: "desc" },
    select: { ...keyViewSelect, rolledFromId: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const successorStart = new Map(rows.flatMap((row) => (row.rolledFromId ? [[row.rolledFromId, row.start] as const] : [])));
  // As keyWindow walks it: a chain that breaks off (which no code path makes) counts as the key's own.
  const rootOf = (id: string): string => {
    const seen = new Set([id]);
    for (let current = byId.get(id); current; ) {
      const from = current.rolledFromId;
      if (!from) return current.id;
      if (seen.has(from)) break;
      seen.add(from);
      current = byId.get(from);
    }
    return id;
  };
  const roots = new Map(rows.map((row) => [row.id, keyScope(rootOf(row.id))]));
  const windows = await db.spendWindow.findMany({
    where: { scope: { in: [...new Set(roots.values())] }, period: spendPeriods(now).day },
    select: { scope: true, spentMicros: true },
  });
  const spent = new Map(windows.map((w) => [w.scope, Number(w.spentMicros)]));
  return rows.map((row) => ({
    ...toKeyView(row, now.getTime()),
    replacedByStart: successorStart.get(row.id) ?? null,
    spentTodayMicros: spent.get(roots.get(row.id)!) ?? 0,
  }));
}

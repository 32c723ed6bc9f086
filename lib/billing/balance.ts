import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { keyWindow } from "./key-scope";
import { accountScope, spendPeriods } from "./periods";

export type Balance = {
  availableMicros: number;
  reservedMicros: number;
  caps: { dailyMicros: number | null; monthlyMicros: number | null; keyDailyMicros?: number | null };
  /** Spent or reserved in the current UTC day and month. */
  spent: { todayMicros: number; monthMicros: number; keyTodayMicros?: number };
};

const toNumber = (value: bigint | null | undefined) => (value === null || value === undefined ? null : Number(value));

export async function getBalance(accountId: string, apiKeyId?: string, now = new Date()): Promise<Balance> {
  const { day, month } = spendPeriods(now);
  const scope = accountScope(accountId);
  const found = apiKeyId ? await keyWindow(db, apiKeyId) : null;
  const key = found?.accountId === accountId ? found : null;
  const [account, windows] = await Promise.all([
    db.account.findUnique({ where: { id: accountId }, select: { dailyCapMicros: true, monthlyCapMicros: true, wallet: true } }),
    db.spendWindow.findMany({
      where: {
        OR: [
          { scope, period: { in: [day, month] } },
          ...(key ? [{ scope: key.scope, period: day }] : []),
        ],
      },
    }),
  ]);
  if (!account?.wallet) throw new AppError("not_found", "No such account.");
  const spent = (s: string, period: string) =>
    Number(windows.find((w) => w.scope === s && w.period === period)?.spentMicros ?? 0n);
  return {
    availableMicros: Number(account.wallet.availableMicros),
    reservedMicros: Number(account.wallet.reservedMicros),
    caps: {
      dailyMicros: toNumber(account.dailyCapMicros),
      monthlyMicros: toNumber(account.monthlyCapMicros),
      ...(apiKeyId ? { keyDailyMicros: toNumber(key?.dailyCapMicros) } : {}),
    },
    spent: {
      todayMicros: spent(scope, day),
      monthMicros: spent(scope, month),
      ...(apiKeyId ? { keyTodayMicros: key ? spent(key.scope, day) : 0 } : {}),
    },
  };
}

export async function setAccountCaps(
  accountId: string,
  caps: { dailyMicros: number | null; monthlyMicros: number | null },
): Promise<void> {
  for (const cap of [caps.dailyMicros, caps.monthlyMicros]) {
    if (cap !== null && (!Number.isSafeInteger(cap) || cap < 0)) {
      throw new AppError("validation_error", "A spend cap must be a non-negative whole number of micro-USD, or none.");
    }
  }
  const updated = await db.account.updateMany({
    where: { id: accountId },
    data: {
      dailyCapMicros: caps.dailyMicros === null ? null : BigInt(caps.dailyMicros),
      monthlyCapMicros: caps.monthlyMicros === null ? null : BigInt(caps.monthlyMicros),
    },
  });
  if (updated.count === 0) throw new AppError("not_found", "No such account.");
}

export type LedgerRow = { id: string; kind: string; amountMicros: number; memo: string | null; taskId: string | null; createdAt: Date };

export async function listLedger(accountId: string, { limit }: { limit: number }): Promise<LedgerRow[]> {
  const rows = await db.ledgerEntry.findMany({
    where: { accountId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 500),
    select: { id: true, kind: true, amountMicros: true, memo: true, taskId: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, amountMicros: Number(r.amountMicros) }));
}

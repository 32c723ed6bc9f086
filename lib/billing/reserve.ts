import "server-only";
import { db, type Prisma } from "@/lib/db";
import { formatUsd } from "@/lib/catalog/pricing";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { keyWindow } from "./key-scope";
import { accountScope, spendPeriods } from "./periods";

type Tx = Prisma.TransactionClient;

export type ReserveInput = {
  accountId: string;
  apiKeyId?: string | null;
  amountMicros: number;
  taskId: string;
  now?: Date;
};

/**
 * Adds `amount` to a spend window, refusing when that would pass `cap` (null: no cap, still
 * counted so spend can be shown). A conditional update: Postgres re-checks the WHERE after any
 * concurrent commit, so concurrent reserves can never overshoot the cap together.
 */
async function addToWindow(tx: Tx, scope: string, period: string, amount: bigint, cap: bigint | null): Promise<boolean> {
  await tx.spendWindow.createMany({ data: [{ scope, period }], skipDuplicates: true });
  const updated = await tx.spendWindow.updateMany({
    where: { scope, period, ...(cap === null ? {} : { spentMicros: { lte: cap - amount } }) },
    data: { spentMicros: { increment: amount } },
  });
  return updated.count === 1;
}

/**
 * Holds a task's price: moves it from available to reserved and counts it against every spend cap,
 * all or nothing, in one transaction. Limits are taken in a fixed order (wallet, account day,
 * account month, key day) so concurrent reserves cannot deadlock. One hold per task.
 */
export async function reserveHold(tx: Tx, input: ReserveInput): Promise<{ holdId: string }> {
  if (!Number.isSafeInteger(input.amountMicros) || input.amountMicros <= 0) {
    throw new AppError("validation_error", "A reservation must be a positive whole number of micro-USD.");
  }
  const amount = BigInt(input.amountMicros);
  const { day, month } = spendPeriods(input.now ?? new Date());

  try {
    const account = await tx.account.findUnique({
      where: { id: input.accountId },
      select: { dailyCapMicros: true, monthlyCapMicros: true, wallet: { select: { accountId: true } } },
    });
    if (!account?.wallet) throw new AppError("not_found", "No such account.");
    const key = input.apiKeyId ? await keyWindow(tx, input.apiKeyId) : null;
    if (input.apiKeyId && key?.accountId !== input.accountId) throw new AppError("not_found", "No such API key on this account.");

    const debited = await tx.wallet.updateMany({
      where: { accountId: input.accountId, availableMicros: { gte: amount } },
      data: { availableMicros: { decrement: amount }, reservedMicros: { increment: amount } },
    });
    if (debited.count === 0) {
      throw new AppError(
        "insufficient_credits",
        `Insufficient credits: this costs ${formatUsd(amount)} and the available balance is lower. Top up to continue.`,
      );
    }
    const scope = accountScope(input.accountId);
    if (!(await addToWindow(tx, scope, day, amount, account.dailyCapMicros))) {
      throw new AppError(
        "spend_cap_reached",
        `Daily spend cap of ${formatUsd(account.dailyCapMicros!)} reached for today (UTC). Raise it in the dashboard or wait until midnight UTC.`,
      );
    }
    if (!(await addToWindow(tx, scope, month, amount, account.monthlyCapMicros))) {
      throw new AppError(
        "spend_cap_reached",
        `Monthly spend cap of ${formatUsd(account.monthlyCapMicros!)} reached for this month. Raise it in the dashboard.`,
      );
    }
    if (key && !(await addToWindow(tx, key.scope, day, amount, key.dailyCapMicros))) {
      throw new AppError(
        "key_limit_exceeded",
        `This API key's daily spend cap of ${formatUsd(key.dailyCapMicros!)} is reached for today (UTC).`,
      );
    }
    await tx.hold.create({
      data: { taskId: input.taskId, accountId: input.accountId, apiKeyId: input.apiKeyId ?? null, amountMicros: amount, day, month },
    });
    await tx.ledgerEntry.create({
      data: {
        id: newId("txn"),
        accountId: input.accountId,
        kind: "hold",
        amountMicros: 0n,
        reservedDeltaMicros: amount,
        taskId: input.taskId,
        apiKeyId: input.apiKeyId ?? null,
      },
    });
    return { holdId: input.taskId };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("idempotency_conflict", `Task ${input.taskId} already has a reservation.`);
    }
    throw error;
  }
}

/** reserveHold in a transaction of its own. */
export function reserve(input: ReserveInput): Promise<{ holdId: string }> {
  return db.$transaction((tx) => reserveHold(tx, input));
}

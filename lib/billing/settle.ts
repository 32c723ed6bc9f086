import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { keyWindow } from "./key-scope";
import { accountScope } from "./periods";

type Tx = Prisma.TransactionClient;

type SettledHold = { accountId: string; apiKeyId: string | null; amountMicros: bigint; day: string; month: string };

/**
 * Closes a task's hold exactly once: the conditional update on Hold.state lets one caller win,
 * whatever the concurrency; every other capture or release of the task returns false and writes
 * nothing. Money not captured goes back to available and out of the spend windows.
 */
async function settle(tx: Tx, taskId: string, capturedMicros: bigint | null): Promise<boolean> {
  const state = capturedMicros === null ? "released" : "captured";
  const [hold] = await tx.$queryRaw<SettledHold[]>`
    UPDATE "Hold" SET "state" = ${state}::"HoldState", "capturedMicros" = ${capturedMicros}, "settledAt" = now()
    WHERE "taskId" = ${taskId} AND "state" = 'held' AND "amountMicros" >= ${capturedMicros ?? 0n}
    RETURNING "accountId", "apiKeyId", "amountMicros", "day", "month"`;
  if (!hold) {
    const existing = await tx.hold.findUnique({ where: { taskId }, select: { amountMicros: true, state: true } });
    if (existing?.state === "held") {
      throw new AppError("validation_error", `Cannot capture more than the ${existing.amountMicros} micro-USD held for ${taskId}.`);
    }
    return false;
  }
  const captured = capturedMicros ?? 0n;
  const unspent = hold.amountMicros - captured;
  await tx.wallet.update({
    where: { accountId: hold.accountId },
    data: { reservedMicros: { decrement: hold.amountMicros }, availableMicros: { increment: unspent } },
  });
  if (unspent > 0n) {
    const key = hold.apiKeyId ? await keyWindow(tx, hold.apiKeyId) : null;
    const windows = [
      { scope: accountScope(hold.accountId), period: hold.day },
      { scope: accountScope(hold.accountId), period: hold.month },
      ...(key ? [{ scope: key.scope, period: hold.day }] : []),
    ];
    for (const window of windows) {
      await tx.spendWindow.update({
        where: { scope_period: window },
        data: { spentMicros: { decrement: unspent } },
      });
    }
  }
  await tx.ledgerEntry.create({
    data: {
      id: newId("txn"),
      accountId: hold.accountId,
      kind: state === "captured" ? "capture" : "release",
      amountMicros: -captured,
      reservedDeltaMicros: -hold.amountMicros,
      taskId,
      apiKeyId: hold.apiKeyId,
    },
  });
  return true;
}

/** Charges `amountMicros` (at most the amount held) for a task, in the caller's transaction. True if this call captured. */
export async function captureHold(tx: Tx, taskId: string, amountMicros: number): Promise<boolean> {
  if (!Number.isSafeInteger(amountMicros) || amountMicros < 0) {
    throw new AppError("validation_error", "A capture must be a non-negative whole number of micro-USD.");
  }
  return settle(tx, taskId, BigInt(amountMicros));
}

/** Returns a task's hold in full, in the caller's transaction. True if this call released it. */
export async function releaseHold(tx: Tx, taskId: string): Promise<boolean> {
  return settle(tx, taskId, null);
}

/** captureHold in a transaction of its own. */
export function capture(taskId: string, amountMicros: number): Promise<boolean> {
  return db.$transaction((tx) => captureHold(tx, taskId, amountMicros));
}

/** releaseHold in a transaction of its own. */
export function release(taskId: string): Promise<boolean> {
  return db.$transaction((tx) => releaseHold(tx, taskId));
}

import "server-only";
import { db, type Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

// Conditional updates, not a read then a write: Postgres re-checks the WHERE after any concurrent
// commit, so the count never passes maxInFlightTasks however many instances race. A slot is taken
// in the transaction that creates a task and given back in the one that finishes it, so the counter
// moves with the task rows; `npm run reconcile` checks it against them.

/** Takes one of the account's in-flight task slots; false when all are in use (or no such account). */
export async function acquireTaskSlot(accountId: string, tx: Tx = db): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE "Account" SET "inFlightTasks" = "inFlightTasks" + 1
    WHERE id = ${accountId} AND "inFlightTasks" < "maxInFlightTasks"`;
  return updated === 1;
}

/** Gives a slot back; the count never goes below zero. */
export async function releaseTaskSlot(accountId: string, tx: Tx = db): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Account" SET "inFlightTasks" = "inFlightTasks" - 1
    WHERE id = ${accountId} AND "inFlightTasks" > 0`;
}

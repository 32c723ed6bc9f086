import "server-only";
import { db, type Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

// A slot is taken by lumigate_create_task (a conditional UPDATE: Postgres re-checks the WHERE after
// any concurrent commit, so the count never passes maxInFlightTasks however many instances race) and
// given back in the transaction that finishes the task, so the counter moves with the task rows;
// `npm run reconcile` checks it against them.

/** Gives a slot back; the count never goes below zero. */
export async function releaseTaskSlot(accountId: string, tx: Tx = db): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Account" SET "inFlightTasks" = "inFlightTasks" - 1
    WHERE id = ${accountId} AND "inFlightTasks" > 0`;
}

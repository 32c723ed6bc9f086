import "server-only";
import { db } from "@/lib/db";

// Conditional updates, not a read then a write: Postgres re-checks the WHERE after any concurrent
// commit, so the count never passes maxInFlightTasks however many instances race.

/** Takes one of the account's in-flight task slots; false when all are in use (or no such account). */
export async function acquireTaskSlot(accountId: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE "Account" SET "inFlightTasks" = "inFlightTasks" + 1
    WHERE id = ${accountId} AND "inFlightTasks" < "maxInFlightTasks"`;
  return updated === 1;
}

/** Gives a slot back; the count never goes below zero. */
export async function releaseTaskSlot(accountId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Account" SET "inFlightTasks" = "inFlightTasks" - 1
    WHERE id = ${accountId} AND "inFlightTasks" > 0`;
}

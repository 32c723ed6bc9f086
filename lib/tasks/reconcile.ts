import "server-only";
import { db } from "@/lib/db";

export type SlotDrift = { accountId: string; counter: number; inFlight: number };
export type HoldDrift = { taskId: string; state: string; holdState: string | null; priceMicros: bigint };

/** Accounts whose in-flight counter disagrees with their unfinished tasks. */
export async function findSlotDrift(accountIds?: string[]): Promise<SlotDrift[]> {
  const filter = accountIds ?? null;
  const rows = await db.$queryRaw<{ accountId: string; counter: number; inFlight: bigint }[]>`
    SELECT a."id" AS "accountId", a."inFlightTasks" AS counter, COUNT(t."id") AS "inFlight"
    FROM "Account" a
    LEFT JOIN "Task" t ON t."accountId" = a."id" AND t."state" IN ('waiting', 'queuing', 'generating')
    WHERE ${filter}::text[] IS NULL OR a."id" = ANY(${filter}::text[])
    GROUP BY a."id", a."inFlightTasks"
    HAVING a."inFlightTasks" <> COUNT(t."id")`;
  return rows.map((r) => ({ accountId: r.accountId, counter: r.counter, inFlight: Number(r.inFlight) }));
}

/**
 * Charged tasks whose hold disagrees with their state: a success has exactly one capture (of the
 * fee when it ran on the account's own key, else of the price), a failure exactly one release, an
 * unfinished task a hold still held.
 */
export async function findHoldDrift(accountIds?: string[]): Promise<HoldDrift[]> {
  const filter = accountIds ?? null;
  return db.$queryRaw<HoldDrift[]>`
    SELECT t."id" AS "taskId", t."state"::text AS state, h."state"::text AS "holdState", t."priceMicros"
    FROM "Task" t LEFT JOIN "Hold" h ON h."taskId" = t."id"
    WHERE t."priceMicros" > 0
      AND (${filter}::text[] IS NULL OR t."accountId" = ANY(${filter}::text[]))
      AND (h."state" IS DISTINCT FROM (CASE t."state"
              WHEN 'success' THEN 'captured' WHEN 'fail' THEN 'released' ELSE 'held' END)::"HoldState"
           OR (t."state" = 'success' AND h."capturedMicros" IS DISTINCT FROM
              CASE WHEN t."byokUsed" THEN t."byokFeeMicros" ELSE t."priceMicros" END))`;
}

/** Sets drifting in-flight counters to the count of unfinished tasks; returns how many changed. */
export async function repairSlotCounters(): Promise<number> {
  return db.$executeRaw`
    UPDATE "Account" a SET "inFlightTasks" = c.n
    FROM (SELECT a2."id", COUNT(t."id")::int AS n FROM "Account" a2
          LEFT JOIN "Task" t ON t."accountId" = a2."id" AND t."state" IN ('waiting', 'queuing', 'generating')
          GROUP BY a2."id") c
    WHERE a."id" = c."id" AND a."inFlightTasks" <> c.n`;
}

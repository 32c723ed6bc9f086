import "server-only";
import { db } from "@/lib/db";

export type Drift = {
  accountId: string;
  availableMicros: bigint;
  reservedMicros: bigint;
  ledgerTotalMicros: bigint;
  ledgerReservedMicros: bigint;
  heldMicros: bigint;
};

/**
 * Accounts whose cached wallet disagrees with their ledger: available + reserved must equal the sum
 * of ledger amounts, reserved the sum of reserved deltas and the total of open holds.
 */
export async function findDrift(accountIds?: string[]): Promise<{ checked: number; drift: Drift[] }> {
  const filter = accountIds ?? null;
  const rows = await db.$queryRaw<Drift[]>`
    WITH ledger AS (
      SELECT "accountId", SUM("amountMicros") AS total, SUM("reservedDeltaMicros") AS reserved
      FROM "LedgerEntry" GROUP BY "accountId"
    ), held AS (
      SELECT "accountId", SUM("amountMicros") AS held FROM "Hold" WHERE "state" = 'held' GROUP BY "accountId"
    )
    SELECT a."id" AS "accountId",
           COALESCE(w."availableMicros", 0)::bigint AS "availableMicros",
           COALESCE(w."reservedMicros", 0)::bigint AS "reservedMicros",
           COALESCE(l.total, 0)::bigint AS "ledgerTotalMicros",
           COALESCE(l.reserved, 0)::bigint AS "ledgerReservedMicros",
           COALESCE(h.held, 0)::bigint AS "heldMicros"
    FROM "Account" a
    LEFT JOIN "Wallet" w ON w."accountId" = a."id"
    LEFT JOIN ledger l ON l."accountId" = a."id"
    LEFT JOIN held h ON h."accountId" = a."id"
    WHERE ${filter}::text[] IS NULL OR a."id" = ANY(${filter}::text[])`;
  const drift = rows.filter(
    (r) =>
      r.availableMicros + r.reservedMicros !== r.ledgerTotalMicros ||
      r.reservedMicros !== r.ledgerReservedMicros ||
      r.reservedMicros !== r.heldMicros,
  );
  return { checked: rows.length, drift };
}

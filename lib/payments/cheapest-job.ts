import "server-only";
import { db } from "@/lib/db";

/** The price of the cheapest job the catalog runs now: what a cap must still have room for. */
export async function cheapestJobMicros(): Promise<number> {
  const { _min } = await db.variant.aggregate({ where: { status: "operational" }, _min: { priceMicros: true } });
  return Number(_min.priceMicros ?? 0n);
}

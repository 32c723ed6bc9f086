import "server-only";
import { db } from "@/lib/db";
import type { VariantFigures } from "./types";
import { dailyFiguresSchema } from "./window";

/**
 * The stats job's figures by variant slug (all variants without `slugs`); a variant without tasks in
 * the window is absent. Reads VariantStats only: pages never aggregate tasks.
 */
export async function readVariantStats(slugs?: readonly string[]): Promise<Map<string, VariantFigures>> {
  const rows = await db.variantStats.findMany({ where: slugs ? { variantSlug: { in: [...slugs] } } : undefined });
  return new Map(
    rows.map((row) => {
      const daily = dailyFiguresSchema.parse(row.daily);
      const figures: VariantFigures = {
        requests: row.requests,
        successes: row.successes,
        medianLatencyMs: row.medianLatencyMs,
        // recomputeVariantStats counts a variant's simulated tasks only when it has no others.
        isSimulated: daily.some((d) => d.simulated > 0),
        daily,
        computedAt: row.computedAt,
      };
      return [row.variantSlug, figures];
    }),
  );
}

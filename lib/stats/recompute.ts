import "server-only";
import { db } from "@/lib/db";
import type { DayFigures } from "./types";
import { dailySeries, statsWindowStart, utcDays } from "./window";

type Group = { slug: string; day: string | null; requests: number; successes: number; simulated: number; medianMs: number | null };

/** The job's whole recompute, aggregate included, runs under one lock; a slow one gets this long. */
const RECOMPUTE_TIMEOUT_MS = 120_000;

/**
 * Rewrites VariantStats from the tasks created in the 7 days up to `now`, across all accounts: one
 * aggregate query (per variant, and per variant and UTC day), then one row per variant, and no row
 * for a variant without tasks in the window.
 *
 * Live and test-mode tasks count alike; what matters is where they ran. A variant's figures come
 * from its real-upstream tasks whenever it has any in the window, since the simulator's latency and
 * success rate say nothing about the upstream's; only a variant that ran on the simulator alone (a
 * self-hosted demo, or one only test keys have used) shows simulated figures, and says so.
 *
 * Returns how many variants have figures, or null when another recompute held the lock: the one
 * running now writes nearly the same figures, so this one does not queue behind it.
 */
export async function recomputeVariantStats(now = new Date()): Promise<number | null> {
  const from = statsWindowStart(now);
  const days = utcDays(from, now);
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
        SELECT pg_try_advisory_xact_lock(hashtext('lumigate:variant-stats')) AS "locked"`;
      if (!locked) return null;
      const groups = await tx.$queryRaw<Group[]>`
        WITH ended AS (
          SELECT "variantSlug" AS "slug", "simulated", "state" = 'success' AS "ok",
            date_trunc('day', "createdAt") AS "day",
            CASE WHEN "state" = 'success' THEN EXTRACT(EPOCH FROM ("finishedAt" - "submittedAt")) * 1000 END AS "latencyMs",
            bool_and("simulated") OVER (PARTITION BY "variantSlug") AS "onlySimulated"
          FROM "Task"
          WHERE "createdAt" >= ${from} AND "createdAt" <= ${now} AND "state" IN ('success', 'fail')
        )
        SELECT "slug", to_char("day", 'YYYY-MM-DD') AS "day",
          count(*)::int AS "requests",
          (count(*) FILTER (WHERE "ok"))::int AS "successes",
          (count(*) FILTER (WHERE "simulated"))::int AS "simulated",
          (percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs"))::float8 AS "medianMs"
        FROM ended
        WHERE NOT "simulated" OR "onlySimulated"
        GROUP BY GROUPING SETS (("slug"), ("slug", "day"))`;

      const totals = new Map<string, Group>();
      const daysOf = new Map<string, Map<string, DayFigures>>();
      for (const g of groups) {
        if (g.day === null) {
          totals.set(g.slug, g);
          continue;
        }
        const found = daysOf.get(g.slug) ?? new Map<string, DayFigures>();
        found.set(g.day, { day: g.day, requests: g.requests, successes: g.successes, medianLatencyMs: median(g.medianMs), simulated: g.simulated });
        daysOf.set(g.slug, found);
      }

      const slugs = [...totals.keys()].sort();
      for (const slug of slugs) {
        const total = totals.get(slug)!;
        const figures = {
          requests: total.requests,
          successes: total.successes,
          medianLatencyMs: median(total.medianMs),
          daily: dailySeries(days, daysOf.get(slug) ?? new Map()),
          computedAt: now,
        };
        await tx.variantStats.upsert({ where: { variantSlug: slug }, create: { variantSlug: slug, ...figures }, update: figures });
      }
      await tx.variantStats.deleteMany({ where: { variantSlug: { notIn: slugs } } });
      return slugs.length;
    },
    { timeout: RECOMPUTE_TIMEOUT_MS },
  );
}

/** Timestamps hold milliseconds, so a median is a whole or half millisecond; a finish recorded before its submit counts as 0. */
function median(ms: number | null): number | null {
  return ms === null ? null : Math.max(0, Math.round(ms));
}

/** For a worker's start: a fresh instance (or one whose table was emptied) gets figures without waiting for the schedule. */
export async function recomputeVariantStatsIfEmpty(): Promise<void> {
  if ((await db.variantStats.count()) === 0) await recomputeVariantStats();
}

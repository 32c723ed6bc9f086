import "server-only";
import { monthSpendMicros } from "@/lib/billing/tier-status";
import { byokPlan } from "@/lib/byok";
import { listVariants } from "@/lib/catalog";
import { db } from "@/lib/db";
import { heldMicros, taskPrice } from "@/lib/tasks/price";
import type { GenerationVariant } from "@/lib/tasks/variants";

type Priced = { slug: string; priceMicros: number; upstreamCostMicros: number | null; providerSlugs: string[] };

async function pricesFor(accountId: string | null, variants: Priced[], mode: "live" | "test"): Promise<Map<string, number>> {
  const spent = accountId ? await monthSpendMicros(accountId) : 0;
  const prices = new Map<string, number>();
  for (const v of variants) {
    // byokPlan caches the account's credentials briefly, so this is one lookup for the whole list.
    const byok = accountId && mode === "live" ? await byokPlan(db, accountId, v.providerSlugs) : null;
    prices.set(v.slug, heldMicros(taskPrice(v, mode, byok), spent));
  }
  return prices;
}

/**
 * Slug -> what the next live task of each listed variant would hold for this account now: its
 * volume tier by the month's spend, or only the platform fee where the account's own provider key
 * serves it without fallback (lib/tasks/price.ts, as insertTask prices it). No account: list prices.
 */
export async function playgroundPrices(accountId: string | null): Promise<Record<string, number>> {
  const [variants, routes] = await Promise.all([
    listVariants(),
    db.route.findMany({ select: { variantSlug: true, providerSlug: true } }),
  ]);
  const priced = variants.map((v) => ({
    slug: v.slug,
    priceMicros: v.priceMicros,
    upstreamCostMicros: v.upstreamCostMicros,
    providerSlugs: routes.filter((r) => r.variantSlug === v.slug).map((r) => r.providerSlug),
  }));
  return Object.fromEntries(await pricesFor(accountId, priced, "live"));
}

/** What a run of these panes' variants holds in all, for the 402 that says so. */
export async function runPriceMicros(accountId: string, found: GenerationVariant[], mode: "live" | "test"): Promise<number> {
  const priced = found.map(({ variant, routes }) => ({
    slug: variant.slug,
    priceMicros: variant.priceMicros,
    upstreamCostMicros: routes[0]?.upstreamCostMicros ?? null,
    providerSlugs: routes.map((r) => r.providerSlug),
  }));
  const prices = await pricesFor(accountId, priced, mode);
  return priced.reduce((sum, v) => sum + prices.get(v.slug)!, 0);
}

const SPEED_WINDOW_MS = 7 * 24 * 3600 * 1000;
const SPEED_CACHE_MS = 60_000;
const globalForSpeeds = globalThis as unknown as { lumigatePlaygroundSpeeds?: { value: Promise<Speeds>; expiresAt: number } };
type Speeds = Record<string, { medianMs: number; runs: number }>;

async function loadSpeeds(now: number): Promise<Speeds> {
  const rows = await db.$queryRaw<{ slug: string; medianMs: number; runs: number }[]>`
    SELECT "variantSlug" AS "slug",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("finishedAt" - "submittedAt")) * 1000)::float8 AS "medianMs",
      count(*)::int AS "runs"
    FROM "Task"
    WHERE "state" = 'success' AND "submittedAt" IS NOT NULL AND "finishedAt" >= ${new Date(now - SPEED_WINDOW_MS)}
    GROUP BY "variantSlug"`;
  return Object.fromEntries(rows.map((r) => [r.slug, { medianMs: Math.round(r.medianMs), runs: r.runs }]));
}

/**
 * Median submit-to-finish time of each variant's successful tasks over the last 7 days, across all
 * accounts; variants with none are absent. Kept for a minute per process, as the picker asks often.
 */
export function variantSpeeds(now = Date.now()): Promise<Speeds> {
  const hit = globalForSpeeds.lumigatePlaygroundSpeeds;
  if (hit && hit.expiresAt > now) return hit.value;
  const value = loadSpeeds(now);
  globalForSpeeds.lumigatePlaygroundSpeeds = { value, expiresAt: now + SPEED_CACHE_MS };
  value.catch(() => {
    if (globalForSpeeds.lumigatePlaygroundSpeeds?.value === value) delete globalForSpeeds.lumigatePlaygroundSpeeds;
  });
  return value;
}

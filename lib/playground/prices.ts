import "server-only";
import { monthSpendMicros } from "@/lib/billing/tier-status";
import { byokPlan } from "@/lib/byok";
import type { VariantView } from "@/lib/catalog/types";
import { db } from "@/lib/db";
import { readVariantStats } from "@/lib/stats";
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
export async function playgroundPrices(accountId: string | null, variants: VariantView[]): Promise<Record<string, number>> {
  const routes = await db.route.findMany({ select: { variantSlug: true, providerSlug: true } });
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

/**
 * Median submit-to-finish time and number of successful tasks of each variant over the last 7 days,
 * across all accounts, as the stats job last computed them; variants without a success are absent.
 */
export async function variantSpeeds(): Promise<Record<string, { medianMs: number; runs: number }>> {
  const figures = await readVariantStats();
  return Object.fromEntries(
    [...figures].flatMap(([slug, f]) => (f.medianLatencyMs === null ? [] : [[slug, { medianMs: f.medianLatencyMs, runs: f.successes }]])),
  );
}

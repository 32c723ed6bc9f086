import "server-only";
import { tierIndexForSpend } from "@/lib/billing/tiers";
import { type PricedVariant, variantPricing } from "@/lib/billing/pricing-model";
import { byokFeeMicros } from "@/lib/byok";
import { env } from "@/lib/env";

export type TaskPrice = {
  /** The amount held, unless `tiers` is set: then lumigate_create_task picks the tier's price by the month's spend. */
  priceMicros: number;
  /** The platform fee when the account has its own credential for one of the upstreams; null otherwise. */
  feeMicros: number | null;
  tiers: { pricesMicros: number[]; thresholdsMicros: readonly number[] } | null;
};

/**
 * What a new task of a variant is priced at: test mode is free; a live task on the account's own
 * credential without fallback holds only the fee; any other live task holds the full price, by tier.
 * insertTask and the playground's price list both read it, so the price shown is the price held.
 */
export function taskPrice(variant: PricedVariant, mode: "live" | "test", byok: { fallback: boolean } | null): TaskPrice {
  const pricing = variantPricing(variant);
  const plan = mode === "live" ? byok : null;
  const feeMicros = plan ? byokFeeMicros(pricing.baseMicros, env.BYOK_FEE_PERCENT) : null;
  const isFullPrice = mode === "live" && (feeMicros === null || plan?.fallback === true);
  return {
    priceMicros: isFullPrice ? pricing.baseMicros : (feeMicros ?? 0),
    feeMicros,
    // A full price moves with the month's spend: the SQL picks its tier in the statement that holds it.
    tiers: isFullPrice ? pricing.tiers : null,
  };
}

/** The amount lumigate_create_task would hold for this price after `monthSpentMicros` of spend this month. */
export function heldMicros(price: TaskPrice, monthSpentMicros: number): number {
  return price.tiers ? price.tiers.pricesMicros[tierIndexForSpend(monthSpentMicros)]! : price.priceMicros;
}

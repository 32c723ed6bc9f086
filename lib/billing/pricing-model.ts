import "server-only";
import { env } from "@/lib/env";
import { creditsAfterFee, type PricingModel, tierPricesMicros, tierThresholdsMicros } from "./tiers";

// Read at each call rather than once, so that tests can switch the model.
export const pricingModel = (): PricingModel => env.PRICING_MODEL;

/** The platform fee taken at top-up, in percent; 0 unless pricing is pass-through. */
export const topUpFeePercent = (): number => (pricingModel() === "passthrough" ? env.TOPUP_FEE_PERCENT : 0);

/** A variant as pricing sees it: its catalog (list) price and the upstream cost of its first route. */
export type PricedVariant = { priceMicros: number; upstreamCostMicros: number | null };

/**
 * What a live task of a variant costs under the configured model. `baseMicros` is the price
 * before any volume tier (the BYOK fee is a share of it); `tiers`, when set, are the prices by tier
 * and lumigate_create_task picks one by the month's spend.
 */
export function variantPricing(v: PricedVariant): {
  baseMicros: number;
  tiers: { pricesMicros: number[]; thresholdsMicros: readonly number[] } | null;
} {
  if (pricingModel() === "passthrough") return { baseMicros: v.upstreamCostMicros ?? v.priceMicros, tiers: null };
  return {
    baseMicros: v.priceMicros,
    tiers: { pricesMicros: tierPricesMicros(v.priceMicros, v.upstreamCostMicros), thresholdsMicros: tierThresholdsMicros },
  };
}

/** The credits a card payment buys: all of it, or under pass-through pricing what is left after the fee. */
export function creditsForPayment(paidMicros: number): number {
  return creditsAfterFee(paidMicros, topUpFeePercent());
}

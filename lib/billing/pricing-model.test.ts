import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { creditsForPayment, topUpFeePercent, variantPricing } from "./pricing-model";

afterEach(() => {
  env.PRICING_MODEL = "tiers";
  env.TOPUP_FEE_PERCENT = 5;
});

describe("tiers pricing", () => {
  it("prices from the list price by tier and takes no fee at top-up", () => {
    expect(variantPricing({ priceMicros: 35_000, upstreamCostMicros: 30_000 })).toEqual({
      baseMicros: 35_000,
      tiers: { pricesMicros: [35_000, 34_500, 34_000, 33_500, 33_000], thresholdsMicros: [50e6, 200e6, 1000e6, 5000e6] },
    });
    expect(topUpFeePercent()).toBe(0);
    expect(creditsForPayment(10_000_000)).toBe(10_000_000);
  });
});

describe("passthrough pricing", () => {
  it("prices at the upstream cost without tiers, and credits a payment less the fee", () => {
    env.PRICING_MODEL = "passthrough";
    expect(variantPricing({ priceMicros: 35_000, upstreamCostMicros: 30_000 })).toEqual({ baseMicros: 30_000, tiers: null });
    expect(topUpFeePercent()).toBe(5);
    expect(creditsForPayment(10_000_000)).toBe(9_523_809);
    env.TOPUP_FEE_PERCENT = 0;
    expect(creditsForPayment(10_000_000)).toBe(10_000_000);
  });
});

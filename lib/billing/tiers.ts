// Volume tiers by the month's spend, as the public pricing pages describe them: the catalog price
// is the list price (tier 0), and each tier above keeps a smaller share of the variant's markup
// over its upstream cost, down to the floor of 10% at $5000 a month. Pure: the pricing table,
// the billing page and the hold in lumigate_create_task all read this one table.

/** How tasks are priced (PRICING_MODEL): volume tiers over list prices, or the upstream's price plus a top-up fee. */
export type PricingModel = "tiers" | "passthrough";

/** No tier prices a variant below its upstream cost plus this share. */
export const MARKUP_FLOOR_PERCENT = 10;

export type VolumeTier = {
  name: string;
  /** Month-to-date spend (holds included) from which the tier applies, micro-USD. */
  fromMicros: number;
  /** Share, in percent, of the list price's markup above the floor that the tier still charges. */
  keepPercent: number;
};

export const volumeTiers: readonly VolumeTier[] = [
  { name: "Standard", fromMicros: 0, keepPercent: 100 },
  { name: "Plus", fromMicros: 50_000_000, keepPercent: 75 },
  { name: "Growth", fromMicros: 200_000_000, keepPercent: 50 },
  { name: "Scale", fromMicros: 1_000_000_000, keepPercent: 25 },
  { name: "Volume", fromMicros: 5_000_000_000, keepPercent: 0 },
];

/** Where each tier above the first starts, in order: what the SQL compares the month's spend with. */
export const tierThresholdsMicros: readonly number[] = volumeTiers.slice(1).map((t) => t.fromMicros);

/** The index in volumeTiers of the tier a month-to-date spend falls in. */
export function tierIndexForSpend(spentMicros: number): number {
  return tierThresholdsMicros.filter((from) => from <= spentMicros).length;
}

/** Where a month's spend stands: its tier, and the next one with how much more spend reaches it. */
export function tierStanding(spentMicros: number): {
  index: number;
  tier: VolumeTier;
  next: { index: number; tier: VolumeTier; remainingMicros: number } | null;
} {
  const index = tierIndexForSpend(spentMicros);
  const next = volumeTiers[index + 1];
  return {
    index,
    tier: volumeTiers[index]!,
    next: next ? { index: index + 1, tier: next, remainingMicros: next.fromMicros - spentMicros } : null,
  };
}

const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/**
 * A variant's price in each tier, integer micro-USD rounded up. Tier 0 is the list price exactly.
 * A list price at or below the floor (cost + 10%) is not lowered by any tier: the discount comes
 * out of the markup, and there is none left to give.
 */
export function tierPricesMicros(listPriceMicros: number, upstreamCostMicros: number | null): number[] {
  if (!Number.isSafeInteger(listPriceMicros) || listPriceMicros < 0) {
    throw new RangeError(`not a price in micro-USD: ${listPriceMicros}`);
  }
  if (upstreamCostMicros === null) return volumeTiers.map(() => listPriceMicros);
  if (!Number.isSafeInteger(upstreamCostMicros) || upstreamCostMicros < 0) {
    throw new RangeError(`not an upstream cost in micro-USD: ${upstreamCostMicros}`);
  }
  const floor = ceilDiv(upstreamCostMicros * (100 + MARKUP_FLOOR_PERCENT), 100);
  if (listPriceMicros <= floor) return volumeTiers.map(() => listPriceMicros);
  return volumeTiers.map((t) => floor + ceilDiv((listPriceMicros - floor) * t.keepPercent, 100));
}

/** The markup a price puts on an upstream cost, in whole percent rounded down (for display). */
export function markupPercent(priceMicros: number, upstreamCostMicros: number): number {
  return upstreamCostMicros > 0 ? Math.floor(((priceMicros - upstreamCostMicros) * 100) / upstreamCostMicros) : 0;
}

/** How much cheaper `lowerMicros` is than `higherMicros`, in percent to one decimal, rounded down. */
export function savingPercent(higherMicros: number, lowerMicros: number): number {
  return higherMicros > 0 ? Math.floor(((higherMicros - lowerMicros) * 1000) / higherMicros) / 10 : 0;
}

/**
 * Credits bought by a payment when the platform fee is taken at top-up: paid / (1 + fee), in whole
 * micro-USD rounded down so a fee is never under-taken. The fee is in percent with up to two decimals.
 */
export function creditsAfterFee(paidMicros: number, feePercent: number): number {
  if (!Number.isSafeInteger(paidMicros) || paidMicros < 0) throw new RangeError(`not a payment in micro-USD: ${paidMicros}`);
  const feeBasisPoints = Math.round(feePercent * 100);
  if (feeBasisPoints < 0) throw new RangeError(`not a fee: ${feePercent}%`);
  return Number((BigInt(paidMicros) * 10_000n) / BigInt(10_000 + feeBasisPoints));
}

import { describe, expect, it } from "vitest";
import { catalogSource } from "@/lib/catalog/source";
import { creditsAfterFee, markupPercent, savingPercent, tierIndexForSpend, tierPricesMicros, tierStanding, volumeTiers } from "./tiers";

const USD = 1_000_000;

describe("tierIndexForSpend", () => {
  it.each([
    [0, 0],
    [49_990_000, 0],
    [49_999_999, 0],
    [50 * USD, 1],
    [199_990_000, 1],
    [200 * USD, 2],
    [999_990_000, 2],
    [1000 * USD, 3],
    [4_999_990_000, 3],
    [5000 * USD, 4],
    [1_000_000 * USD, 4],
  ])("a month spend of %i micro-USD is tier %i", (spent, tier) => {
    expect(tierIndexForSpend(spent)).toBe(tier);
  });

  it("names five tiers from $0, $50, $200, $1000 and $5000", () => {
    expect(volumeTiers.map((t) => t.fromMicros)).toEqual([0, 50 * USD, 200 * USD, 1000 * USD, 5000 * USD]);
  });
});

describe("tierPricesMicros", () => {
  it("keeps the list price at tier 0 and ends at the upstream cost plus 10%", () => {
    expect(tierPricesMicros(35_000, 30_000)).toEqual([35_000, 34_500, 34_000, 33_500, 33_000]);
    expect(tierPricesMicros(98_000, 60_000)).toEqual([98_000, 90_000, 82_000, 74_000, 66_000]);
  });

  it("rounds every step up to a whole micro-USD, the floor included", () => {
    // Floor: 33_333 * 1.1 = 36_666.3 -> 36_667; markup above it 3_333, kept 75% = 2_499.75 -> 2_500.
    expect(tierPricesMicros(40_000, 33_333)).toEqual([40_000, 39_167, 38_334, 37_501, 36_667]);
  });

  it("does not lower a list price that is already at or below the floor", () => {
    expect(tierPricesMicros(168_000, 180_000)).toEqual(Array(5).fill(168_000));
    expect(tierPricesMicros(33_000, 30_000)).toEqual(Array(5).fill(33_000));
    expect(tierPricesMicros(33_001, 30_000)).toEqual([33_001, 33_001, 33_001, 33_001, 33_000]);
  });

  it("without an upstream cost keeps the list price", () => {
    expect(tierPricesMicros(35_000, null)).toEqual(Array(5).fill(35_000));
  });

  it("over the whole catalog: tier 0 is today's price, never rises, never goes below cost + 10% unless the list price does", () => {
    for (const v of catalogSource.variants) {
      const cost = [...v.routes].sort((a, b) => a.priority - b.priority)[0]!.upstreamCostMicros;
      const prices = tierPricesMicros(v.priceMicros, cost);
      expect(prices[0]).toBe(v.priceMicros);
      for (let i = 1; i < prices.length; i++) expect(prices[i]).toBeLessThanOrEqual(prices[i - 1]!);
      const floor = Math.ceil((cost * 110) / 100);
      for (const p of prices) {
        expect(Number.isSafeInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(Math.min(v.priceMicros, floor));
      }
      expect(prices[4]).toBe(Math.min(v.priceMicros, floor));
    }
  });

  it("refuses amounts that are not micro-USD", () => {
    expect(() => tierPricesMicros(0.5, 1)).toThrow(RangeError);
    expect(() => tierPricesMicros(100, -1)).toThrow(RangeError);
  });
});

describe("tierStanding", () => {
  it.each([
    [0, "Standard", "Plus", 50 * USD],
    [49_990_000, "Standard", "Plus", 10_000],
    [50 * USD, "Plus", "Growth", 150 * USD],
    [4_999_990_000, "Scale", "Volume", 10_000],
  ])("at %i micro-USD: %s, then %s after %i more", (spent, name, nextName, remaining) => {
    const standing = tierStanding(spent);
    expect(standing.tier.name).toBe(name);
    expect(standing.next).toMatchObject({ tier: { name: nextName }, remainingMicros: remaining });
  });

  it("has no next tier from $5000", () => {
    expect(tierStanding(5000 * USD)).toMatchObject({ index: 4, tier: { name: "Volume" }, next: null });
  });
});

describe("markupPercent and savingPercent", () => {
  it("round down: markup to whole percent, saving to a tenth", () => {
    expect(markupPercent(35_000, 30_000)).toBe(16);
    expect(markupPercent(33_000, 30_000)).toBe(10);
    expect(savingPercent(35_000, 33_000)).toBe(5.7);
    expect(savingPercent(35_000, 34_500)).toBe(1.4);
    expect(savingPercent(35_000, 35_000)).toBe(0);
  });
});

describe("creditsAfterFee", () => {
  it.each([
    [10 * USD, 5, 9_523_809],
    [10 * USD, 0, 10 * USD],
    [105 * USD, 5, 100 * USD],
    [10 * USD, 2.5, 9_756_097],
    [1, 5, 0],
  ])("a payment of %i micro-USD with a %d%% fee buys %i", (paid, fee, credits) => {
    expect(creditsAfterFee(paid, fee)).toBe(credits);
  });

  it("refuses a negative or fractional payment", () => {
    expect(() => creditsAfterFee(-1, 5)).toThrow(RangeError);
    expect(() => creditsAfterFee(1.5, 5)).toThrow(RangeError);
  });
});

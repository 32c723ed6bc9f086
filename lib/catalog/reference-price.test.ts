import { describe, expect, it } from "vitest";
import { compareToReference } from "./reference-price";
import { catalogSource } from "./source";

describe("compareToReference", () => {
  it.each<[number, number, string]>([
    [40_000, 40_000, "the same as fal.ai's list price"],
    // 0.5% either way, exactly: still the same.
    [40_200, 40_000, "the same as fal.ai's list price"],
    [39_800, 40_000, "the same as fal.ai's list price"],
    // One micro-USD past 0.5%: rounds up to 1%, never "0%".
    [40_201, 40_000, "1% more than fal.ai's list price"],
    [39_799, 40_000, "1% less than fal.ai's list price"],
    // Rounding half up at x.5%.
    [40_599, 40_000, "1% more than fal.ai's list price"],
    [40_600, 40_000, "2% more than fal.ai's list price"],
    [39_400, 40_000, "2% less than fal.ai's list price"],
    [44_800, 40_000, "12% more than fal.ai's list price"],
    [36_800, 40_000, "8% less than fal.ai's list price"],
    [120_000, 40_000, "200% more than fal.ai's list price"],
    [0, 40_000, "100% less than fal.ai's list price"],
  ])("%i against %i: %s", (price, reference, phrase) => {
    expect(compareToReference(price, reference, "fal.ai").phrase).toBe(phrase);
  });

  it("gives the direction and percent alongside the words", () => {
    expect(compareToReference(44_800, 40_000, "fal.ai")).toEqual({ direction: "more", percent: 12, phrase: "12% more than fal.ai's list price" });
    expect(compareToReference(40_100, 40_000, "fal.ai")).toEqual({ direction: "same", percent: 0, phrase: "the same as fal.ai's list price" });
  });

  it("names the upstream when the catalog gives no source", () => {
    expect(compareToReference(42_000, 40_000, null).phrase).toBe("5% more than the upstream list price");
  });

  it.each([
    [40_000, 0],
    [40_000, -1],
    [-1, 40_000],
    [0.5, 40_000],
  ])("refuses %d against a reference of %d", (price, reference) => {
    expect(() => compareToReference(price, reference, "fal.ai")).toThrow(RangeError);
  });

  it("states a difference for every priced catalog variant that is not within 0.5%, in both directions", () => {
    const compared = catalogSource.variants
      .filter((v) => v.referencePriceMicros !== null)
      .map((v) => compareToReference(v.priceMicros, v.referencePriceMicros as number, v.referenceSource));
    expect(compared.length).toBeGreaterThan(0);
    for (const c of compared) {
      expect(c.phrase).toMatch(c.direction === "same" ? /^the same as .+'s list price$/ : /^\d+% (more|less) than .+'s list price$/);
    }
    expect(compared.some((c) => c.direction === "more")).toBe(true);
  });
});

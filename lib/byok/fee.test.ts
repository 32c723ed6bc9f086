import { describe, expect, it } from "vitest";
import { byokFeeMicros, chargedMicros } from "./fee";

describe("byokFeeMicros", () => {
  it.each([
    [35_000, 0, 0],
    [35_000, 5, 1_750],
    [35_000, 2.5, 875],
    [49_000, 3.33, 1_632],
    [1, 5, 1],
    [168_000, 100, 168_000],
  ])("%i micro-USD at %d %% is %i, rounded up", (price, percent, fee) => {
    expect(byokFeeMicros(price, percent)).toBe(fee);
  });
});

describe("chargedMicros", () => {
  it("charges the fee only when the account's key served the task", () => {
    expect(chargedMicros({ priceMicros: 35_000n, byokFeeMicros: 1_750n, byokUsed: true })).toBe(1_750n);
    expect(chargedMicros({ priceMicros: 35_000n, byokFeeMicros: 1_750n, byokUsed: false })).toBe(35_000n);
    expect(chargedMicros({ priceMicros: 35_000n, byokFeeMicros: null, byokUsed: false })).toBe(35_000n);
  });
});

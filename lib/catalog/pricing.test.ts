import { describe, expect, it } from "vitest";
import {
  creditsToMicros,
  formatCredits,
  formatUsd,
  MICROS_PER_CREDIT,
  microsToCredits,
  parseUsdToMicros,
} from "./pricing";

describe("credits", () => {
  it("one credit is $0.007", () => {
    expect(MICROS_PER_CREDIT).toBe(7000);
  });

  it.each([
    [35_000, 5],
    [49_000, 7],
    [168_000, 24],
    [171_500, 24.5],
    [0, 0],
  ])("microsToCredits(%i) = %d", (micros, credits) => {
    expect(microsToCredits(micros)).toBe(credits);
    expect(microsToCredits(BigInt(micros))).toBe(credits);
  });

  it.each([
    [5, 35_000],
    [24, 168_000],
    [24.5, 171_500],
    [0.0001, 1],
  ])("creditsToMicros(%d) = %i", (credits, micros) => {
    expect(creditsToMicros(credits)).toBe(micros);
  });

  it("refuses amounts that are not numbers", () => {
    expect(() => creditsToMicros(Number.NaN)).toThrow(RangeError);
    expect(() => creditsToMicros(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it.each([
    [168_000, "24"],
    [171_500, "24.5"],
    [35_000, "5"],
    [1000, "0.14"],
    [7_000_000, "1,000"],
    [0, "0"],
  ])("formatCredits(%i) = %s", (micros, text) => {
    expect(formatCredits(micros)).toBe(text);
  });
});

describe("formatUsd", () => {
  it.each([
    [168_000, "$0.168"],
    [35_000, "$0.035"],
    [180_000, "$0.18"],
    [12_345, "$0.0123"],
    [123, "$0.0001"],
    [0, "$0.00"],
    [1_000_000, "$1.00"],
    [10_000_000, "$10.00"],
    [1_234_567_890, "$1,234.5679"],
    [-35_000, "-$0.035"],
  ])("%i micros -> %s (2 to 4 decimals)", (micros, text) => {
    expect(formatUsd(micros)).toBe(text);
  });

  it("accepts bigints, as read from the database", () => {
    expect(formatUsd(245_000n)).toBe("$0.245");
  });

  it.each([
    [168_000, 2, "$0.17"],
    [1_234_567_890, 2, "$1,234.57"],
    [1_500_000, 0, "$2"],
    [1_234_567, 6, "$1.234567"],
  ])("%i micros with %i digits -> %s", (micros, digits, text) => {
    expect(formatUsd(micros, { digits })).toBe(text);
  });
});

describe("parseUsdToMicros", () => {
  it.each([
    ["0.05", 50_000],
    ["$1", 1_000_000],
    [".5", 500_000],
    [" 2.5 ", 2_500_000],
    ["0.000001", 1],
    ["0.168", 168_000],
    ["0", 0],
  ])("%j -> %i", (text, micros) => {
    expect(parseUsdToMicros(text)).toBe(micros);
  });

  it.each(["", "abc", "-1", "1e3", "0.1234567", "1.", "1,000", "$", "0x10"])("%j -> null", (text) => {
    expect(parseUsdToMicros(text)).toBeNull();
  });
});

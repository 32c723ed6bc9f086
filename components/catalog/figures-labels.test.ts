import { describe, expect, it } from "vitest";
import { dayMedianLabel, formatDay, formatRuns, formatSuccessRate } from "./figures-labels";

describe("formatSuccessRate", () => {
  it.each([
    [5, 5, "100%"],
    [999, 1000, "99.9%"],
    [9999, 10_000, "99.9%"],
    [1, 3, "33.3%"],
    [1, 2, "50%"],
    [0, 4, "0%"],
    [0, 0, "–"],
  ])("%d of %d reads %s", (successes, requests, text) => {
    expect(formatSuccessRate(successes, requests)).toBe(text);
  });
});

describe("formatRuns and formatDay", () => {
  it("counts runs and names UTC days", () => {
    expect(formatRuns(1)).toBe("1 run");
    expect(formatRuns(0)).toBe("0 runs");
    expect(formatRuns(12_345)).toBe("12,345 runs");
    expect(formatDay("2026-12-02")).toBe("Dec 2");
    expect(formatDay("2027-01-01")).toBe("Jan 1");
  });

  it("tells a day without runs from a day without successes", () => {
    expect(dayMedianLabel({ requests: 0, medianLatencyMs: null })).toBe("No runs");
    expect(dayMedianLabel({ requests: 3, medianLatencyMs: null })).toBe("No successes");
    expect(dayMedianLabel({ requests: 3, medianLatencyMs: 1500 })).toBe("1.5 s");
  });
});

import { describe, expect, it } from "vitest";
import { addDays, cumulative, daysOf, fillDays, isUtcDay, lastDays, monthToDate, spanDays } from "./range";

const now = new Date("2026-03-02T23:59:59.999Z");

describe("UTC day ranges", () => {
  it.each([
    ["2026-02-28", true],
    ["2024-02-29", true],
    ["2026-02-29", false],
    ["2026-13-01", false],
    ["2026-3-1", false],
    ["2026-03-01T00:00:00Z", false],
  ])("isUtcDay(%s) = %s", (value, expected) => {
    expect(isUtcDay(value)).toBe(expected);
  });

  it("counts the last N days with today included, across a month end", () => {
    expect(lastDays(7, now)).toEqual({ from: "2026-02-24", to: "2026-03-02" });
    expect(spanDays(lastDays(90, now))).toBe(90);
    expect(lastDays(1, now)).toEqual({ from: "2026-03-02", to: "2026-03-02" });
  });

  it("spans both ends, and nothing when the end comes first", () => {
    expect(spanDays({ from: "2026-02-27", to: "2026-03-02" })).toBe(4);
    expect(spanDays({ from: "2026-03-02", to: "2026-03-01" })).toBe(0);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("runs the month from its first day to today", () => {
    expect(monthToDate(now)).toEqual({ from: "2026-03-01", to: "2026-03-02" });
  });

  it("fills the days without figures, oldest first", () => {
    const range = { from: "2026-02-27", to: "2026-03-02" };
    expect(daysOf(range)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    const filled = fillDays(range, new Map([["2026-02-28", 5], ["2026-03-02", 7], ["2026-03-09", 99]]), () => 0);
    expect(filled).toEqual([
      { day: "2026-02-27", value: 0 },
      { day: "2026-02-28", value: 5 },
      { day: "2026-03-01", value: 0 },
      { day: "2026-03-02", value: 7 },
    ]);
  });

  it("adds up per-day amounts into running totals, ignoring days outside the range", () => {
    const perDay = new Map([["2026-03-01", 10], ["2026-03-03", 5], ["2026-02-28", 1000]]);
    expect(cumulative({ from: "2026-03-01", to: "2026-03-04" }, perDay).map((p) => p.total)).toEqual([10, 10, 15, 15]);
  });
});

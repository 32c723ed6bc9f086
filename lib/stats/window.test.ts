import { describe, expect, it } from "vitest";
import { dailyFiguresSchema, dailySeries, statsWindowStart, utcDays } from "./window";

describe("utcDays", () => {
  it.each([
    ["a window starting mid-day touches 8 days", "2026-12-02T10:00:00Z", "2026-12-09T10:00:00Z", 8],
    ["a window from midnight to midnight touches 8 (its end is inclusive)", "2026-12-02T00:00:00Z", "2026-12-09T00:00:00Z", 8],
    ["one instant is one day", "2026-12-09T23:59:59.999Z", "2026-12-09T23:59:59.999Z", 1],
  ])("%s", (_, from, to, count) => {
    const days = utcDays(new Date(from), new Date(to));
    expect(days).toHaveLength(count);
    expect(days[0]).toBe(from.slice(0, 10));
    expect(days.at(-1)).toBe(to.slice(0, 10));
  });

  it("crosses months and years in UTC", () => {
    expect(utcDays(new Date("2026-12-30T22:00:00Z"), new Date("2027-01-02T01:00:00Z"))).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
  });

  it("pairs with the 7-day window", () => {
    const now = new Date("2026-03-01T05:00:00Z");
    expect(statsWindowStart(now).toISOString()).toBe("2026-02-22T05:00:00.000Z");
    expect(utcDays(statsWindowStart(now), now)).toEqual([
      "2026-02-22",
      "2026-02-23",
      "2026-02-24",
      "2026-02-25",
      "2026-02-26",
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
    ]);
  });
});

describe("dailySeries", () => {
  it("keeps the days' order and fills the days without tasks with zeros", () => {
    const found = new Map([["2026-12-02", { day: "2026-12-02", requests: 3, successes: 2, medianLatencyMs: 900, simulated: 0 }]]);
    expect(dailySeries(["2026-12-01", "2026-12-02", "2026-12-03"], found)).toEqual([
      { day: "2026-12-01", requests: 0, successes: 0, medianLatencyMs: null, simulated: 0 },
      { day: "2026-12-02", requests: 3, successes: 2, medianLatencyMs: 900, simulated: 0 },
      { day: "2026-12-03", requests: 0, successes: 0, medianLatencyMs: null, simulated: 0 },
    ]);
  });
});

describe("dailyFiguresSchema", () => {
  it("accepts what recomputeVariantStats writes", () => {
    const entry = { day: "2026-12-02", requests: 1, successes: 1, medianLatencyMs: 10, simulated: 0 };
    expect(dailyFiguresSchema.parse([entry, { ...entry, medianLatencyMs: null }])).toHaveLength(2);
  });

  it.each([
    ["a fractional median", { medianLatencyMs: 1.5 }],
    ["a negative count", { requests: -1 }],
    ["a day that is not a date", { day: "yesterday" }],
    ["a missing simulated count", { simulated: undefined }],
  ])("refuses %s", (_, change) => {
    const entry = { day: "2026-12-02", requests: 1, successes: 1, medianLatencyMs: 10, simulated: 0, ...change };
    expect(dailyFiguresSchema.safeParse([entry]).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { figuresAge, overallStatus, type ProviderTotals } from "./overall";

const p = (name: string, requests: number, successes: number, degradedVariants = 0): ProviderTotals => ({ name, requests, successes, degradedVariants });

describe("overallStatus", () => {
  it.each<[string, ProviderTotals[], string, string]>([
    ["every provider healthy", [p("fal.ai", 100, 99), p("OpenAI", 40, 40)], "operational", "All systems operational"],
    ["exactly 10% failing is not degraded", [p("fal.ai", 100, 90)], "operational", "All systems operational"],
    ["one provider failing", [p("fal.ai", 100, 68), p("OpenAI", 40, 40)], "degraded", "Degraded: fal.ai failing 32% of tasks"],
    [
      "two failing, worst first",
      [p("Replicate", 50, 44), p("fal.ai", 100, 68)],
      "degraded",
      "Degraded: fal.ai failing 32% of tasks, Replicate failing 12%",
    ],
    ["too few runs to judge a rate", [p("fal.ai", 9, 0), p("OpenAI", 40, 40)], "operational", "All systems operational"],
    [
      "refusing recent calls with a good week",
      [p("fal.ai", 100, 100, 2)],
      "degraded",
      "Degraded: fal.ai refusing recent requests",
    ],
    ["failing and refusing named once", [p("fal.ai", 100, 50, 1)], "degraded", "Degraded: fal.ai failing 50% of tasks"],
    ["no runs at all", [p("fal.ai", 0, 0), p("OpenAI", 0, 0)], "no_runs", "No runs in the last 7 days"],
    ["no providers", [], "no_runs", "No runs in the last 7 days"],
    ["refusing with no runs is still degraded", [p("fal.ai", 0, 0, 1)], "degraded", "Degraded: fal.ai refusing recent requests"],
  ])("%s", (_, providers, level, headline) => {
    expect(overallStatus(providers)).toEqual({ level, headline });
  });
});

describe("figuresAge", () => {
  const now = new Date("2026-12-03T12:00:00Z");
  it("is missing without figures", () => {
    expect(figuresAge([], now)).toEqual({ kind: "missing" });
  });
  it("counts from the oldest figures", () => {
    const old = new Date("2026-12-03T11:56:00Z");
    expect(figuresAge([new Date("2026-12-03T11:59:00Z"), old], now)).toEqual({ kind: "fresh", computedAt: old, ageMs: 4 * 60_000 });
  });
  it("is stale past an hour, fresh at one", () => {
    expect(figuresAge([new Date("2026-12-03T11:00:00Z")], now).kind).toBe("fresh");
    expect(figuresAge([new Date("2026-12-03T10:59:59Z")], now).kind).toBe("stale");
  });
});

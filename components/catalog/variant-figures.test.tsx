import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DayFigures, VariantFigures } from "@/lib/stats/types";
import { LatencyByDay } from "./latency-by-day";
import { VariantFiguresLine, VariantFiguresList } from "./variant-figures";

const day = (d: string, requests: number, successes: number, medianLatencyMs: number | null): DayFigures => ({
  day: d,
  requests,
  successes,
  medianLatencyMs,
  simulated: 0,
});

const figures: VariantFigures = {
  requests: 1234,
  successes: 1233,
  medianLatencyMs: 3240,
  isSimulated: false,
  daily: [day("2026-12-02", 0, 0, null), day("2026-12-03", 1, 0, null), day("2026-12-04", 1233, 1233, 3240)],
  computedAt: new Date("2026-12-09T10:00:00Z"),
};

const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("VariantFiguresLine", () => {
  it("gives runs, a success rate that never rounds up to 100% and the median", () => {
    const html = renderToStaticMarkup(<VariantFiguresLine figures={figures} />);
    expect(text(html)).toBe("Last 7 days: 1,234 runs·99.9% success·3.2 s median");
    expect(html).not.toContain("Simulated");
  });

  it.each([
    ["no row", null],
    ["a row without requests", { ...figures, requests: 0, successes: 0, medianLatencyMs: null }],
  ])("says there were no runs for %s", (_, shown) => {
    expect(text(renderToStaticMarkup(<VariantFiguresLine figures={shown} />))).toBe("No runs in the last 7 days");
  });

  it("leaves out the median without successes and marks simulated figures", () => {
    const html = renderToStaticMarkup(<VariantFiguresLine figures={{ ...figures, requests: 3, successes: 0, medianLatencyMs: null, isSimulated: true }} />);
    expect(text(html)).toMatch(/^Last 7 days: 3 runs·0% successSimulated: From tasks the built-in simulator served/);
    expect(html).toContain('data-testid="figures-simulated"');
  });
});

describe("VariantFiguresList", () => {
  it("names each figure", () => {
    const html = renderToStaticMarkup(<VariantFiguresList figures={figures} />);
    expect(text(html)).toBe("Last 7 daysRequests1,234Success rate99.9%Median latency3.2 s");
    expect(text(renderToStaticMarkup(<VariantFiguresList figures={null} />))).toBe("Last 7 daysNo runs in the last 7 days");
  });
});

describe("LatencyByDay", () => {
  it("has a table of every day for screen readers, telling a day without runs from one without successes", () => {
    const html = renderToStaticMarkup(<LatencyByDay figures={figures} />);
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => text(m[1]!));
    expect(rows).toEqual([
      "DayMedian latencyRequestsSuccess rate",
      "Dec 2No runs0–",
      "Dec 3No successes10%",
      "Dec 43.2 s1233100%",
    ]);
  });

  it("says there were no runs instead of drawing an empty chart", () => {
    const html = renderToStaticMarkup(<LatencyByDay figures={null} />);
    expect(text(html)).toBe("No runs in the last 7 days");
    expect(html).not.toContain("<table");
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChartTable } from "./chart-table";
import { formatLatency } from "@/lib/utils/duration";
import { formatRate } from "./format";
import { ModelTable } from "./model-table";
import { MonthChart } from "./month-chart";
import { UsageTotals } from "./usage-totals";

describe("usage tables", () => {
  it("marks each model's row and the totals for the e2e run", () => {
    const html = renderToStaticMarkup(
      <>
        <UsageTotals totals={{ spendMicros: 92_000, tasks: 3, successRate: 2 / 3 }} />
        <ModelTable
          models={[{ model: "flux-2-pro-text-to-image-1k", label: "FLUX.2 Pro", tasks: 3, successes: 2, failures: 1, successRate: 2 / 3, p50Ms: 850, p95Ms: 4210, spendMicros: 70_000 }]}
        />
      </>,
    );
    expect(html).toContain('data-testid="usage-total-spend">$0.092<');
    expect(html).toContain('data-testid="usage-total-tasks">3<');
    expect(html).toContain('data-testid="usage-success-rate">66.7%<');
    expect(html).toMatch(/<tr[^>]*data-model="flux-2-pro-text-to-image-1k"/);
    expect(html).toContain(">850 ms<");
    expect(html).toContain(">4.2 s<");
    expect(html).toContain('data-testid="model-spend">$0.07<');
  });

  it("gives a chart's numbers to screen readers as a table, one row per day", () => {
    const html = renderToStaticMarkup(
      <ChartTable
        caption="Spend per day by model"
        columns={[{ id: "s0", label: "FLUX.2 Pro" }]}
        rows={[{ day: "2026-03-09", s0: 0 }, { day: "2026-03-10", s0: 35_000 }]}
        format={(v) => `$${v / 1e6}`}
      />,
    );
    expect(html).toMatch(/^<div class="sr-only"><table><caption>Spend per day by model<\/caption>/);
    expect(html).toContain('<th scope="col">FLUX.2 Pro</th>');
    expect(html).toContain('<tr><th scope="row">2026-03-10</th><td>$0.035</td></tr>');
  });

  it("says so when there is no monthly cap", () => {
    const points = [{ day: "2026-03-01", total: 1_500_000 }];
    expect(renderToStaticMarkup(<MonthChart points={points} capMicros={null} />)).toContain("$1.50, no monthly cap set");
    expect(renderToStaticMarkup(<MonthChart points={points} capMicros={2_000_000} />)).toContain("$1.50 of the $2.00 monthly cap");
  });

  it.each([
    [null, "–"],
    [1, "100%"],
    [0.9876, "98.8%"],
  ])("formatRate(%s) = %s", (rate, text) => expect(formatRate(rate)).toBe(text));

  it.each([
    [null, "–"],
    [999, "999 ms"],
    [12_345, "12.3 s"],
  ])("formatLatency(%s) = %s", (ms, text) => expect(formatLatency(ms)).toBe(text));
});

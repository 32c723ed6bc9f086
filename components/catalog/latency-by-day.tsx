import type { VariantFigures } from "@/lib/stats/types";
import { dayMedianLabel, formatDay, formatSuccessRate, NO_RUNS } from "./figures-labels";
import { LatencyChart } from "./latency-chart";

/** The model page's chart of median latency by day, with the same figures as a table for screen readers. */
export function LatencyByDay({ figures }: { figures: VariantFigures | null }) {
  if (!figures || figures.requests === 0) {
    return (
      <p data-testid="latency-by-day" className="rounded-xl border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
        {NO_RUNS}
      </p>
    );
  }
  return (
    <div data-testid="latency-by-day" className="rounded-xl border bg-card p-4">
      <LatencyChart daily={figures.daily} />
      {/* A table ignores the 1 px box of sr-only and would widen a phone's page: its wrapper takes it. */}
      <div className="sr-only">
        <table>
          <caption>Median latency, requests and success rate per UTC day over the last 7 days</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Median latency</th>
              <th scope="col">Requests</th>
              <th scope="col">Success rate</th>
            </tr>
          </thead>
          <tbody>
            {figures.daily.map((d) => (
              <tr key={d.day}>
                <th scope="row">{formatDay(d.day)}</th>
                <td>{dayMedianLabel(d)}</td>
                <td>{d.requests}</td>
                <td>{formatSuccessRate(d.successes, d.requests)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

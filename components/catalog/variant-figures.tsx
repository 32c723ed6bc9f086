import { Badge } from "@/components/ui/badge";
import type { VariantFigures } from "@/lib/stats/types";
import { formatDuration } from "@/lib/utils/duration";
import { formatRuns, formatSuccessRate, NO_RUNS } from "./figures-labels";

const SIMULATED_NOTE = "From tasks the built-in simulator served, not a real upstream provider.";

function SimulatedBadge() {
  return (
    <Badge title={SIMULATED_NOTE} data-testid="figures-simulated">
      Simulated<span className="sr-only">: {SIMULATED_NOTE}</span>
    </Badge>
  );
}

/** A card's one line: runs, success rate and median latency over the last 7 days. */
export function VariantFiguresLine({ figures }: { figures: VariantFigures | null }) {
  if (!figures || figures.requests === 0) {
    return (
      <p data-testid="variant-figures" className="text-xs text-muted-foreground">
        {NO_RUNS}
      </p>
    );
  }
  return (
    <p data-testid="variant-figures" className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-xs text-muted-foreground tabular-nums">
      <span className="sr-only">Last 7 days: </span>
      <span>{formatRuns(figures.requests)}</span>
      <span aria-hidden>·</span>
      <span>{formatSuccessRate(figures.successes, figures.requests)} success</span>
      {figures.medianLatencyMs !== null && (
        <>
          <span aria-hidden>·</span>
          <span>{formatDuration(figures.medianLatencyMs)} median</span>
        </>
      )}
      {figures.isSimulated && <SimulatedBadge />}
    </p>
  );
}

/** The model header's figures, one term each. */
export function VariantFiguresList({ figures }: { figures: VariantFigures | null }) {
  const hasRuns = figures !== null && figures.requests > 0;
  return (
    <div data-testid="variant-figures" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-medium text-muted-foreground">Last 7 days</p>
        {hasRuns && figures.isSimulated && <SimulatedBadge />}
      </div>
      {hasRuns ? (
        <dl className="grid grid-cols-3 gap-3 text-sm">
          {[
            ["Requests", figures.requests.toLocaleString("en-US")],
            ["Success rate", formatSuccessRate(figures.successes, figures.requests)],
            ["Median latency", figures.medianLatencyMs === null ? "–" : formatDuration(figures.medianLatencyMs)],
          ].map(([term, detail]) => (
            <div key={term}>
              <dt className="text-xs text-muted-foreground">{term}</dt>
              <dd className="font-semibold tabular-nums">{detail}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-muted-foreground">{NO_RUNS}</p>
      )}
    </div>
  );
}

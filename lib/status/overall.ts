/** A provider's share of failed tasks above this, over enough runs, marks the site degraded. */
export const DEGRADED_FAILURE_RATE = 0.1;
/** Fewer ended tasks than this in 7 days say too little about a provider's failure rate. */
export const MIN_RUNS_FOR_RATE = 10;
/** Figures older than this are called out as stale: the stats job normally runs every few minutes. */
export const STALE_AFTER_MS = 60 * 60_000;

export type ProviderTotals = {
  name: string;
  /** Ended tasks (success or fail) over the last 7 days. */
  requests: number;
  successes: number;
  /** Variants whose upstreams refused most recent calls (servingStatus "degraded"). */
  degradedVariants: number;
};

export type OverallStatus =
  | { level: "operational"; headline: "All systems operational" }
  | { level: "degraded"; headline: string }
  | { level: "no_runs"; headline: "No runs in the last 7 days" };

function failurePercent(p: ProviderTotals): number {
  return Math.round(((p.requests - p.successes) * 100) / p.requests);
}

function isFailing(p: ProviderTotals): boolean {
  return p.requests >= MIN_RUNS_FOR_RATE && (p.requests - p.successes) / p.requests > DEGRADED_FAILURE_RATE;
}

/**
 * The one line at the top of /status. Degraded names each failing provider with its failure rate
 * (worst first), then those whose upstreams are refusing calls right now; a quiet week is said as
 * such rather than called operational.
 */
export function overallStatus(providers: readonly ProviderTotals[]): OverallStatus {
  const failing = providers.filter(isFailing).sort((a, b) => failurePercent(b) - failurePercent(a));
  const refusing = providers.filter((p) => p.degradedVariants > 0 && !failing.includes(p));
  if (failing.length > 0 || refusing.length > 0) {
    const parts = [
      ...failing.map((p, i) => `${p.name} failing ${failurePercent(p)}%${i === 0 ? " of tasks" : ""}`),
      ...refusing.map((p) => `${p.name} refusing recent requests`),
    ];
    return { level: "degraded", headline: `Degraded: ${parts.join(", ")}` };
  }
  if (providers.every((p) => p.requests === 0)) return { level: "no_runs", headline: "No runs in the last 7 days" };
  return { level: "operational", headline: "All systems operational" };
}

export type FiguresAge = { kind: "missing" } | { kind: "fresh" | "stale"; computedAt: Date; ageMs: number };

/** How old the live figures are: the oldest variant's computedAt counts, since the page shows them all. */
export function figuresAge(computedAt: readonly Date[], now: Date): FiguresAge {
  if (computedAt.length === 0) return { kind: "missing" };
  const oldest = new Date(Math.min(...computedAt.map((d) => d.getTime())));
  const ageMs = Math.max(0, now.getTime() - oldest.getTime());
  return { kind: ageMs > STALE_AFTER_MS ? "stale" : "fresh", computedAt: oldest, ageMs };
}

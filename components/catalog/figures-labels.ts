import type { DayFigures } from "@/lib/stats/types";
import { formatDuration } from "@/lib/utils/duration";

export const NO_RUNS = "No runs in the last 7 days";

/** Rounded down to a tenth of a percent, so one failure in a thousand never shows as 100%. */
export function formatSuccessRate(successes: number, requests: number): string {
  if (requests === 0) return "–";
  const tenths = Math.floor((successes * 1000) / requests);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}

export function formatRuns(requests: number): string {
  return requests === 1 ? "1 run" : `${requests.toLocaleString("en-US")} runs`;
}

/** A day of the window as the chart's axis shows it ("Dec 2"); days are UTC dates. */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function dayMedianLabel(d: Pick<DayFigures, "requests" | "medianLatencyMs">): string {
  if (d.medianLatencyMs !== null) return formatDuration(d.medianLatencyMs);
  return d.requests === 0 ? "No runs" : "No successes";
}

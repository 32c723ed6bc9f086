/** A share as a percent to one decimal ("98.8%"), or a dash while there is nothing to divide. */
export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 1000) / 10}%`;
}

/** Milliseconds as people read a wait: "850 ms", "4.2 s". */
export function formatLatency(ms: number | null): string {
  if (ms === null) return "–";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

// Shared with the browser: how every page writes a wait (latency, elapsed time, median speed).

/** "850 ms", "4.2 s", "1 min 5 s" (59.95 s and up round into minutes, never "60.0 s"). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** As formatDuration, with a dash for a wait not measured (yet). */
export function formatLatency(ms: number | null): string {
  return ms === null ? "–" : formatDuration(ms);
}

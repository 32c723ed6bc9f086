// Theme roles of app/globals.css: each switches between its light and dark value with the OS theme,
// so a chart stays readable in both without colours of its own.
const palette = ["var(--primary)", "var(--success)", "var(--warning)", "var(--danger)", "var(--accent-foreground)", "var(--muted-foreground)"];

/** The colour of the i-th series; past the palette, the colours repeat with a lighter fill. */
export function seriesColor(i: number): { fill: string; opacity: number } {
  return { fill: palette[i % palette.length]!, opacity: i < palette.length ? 1 : 0.55 };
}

export const stateColors: Record<string, string> = {
  waiting: "var(--muted-foreground)",
  queuing: "var(--warning)",
  generating: "var(--primary)",
  success: "var(--success)",
  fail: "var(--danger)",
};

export const axisColor = "var(--muted-foreground)";
export const gridColor = "var(--border)";

/** "2026-11-21" as "Nov 21", read in UTC like the day itself. */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

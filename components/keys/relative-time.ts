const units = [
  { unit: "year", ms: 365 * 24 * 3600_000 },
  { unit: "month", ms: 30 * 24 * 3600_000 },
  { unit: "day", ms: 24 * 3600_000 },
  { unit: "hour", ms: 3600_000 },
  { unit: "minute", ms: 60_000 },
] as const;

const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

// A unit is used from 90% of it on, so a grace period that ends in 23 h 59 min reads "tomorrow",
// not "in 24 hours".
const NEARLY = 0.9;

/** "3 minutes ago", "in 2 days", "just now": free of time zones, so server-rendered text is right for everyone. */
export function relativeTime(date: Date, now: number): string {
  const diff = date.getTime() - now;
  for (const { unit, ms } of units) {
    if (Math.abs(diff) >= ms * NEARLY) return format.format(Math.round(diff / ms), unit);
  }
  return "just now";
}

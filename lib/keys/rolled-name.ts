import { KEY_NAME_MAX } from "./limits";

// UTC, as every other day boundary on the server (spend windows, caps).
const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const rolledSuffix = / \(rolled ([A-Z][a-z]{2} \d{1,2})(?: #(\d+))?\)$/;

/**
 * The name of a rolled key's replacement: "prod (rolled Mar 3)", never the name of the key it
 * replaces, so a revoke or a roll in the list cannot hit the wrong one. Rolling it again replaces
 * the suffix rather than stacking one more; a second roll the same day counts ("#2").
 */
export function rolledName(name: string, now: Date): string {
  const match = rolledSuffix.exec(name);
  const base = match ? name.slice(0, match.index) : name;
  const day = dayFormat.format(now);
  const count = match?.[1] === day ? Number(match[2] ?? 1) + 1 : 1;
  const suffix = count === 1 ? ` (rolled ${day})` : ` (rolled ${day} #${count})`;
  return base.slice(0, KEY_NAME_MAX - suffix.length).trimEnd() + suffix;
}

import { z } from "zod";
import type { DayFigures } from "./types";

export const STATS_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

export function statsWindowStart(now: Date): Date {
  return new Date(now.getTime() - STATS_WINDOW_DAYS * DAY_MS);
}

function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The UTC days (YYYY-MM-DD) that [from, to] touches, oldest first: a 7-day window that does not
 * start at midnight touches 8, the first and last in part.
 */
export function utcDays(from: Date, to: Date): string[] {
  const days: string[] = [];
  const last = utcDay(to);
  for (let at = new Date(`${utcDay(from)}T00:00:00Z`); ; at = new Date(at.getTime() + DAY_MS)) {
    const day = utcDay(at);
    days.push(day);
    if (day >= last) return days;
  }
}

/** One entry per day, in the order of `days`; a day without tasks gets zeros. */
export function dailySeries(days: readonly string[], found: ReadonlyMap<string, DayFigures>): DayFigures[] {
  return days.map((day) => found.get(day) ?? { day, requests: 0, successes: 0, medianLatencyMs: null, simulated: 0 });
}

const count = z.number().int().nonnegative();

/** The `daily` column as recomputeVariantStats writes it. */
export const dailyFiguresSchema = z.array(
  z.object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    requests: count,
    successes: count,
    medianLatencyMs: count.nullable(),
    simulated: count,
  }),
);

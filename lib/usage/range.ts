// UTC days as "YYYY-MM-DD": the unit every usage figure is grouped by (the database session is UTC).

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The longest span a usage query covers, in days, both ends included. */
export const MAX_RANGE_DAYS = 90;

export type DayRange = { from: string; to: string };

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A real calendar day written as YYYY-MM-DD ("2026-02-30" is not one). */
export function isUtcDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const at = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(at.getTime()) && utcDay(at) === value;
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS));
}

/** Days from `from` to `to`, both included; 0 when `to` comes first. */
export function spanDays({ from, to }: DayRange): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1);
}

/** The last `days` UTC days, today included. */
export function lastDays(days: number, now = new Date()): DayRange {
  const to = utcDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** Every day of the range, oldest first. */
export function daysOf(range: DayRange): string[] {
  return Array.from({ length: spanDays(range) }, (_, i) => addDays(range.from, i));
}

/** The UTC month `now` falls in, from its first day to today. */
export function monthToDate(now = new Date()): DayRange {
  const to = utcDay(now);
  return { from: `${to.slice(0, 8)}01`, to };
}

/**
 * One entry per day of the range, oldest first, from sparse rows that only name the days that have
 * figures: a day without any gets `empty()`.
 */
export function fillDays<T>(range: DayRange, rows: ReadonlyMap<string, T>, empty: () => T): { day: string; value: T }[] {
  return daysOf(range).map((day) => ({ day, value: rows.get(day) ?? empty() }));
}

/** Running totals of per-day amounts over the range; days without an amount add nothing. */
export function cumulative(range: DayRange, perDay: ReadonlyMap<string, number>): { day: string; total: number }[] {
  let total = 0;
  return daysOf(range).map((day) => {
    total += perDay.get(day) ?? 0;
    return { day, total };
  });
}

// Money is integer micro-USD everywhere; these helpers only convert for display and input.

export const MICROS_PER_USD = 1_000_000;
/** 1 credit = $0.007, as in the public pricing table (5 credits = $0.035). */
export const MICROS_PER_CREDIT = 7000;

type Micros = number | bigint;

export function microsToCredits(micros: Micros): number {
  return Number(micros) / MICROS_PER_CREDIT;
}

export function creditsToMicros(credits: number): number {
  if (!Number.isFinite(credits)) throw new RangeError(`not a credit amount: ${credits}`);
  return Math.round(credits * MICROS_PER_CREDIT);
}

const usdFormats = new Map<number, Intl.NumberFormat>();

/**
 * Dollars with at least 2 and at most `digits` (default 4) decimals, trailing zeros dropped:
 * 168000 -> "$0.168", 35000 -> "$0.035", 10_000_000 -> "$10.00". Four decimals show every
 * catalog price exactly, since prices are whole credits of $0.007.
 */
export function formatUsd(micros: Micros, { digits = 4 }: { digits?: number } = {}): string {
  let format = usdFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: Math.min(2, digits),
      maximumFractionDigits: digits,
    });
    usdFormats.set(digits, format);
  }
  return format.format(Number(micros) / MICROS_PER_USD);
}

const creditFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** Credits as a bare number with up to 2 decimals: 168000 -> "24", 171500 -> "24.5". */
export function formatCredits(micros: Micros): string {
  return creditFormat.format(microsToCredits(micros));
}

const usdAmount = /^\$?(\d{1,9})(?:\.(\d{1,6}))?$|^\$?\.(\d{1,6})$/;

/**
 * Parses a non-negative dollar amount typed by a person ("0.05", "$1", ".5") into micros without
 * going through floating point. Anything else, including more than 6 decimals, is null.
 */
export function parseUsdToMicros(text: string): number | null {
  const match = usdAmount.exec(text.trim());
  if (!match) return null;
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? match[3] ?? "").padEnd(6, "0");
  return Number(whole) * MICROS_PER_USD + Number(fraction);
}

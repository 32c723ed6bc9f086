const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// RELIABILITY §3: entry n is the wait before attempt n + 1.
const DELAYS_MS = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;

export const MAX_CALLBACK_ATTEMPTS = DELAYS_MS.length;

const JITTER = 0.1;
/** A receiver's Retry-After may push an attempt back, but never further than the longest wait. */
const MAX_RETRY_AFTER_MS = 10 * HOUR;

/**
 * How long to wait before the next attempt, given how many attempts have been made (0 before the
 * first, which goes immediately), or null when all MAX_CALLBACK_ATTEMPTS are spent. ±10 % jitter
 * spreads retries of one outage; the wait is never shorter than the last answer's Retry-After.
 */
export function nextAttemptDelayMs(attempt: number, retryAfterSec?: number, random: () => number = Math.random): number | null {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`attempt must be a whole number >= 0, got ${attempt}`);
  const base = DELAYS_MS[attempt];
  if (base === undefined) return null;
  const jittered = Math.round(base * (1 + (random() * 2 - 1) * JITTER));
  const floor = retryAfterSec !== undefined && retryAfterSec > 0 ? Math.min(retryAfterSec * SECOND, MAX_RETRY_AFTER_MS) : 0;
  return Math.max(jittered, Math.ceil(floor));
}

/**
 * Seconds to wait from a Retry-After header (RFC 9110: delay-seconds or an HTTP-date), rounded up;
 * undefined when the header is absent or unreadable. A date in the past means "now": 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // All three HTTP-date forms open with a day name; Date.parse alone would take "-5" for a year.
  // They are all UTC, but asctime's form does not say so and would parse as local time.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(/ GMT$/.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

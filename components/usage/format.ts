/** A share as a percent to one decimal ("98.8%"), or a dash while there is nothing to divide. */
export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 1000) / 10}%`;
}

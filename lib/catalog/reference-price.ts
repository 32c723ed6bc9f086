// How Lumigate's price compares with a reference (list) price, in words. Client-safe: no database.

export type ReferenceComparison = {
  direction: "more" | "less" | "same";
  /** Rounded to a whole percent of the reference price; 0 when the direction is "same". */
  percent: number;
  /** "12% more than fal.ai's list price", "the same as fal.ai's list price". */
  phrase: string;
};

/** Within this share of the reference price (inclusive) the two prices are called the same. */
const SAME_WITHIN_PER_THOUSAND = 5;

function listPriceOf(source: string | null): string {
  return source ? `${source}'s list price` : "the upstream list price";
}

/**
 * Compares in integers (micro-USD), so the boundaries are exact: up to 0.5% is "the same as";
 * anything above rounds half up to a whole percent, so at least 1%.
 */
export function compareToReference(
  priceMicros: number,
  referenceMicros: number,
  source: string | null,
): ReferenceComparison {
  if (!Number.isSafeInteger(priceMicros) || !Number.isSafeInteger(referenceMicros) || referenceMicros <= 0 || priceMicros < 0) {
    throw new RangeError(`cannot compare ${priceMicros} with a reference of ${referenceMicros} micro-USD`);
  }
  const listPrice = listPriceOf(source);
  const difference = Math.abs(priceMicros - referenceMicros);
  if (difference * 1000 <= referenceMicros * SAME_WITHIN_PER_THOUSAND) {
    return { direction: "same", percent: 0, phrase: `the same as ${listPrice}` };
  }
  const percent = Math.floor((difference * 200 + referenceMicros) / (referenceMicros * 2));
  const direction = priceMicros > referenceMicros ? "more" : "less";
  return { direction, percent, phrase: `${percent}% ${direction} than ${listPrice}` };
}

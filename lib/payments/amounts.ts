// Top-up amounts as the billing page offers them; safe to import from client components.

export const TOPUP_PRESETS_USD = [10, 50, 200, 1000] as const;

/** Stripe counts US dollars in cents; the ledger in micro-USD. */
export const MICROS_PER_CENT = 10_000;

/** Whole images of a model an amount pays for. */
export function imagesFor(amountMicros: number, priceMicros: number): number {
  return priceMicros > 0 ? Math.floor(amountMicros / priceMicros) : 0;
}

/** What the return page shows of a top-up while it waits for the webhook. */
export type TopUpStatus = {
  state: "open" | "processing" | "paid" | "failed";
  amountMicros: number;
  /** The account's available balance now: after the credit once `state` is "paid". */
  availableMicros: number;
};

import { LedgerKind } from "@/lib/db/generated/enums";

// What a person reads about a ledger entry, in the dashboard table and in the CSV alike. No
// database here: pages, components and the CSV export share it.

export const ledgerKinds = Object.values(LedgerKind);

export const ledgerKindLabels: Record<LedgerKind, string> = {
  grant: "Credit grant",
  topup: "Top-up",
  hold: "Reserved",
  capture: "Charge",
  release: "Released",
  refund: "Refund",
  adjustment: "Adjustment",
  dispute: "Dispute",
};

export function ledgerKindLabel(kind: string): string {
  return ledgerKindLabels[kind as LedgerKind] ?? kind;
}

const stripeKinds = new Set<string>(["topup", "refund", "dispute"]);
const receiptUrl = /https:\/\/pay\.stripe\.com\/receipts\/[\w/-]+/;
const paymentIntent = /\bpi_[A-Za-z0-9]+\b/;

/**
 * Where a person can see the Stripe side of a top-up, refund or dispute: the receipt when the
 * memo carries its URL, else the payment in the Stripe dashboard when the external reference or the
 * memo names a payment intent (a top-up's reference is its Checkout Session, and its memo names the
 * payment). Null for everything else, so no made-up link is ever shown.
 */
export function stripeLinkFor(entry: { kind: string; externalRef: string | null; memo: string | null }): string | null {
  if (!stripeKinds.has(entry.kind)) return null;
  const memo = entry.memo ?? "";
  const receipt = receiptUrl.exec(memo)?.[0];
  if (receipt) return receipt;
  const intent = paymentIntent.exec(entry.externalRef ?? "")?.[0] ?? paymentIntent.exec(memo)?.[0];
  return intent ? `https://dashboard.stripe.com/payments/${intent}` : null;
}

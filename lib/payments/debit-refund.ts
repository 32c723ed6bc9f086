import "server-only";
import type Stripe from "stripe";
import { debitOnce } from "@/lib/billing";
import { creditsForPayment } from "@/lib/billing/pricing-model";
import { formatUsd } from "@/lib/catalog/pricing";
import { MICROS_PER_CENT } from "./amounts";
import { topUpOfPayment } from "./find-top-up";
import { queueLowBalanceJob } from "./low-balance";
import { type EventOutcome, recordEvent } from "./record-event";
import type { RefundObject } from "./schemas";

// A refund that did not go through takes nothing back.
const isRefundEffective = (refund: RefundObject) => refund.status !== "failed" && refund.status !== "canceled";

/**
 * Debits the refunds of one payment, each once: charge.refunded and refund.created both report a
 * refund, in either order, and the debit is keyed on the refund id. The balance may go negative.
 */
export async function debitRefunds(event: Stripe.Event, paymentIntentId: string | null, refunds: RefundObject[]): Promise<EventOutcome> {
  const topUp = await topUpOfPayment(paymentIntentId);
  return recordEvent(event, async (tx) => {
    if (!topUp) return "not_ours";
    let debited = false;
    for (const refund of refunds.filter((r) => isRefundEffective(r) && r.currency === "usd" && r.amount > 0)) {
      const refundedMicros = refund.amount * MICROS_PER_CENT;
      // What the refunded money bought: under pass-through pricing the top-up fee came off the credit.
      const { applied } = await debitOnce(tx, "refund", {
        accountId: topUp.accountId,
        amountMicros: creditsForPayment(refundedMicros),
        externalRef: refund.id,
        memo: `Card payment refunded: ${formatUsd(refundedMicros)} (Stripe refund ${refund.id})`,
      });
      debited ||= applied;
    }
    if (debited) await queueLowBalanceJob(tx, topUp.accountId);
    return debited ? "debited" : "already_debited";
  });
}

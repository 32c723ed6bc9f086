import "server-only";
import { creditIn } from "@/lib/billing";
import { formatUsd } from "@/lib/catalog/pricing";
import type { TopUpRef } from "./find-top-up";
import type { EventOutcome, Tx } from "./record-event";
import { type CheckoutSessionObject, paymentIntentOf } from "./schemas";

/**
 * Credits a paid top-up once: of every event that reports the payment (completed, then or instead
 * async_payment_succeeded; in any order, concurrently) only the one whose conditional update moves
 * the top-up to "paid" writes the ledger entry, which is keyed on the session id as a backstop.
 */
export async function creditTopUp(tx: Tx, topUp: TopUpRef, session: CheckoutSessionObject): Promise<EventOutcome> {
  const won = await tx.topUp.updateMany({
    where: { id: topUp.id, state: { in: ["open", "processing"] } },
    data: { state: "paid", paidAt: new Date(), stripeSessionId: session.id, ...paymentIntentOf(session) },
  });
  if (won.count === 0) return "already_credited";
  await creditIn(tx, "topup", {
    accountId: topUp.accountId,
    amountMicros: Number(topUp.amountMicros),
    externalRef: session.id,
    memo: `Card top-up of ${formatUsd(topUp.amountMicros)}${session.payment_intent ? ` (Stripe payment ${session.payment_intent})` : ""}`,
  });
  return "credited";
}

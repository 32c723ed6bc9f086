import "server-only";
import { creditIn } from "@/lib/billing";
import { creditsForPayment } from "@/lib/billing/pricing-model";
import { formatUsd } from "@/lib/catalog/pricing";
import type { TopUpRef } from "./find-top-up";
import { rearmLowBalanceNotice } from "./low-balance";
import type { EventOutcome, Tx } from "./record-event";
import { saveCard, type SavedCard } from "./saved-card";
import { type CheckoutSessionObject, paymentIntentOf } from "./schemas";

/**
 * Credits a paid top-up once: of every event that reports the payment (completed, then or instead
 * async_payment_succeeded; in any order, concurrently) only the one whose conditional update moves
 * the top-up to "paid" writes the ledger entry, which is keyed on the session id as a backstop.
 * The card the checkout saved, if any, becomes the account's card for auto-recharge.
 */
export async function creditTopUp(tx: Tx, topUp: TopUpRef, session: CheckoutSessionObject, card: SavedCard | null = null): Promise<EventOutcome> {
  const won = await tx.topUp.updateMany({
    where: { id: topUp.id, state: { in: ["open", "processing"] } },
    data: { state: "paid", paidAt: new Date(), stripeSessionId: session.id, ...paymentIntentOf(session) },
  });
  if (won.count === 0) return "already_credited";
  await creditIn(tx, "topup", {
    accountId: topUp.accountId,
    amountMicros: creditsForPayment(Number(topUp.amountMicros)),
    externalRef: session.id,
    memo: `Card top-up of ${formatUsd(topUp.amountMicros)}${session.payment_intent ? ` (Stripe payment ${session.payment_intent})` : ""}`,
  });
  if (card) await saveCard(tx, topUp.accountId, card);
  await rearmLowBalanceNotice(tx, topUp.accountId);
  return "credited";
}

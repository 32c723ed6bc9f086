import "server-only";
import type Stripe from "stripe";
import { creditTopUp } from "../credit-top-up";
import { topUpOfSession } from "../find-top-up";
import { type EventOutcome, recordEvent } from "../record-event";
import { savedCardOf } from "../saved-card";
import { checkoutSessionObject, paymentIntentOf } from "../schemas";

// Credits only a paid session: a bank debit completes the checkout "unpaid" and is credited by
// checkout.session.async_payment_succeeded when the money arrives.
export async function checkoutSessionCompleted(event: Stripe.Event): Promise<EventOutcome> {
  const session = checkoutSessionObject.parse(event.data.object);
  const card = session.payment_status === "paid" ? await savedCardOf(session) : null;
  return recordEvent(event, async (tx) => {
    const topUp = await topUpOfSession(tx, session);
    if (!topUp) return "not_ours";
    if (session.payment_status === "paid") return creditTopUp(tx, topUp, session, card);
    await tx.topUp.updateMany({
      where: { id: topUp.id, state: "open" },
      data: { state: "processing", stripeSessionId: session.id, ...paymentIntentOf(session) },
    });
    return "awaiting_payment";
  });
}

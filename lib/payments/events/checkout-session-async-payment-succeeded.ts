import "server-only";
import type Stripe from "stripe";
import { creditTopUp } from "../credit-top-up";
import { topUpOfSession } from "../find-top-up";
import { type EventOutcome, recordEvent } from "../record-event";
import { savedCardOf } from "../saved-card";
import { checkoutSessionObject } from "../schemas";

export async function checkoutSessionAsyncPaymentSucceeded(event: Stripe.Event): Promise<EventOutcome> {
  const session = checkoutSessionObject.parse(event.data.object);
  const card = await savedCardOf(session);
  return recordEvent(event, async (tx) => {
    const topUp = await topUpOfSession(tx, session);
    return topUp ? creditTopUp(tx, topUp, session, card) : "not_ours";
  });
}

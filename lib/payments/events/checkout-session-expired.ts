import "server-only";
import type Stripe from "stripe";
import { failTopUp } from "../fail-top-up";
import { topUpOfSession } from "../find-top-up";
import { type EventOutcome, recordEvent } from "../record-event";
import { checkoutSessionObject } from "../schemas";

export async function checkoutSessionExpired(event: Stripe.Event): Promise<EventOutcome> {
  const session = checkoutSessionObject.parse(event.data.object);
  return recordEvent(event, async (tx) => {
    const topUp = await topUpOfSession(tx, session);
    return topUp ? failTopUp(tx, topUp) : "not_ours";
  });
}

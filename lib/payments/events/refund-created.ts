import "server-only";
import type Stripe from "stripe";
import { debitRefunds } from "../debit-refund";
import type { EventOutcome } from "../record-event";
import { refundObject } from "../schemas";

export function refundCreated(event: Stripe.Event): Promise<EventOutcome> {
  const refund = refundObject.parse(event.data.object);
  return debitRefunds(event, refund.payment_intent, [refund]);
}

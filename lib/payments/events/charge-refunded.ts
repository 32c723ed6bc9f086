import "server-only";
import type Stripe from "stripe";
import { stripeClient } from "../client";
import { debitRefunds } from "../debit-refund";
import type { EventOutcome } from "../record-event";
import { chargeObject, refundObject } from "../schemas";

// The charge in the event carries the refunded total but not its refunds (they are not expanded
// in webhooks), and debits are keyed on refund ids: the charge's refunds are listed at Stripe.
export async function chargeRefunded(event: Stripe.Event): Promise<EventOutcome> {
  const charge = chargeObject.parse(event.data.object);
  const refunds = [];
  for await (const refund of stripeClient().refunds.list({ charge: charge.id, limit: 100 })) refunds.push(refundObject.parse(refund));
  return debitRefunds(event, charge.payment_intent, refunds);
}

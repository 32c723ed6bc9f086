import "server-only";
import type Stripe from "stripe";
import { applyDispute } from "../disputes";
import type { EventOutcome } from "../record-event";
import { disputeObject } from "../schemas";

// Won: the account's keys work again (unless another dispute is open). Lost: the amount is debited.
export function chargeDisputeClosed(event: Stripe.Event): Promise<EventOutcome> {
  return applyDispute(event, disputeObject.parse(event.data.object));
}

import "server-only";
import type Stripe from "stripe";
import { applyDispute } from "../disputes";
import type { EventOutcome } from "../record-event";
import { disputeObject } from "../schemas";

// Freezes the account's live keys until the dispute closes in its favour.
export function chargeDisputeCreated(event: Stripe.Event): Promise<EventOutcome> {
  return applyDispute(event, disputeObject.parse(event.data.object));
}

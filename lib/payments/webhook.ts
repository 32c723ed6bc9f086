import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { chargeDisputeClosed } from "./events/charge-dispute-closed";
import { chargeDisputeCreated } from "./events/charge-dispute-created";
import { chargeRefunded } from "./events/charge-refunded";
import { checkoutSessionAsyncPaymentFailed } from "./events/checkout-session-async-payment-failed";
import { checkoutSessionAsyncPaymentSucceeded } from "./events/checkout-session-async-payment-succeeded";
import { checkoutSessionCompleted } from "./events/checkout-session-completed";
import { checkoutSessionExpired } from "./events/checkout-session-expired";
import { refundCreated } from "./events/refund-created";
import type { EventOutcome } from "./record-event";

/** Stripe's own default: a signature older than this is refused, so a captured delivery cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SEC = 300;

const handlers: Record<string, (event: Stripe.Event) => Promise<EventOutcome>> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "checkout.session.async_payment_succeeded": checkoutSessionAsyncPaymentSucceeded,
  "checkout.session.async_payment_failed": checkoutSessionAsyncPaymentFailed,
  "checkout.session.expired": checkoutSessionExpired,
  "charge.refunded": chargeRefunded,
  "refund.created": refundCreated,
  "charge.dispute.created": chargeDisputeCreated,
  "charge.dispute.closed": chargeDisputeClosed,
};

/**
 * POST /api/stripe/webhook: verifies the signature over the exact bytes received, then runs the
 * event's handler. A bad or stale signature is 400 with no effect; an event type not handled is
 * acknowledged; a failure while processing is 500, so that Stripe delivers the event again.
 */
export async function receiveStripeWebhook(input: { rawBody: Uint8Array; signature: string | null }): Promise<{ received: true; outcome: EventOutcome }> {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError("feature_disabled", "Stripe webhooks are not set up on this gateway (STRIPE_WEBHOOK_SECRET is unset).");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(Buffer.from(input.rawBody), input.signature ?? "", secret, SIGNATURE_TOLERANCE_SEC);
  } catch {
    throw new AppError("bad_request", "The Stripe-Signature header does not match this body, or is too old.");
  }
  const handler = handlers[event.type];
  if (!handler) return { received: true, outcome: "ignored" };
  try {
    return { received: true, outcome: await handler(event) };
  } catch (error) {
    console.error(`[stripe-webhook] ${event.type} ${event.id} failed; Stripe will retry it`, error);
    throw new AppError("internal", `Event ${event.id} could not be processed; it will be retried.`);
  }
}

import { webhookRoute } from "@/lib/http";
import { receiveStripeWebhook } from "@/lib/payments";

// POST /api/stripe/webhook: Stripe's events about top-ups, refunds and disputes.
export const POST = webhookRoute("stripe-webhook", ({ req, rawBody }) =>
  receiveStripeWebhook({ rawBody, signature: req.headers.get("stripe-signature") }),
);

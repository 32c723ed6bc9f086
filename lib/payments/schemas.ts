import { z } from "zod";

// The parts of Stripe's objects the handlers read. Stripe adds fields freely, so unknown keys pass;
// an expandable reference arrives as an id or as the object, and is read as its id.
const ref = z.union([z.string(), z.object({ id: z.string() })]).transform((v) => (typeof v === "string" ? v : v.id));

export const checkoutSessionObject = z.object({
  id: z.string().startsWith("cs_"),
  client_reference_id: z.string().nullable(),
  metadata: z.record(z.string(), z.string()).nullable(),
  payment_status: z.enum(["paid", "unpaid", "no_payment_required"]),
  payment_intent: ref.nullable(),
  /** Set when the session created or reused a customer (our sessions save the card on one). */
  customer: ref.nullable().optional(),
});
export type CheckoutSessionObject = z.infer<typeof checkoutSessionObject>;

/** The session's PaymentIntent as a column update: an event without one leaves a known one alone. */
export function paymentIntentOf(session: CheckoutSessionObject): { stripePaymentIntentId?: string } {
  return session.payment_intent ? { stripePaymentIntentId: session.payment_intent } : {};
}

export const refundObject = z.object({
  id: z.string().startsWith("re_"),
  amount: z.number().int().nonnegative(),
  currency: z.string(),
  payment_intent: ref.nullable(),
  status: z.string().nullable(),
});
export type RefundObject = z.infer<typeof refundObject>;

export const chargeObject = z.object({
  id: z.string().startsWith("ch_"),
  payment_intent: ref.nullable(),
});

export const disputeObject = z.object({
  id: z.string().startsWith("dp_"),
  amount: z.number().int().nonnegative(),
  currency: z.string(),
  payment_intent: ref.nullable(),
  status: z.string(),
});
export type DisputeObject = z.infer<typeof disputeObject>;

export const paymentIntentObject = z.object({
  id: z.string().startsWith("pi_"),
  status: z.string(),
  customer: ref.nullable().optional(),
  payment_method: ref.nullable().optional(),
});

export const cardPaymentMethodObject = z.object({
  id: z.string().startsWith("pm_"),
  customer: ref.nullable().optional(),
  card: z.object({ brand: z.string().max(40), last4: z.string().regex(/^\d{4}$/) }).nullable().optional(),
});

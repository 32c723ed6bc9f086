import "server-only";
import { db } from "@/lib/db";
import { stripeClient } from "./client";
import type { Tx } from "./record-event";
import type { CheckoutSessionObject } from "./schemas";

export type TopUpRef = { id: string; accountId: string; amountMicros: bigint };

const select = { id: true, accountId: true, amountMicros: true } as const;

/**
 * The top-up a Checkout Session pays for, or null for a session this gateway did not open (another
 * integration on the same Stripe account). The account must match the session's reference too.
 */
export async function topUpOfSession(tx: Tx, session: CheckoutSessionObject): Promise<TopUpRef | null> {
  const topUpId = session.metadata?.topup_id;
  const topUp =
    (await tx.topUp.findUnique({ where: { stripeSessionId: session.id }, select })) ??
    (topUpId ? await tx.topUp.findUnique({ where: { id: topUpId }, select }) : null);
  return topUp && topUp.accountId === session.client_reference_id ? topUp : null;
}

/**
 * The top-up a PaymentIntent paid for. Refund and dispute events may arrive before the checkout's
 * own events have told us the PaymentIntent, so an unknown one is looked up at Stripe through its
 * Checkout Session (and remembered).
 */
export async function topUpOfPayment(paymentIntentId: string | null): Promise<TopUpRef | null> {
  if (!paymentIntentId) return null;
  const known = await db.topUp.findUnique({ where: { stripePaymentIntentId: paymentIntentId }, select });
  if (known) return known;
  const { data } = await stripeClient().checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 });
  const [session] = data;
  const topUpId = session?.metadata?.topup_id;
  if (!session || !topUpId) return null;
  const topUp = await db.topUp.findUnique({ where: { id: topUpId }, select });
  if (!topUp || topUp.accountId !== session.client_reference_id) return null;
  await db.topUp.updateMany({ where: { id: topUp.id, stripePaymentIntentId: null }, data: { stripePaymentIntentId: paymentIntentId } });
  return topUp;
}

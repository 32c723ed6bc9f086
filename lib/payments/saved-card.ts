import "server-only";
import { stripeClient } from "./client";
import type { Tx } from "./record-event";
import { cardPaymentMethodObject, type CheckoutSessionObject, paymentIntentObject } from "./schemas";

export type SavedCard = { customerId: string; paymentMethodId: string; brand: string | null; last4: string | null };

/**
 * The card a paid checkout saved on its customer for off-session charges, read from Stripe before
 * the event's transaction opens (no Stripe call inside a money transaction). Null when the session
 * saved nothing: no customer, or a payment method that is not attached to it (a bank debit).
 */
export async function savedCardOf(session: CheckoutSessionObject): Promise<SavedCard | null> {
  if (!session.customer || !session.payment_intent) return null;
  const stripe = stripeClient();
  const intent = paymentIntentObject.parse(await stripe.paymentIntents.retrieve(session.payment_intent));
  if (!intent.payment_method) return null;
  const method = cardPaymentMethodObject.parse(await stripe.paymentMethods.retrieve(intent.payment_method));
  if (method.customer !== session.customer || !method.card) return null;
  return { customerId: session.customer, paymentMethodId: method.id, brand: method.card.brand, last4: method.card.last4 };
}

/** Makes the card the account's card for auto-recharge, in the transaction that credits its checkout. */
export async function saveCard(tx: Tx, accountId: string, card: SavedCard): Promise<void> {
  await tx.account.update({
    where: { id: accountId },
    data: {
      stripeCustomerId: card.customerId,
      stripePaymentMethodId: card.paymentMethodId,
      cardBrand: card.brand,
      cardLast4: card.last4,
    },
  });
}

import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStripeForm, startStripeFake, type StripeFake } from "./stripe-fake";

// The fake must answer the real client as Stripe does, or the integration tests prove nothing.
let fake: StripeFake;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startStripeFake();
  const url = new URL(fake.url);
  stripe = new Stripe("sk_test_fake", { host: url.hostname, port: url.port, protocol: "http", maxNetworkRetries: 0 });
});
afterAll(() => fake.stop());

const params = (amount: number): Stripe.Checkout.SessionCreateParams => ({
  mode: "payment",
  line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: amount, product_data: { name: "credit" } } }],
  success_url: "http://app/return?session_id={CHECKOUT_SESSION_ID}",
  cancel_url: "http://app/return?cancelled=1",
});

describe("stripe fake", () => {
  it("replays a create with the same Idempotency-Key and refuses the key with other parameters", async () => {
    const first = await stripe.checkout.sessions.create(params(1000), { idempotencyKey: "top_1" });
    const again = await stripe.checkout.sessions.create(params(1000), { idempotencyKey: "top_1" });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ object: "checkout.session", amount_total: 1000, url: `${fake.url}/pay/${first.id}` });
    const error = await stripe.checkout.sessions.create(params(2000), { idempotencyKey: "top_1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("answers an unknown session with StripeInvalidRequestError resource_missing", async () => {
    const error = await stripe.checkout.sessions.retrieve("cs_test_missing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ code: "resource_missing", statusCode: 404 });
  });

  it("signs events that constructEvent accepts, and a 600 s old signature fails", () => {
    const payload = JSON.stringify(fake.event("customer.created", { id: "cus_1" }));
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret });
    expect(Stripe.webhooks.constructEvent(payload, header, fake.webhookSecret, 300).type).toBe("customer.created");
    const stale = Stripe.webhooks.generateTestHeaderString({ payload, secret: fake.webhookSecret, timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(() => Stripe.webhooks.constructEvent(payload, stale, fake.webhookSecret, 300)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it("lists sessions by payment intent and refunds by charge once a session is paid", async () => {
    const session = await stripe.checkout.sessions.create(params(500));
    const completed = fake.completeSession(session.id);
    const paymentIntent = (completed.data.object as { payment_intent: string }).payment_intent;
    expect((await stripe.checkout.sessions.list({ payment_intent: paymentIntent })).data.map((s) => s.id)).toEqual([session.id]);
    const { chargeRefunded } = fake.refund(session.id, 200);
    const chargeId = (chargeRefunded.data.object as { id: string }).id;
    expect((await stripe.refunds.list({ charge: chargeId })).data).toMatchObject([{ amount: 200, status: "succeeded" }]);
  });

  it("a Checkout that saves its card makes a customer with the card attached, and charges it off-session", async () => {
    const session = await stripe.checkout.sessions.create({ ...params(1000), customer_creation: "always", payment_intent_data: { setup_future_usage: "off_session" } });
    const paid = fake.completeSession(session.id, { paymentMethod: "pm_card_mastercard" }).data.object as { customer: string; payment_intent: string };
    expect(paid.customer).toMatch(/^cus_/);
    const intent = await stripe.paymentIntents.retrieve(paid.payment_intent);
    const card = await stripe.paymentMethods.retrieve(intent.payment_method as string);
    expect(card).toMatchObject({ customer: paid.customer, card: { brand: "mastercard", last4: "4444" } });

    const charge = { amount: 2500, currency: "usd", customer: paid.customer, payment_method: card.id, off_session: true, confirm: true };
    const first = await stripe.paymentIntents.create(charge, { idempotencyKey: "ar_1" });
    expect(first).toMatchObject({ status: "succeeded", amount: 2500, customer: paid.customer });
    expect((await stripe.paymentIntents.create(charge, { idempotencyKey: "ar_1" })).id).toBe(first.id);
    expect(fake.paymentIntents().filter((p) => p.amount === 2500)).toHaveLength(1);
  });

  it.each([
    ["pm_card_chargeDeclined", "card_declined"],
    ["pm_card_authenticationRequired", "authentication_required"],
  ])("an off-session charge of %s is a 402 StripeCardError %s carrying its payment intent, replayed under its key", async (testCard, code) => {
    const session = await stripe.checkout.sessions.create({ ...params(1000), customer_creation: "always", payment_intent_data: { setup_future_usage: "off_session" } });
    const paid = fake.completeSession(session.id, { paymentMethod: testCard }).data.object as { customer: string; payment_intent: string };
    const { payment_method } = await stripe.paymentIntents.retrieve(paid.payment_intent);
    const charge = { amount: 1000, currency: "usd", customer: paid.customer, payment_method: payment_method as string, off_session: true, confirm: true };
    const error = await stripe.paymentIntents.create(charge, { idempotencyKey: `ar_${testCard}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code, payment_intent: { status: "requires_payment_method" } });
    const again = await stripe.paymentIntents.create(charge, { idempotencyKey: `ar_${testCard}` }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code, payment_intent: { id: (error as Stripe.errors.StripeCardError).payment_intent!.id } });
  });

  it("refuses a card that is not attached to the customer charged", async () => {
    const session = await stripe.checkout.sessions.create(params(1000));
    const paid = fake.completeSession(session.id).data.object as { payment_intent: string };
    const { payment_method } = await stripe.paymentIntents.retrieve(paid.payment_intent);
    const other = await stripe.checkout.sessions.create({ ...params(1000), customer_creation: "always", payment_intent_data: { setup_future_usage: "off_session" } });
    const { customer } = fake.completeSession(other.id).data.object as { customer: string };
    const error = await stripe.paymentIntents
      .create({ amount: 1000, currency: "usd", customer, payment_method: payment_method as string, off_session: true, confirm: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, param: "payment_method" });
  });

  it("decodes Stripe's form encoding into nested objects and arrays", () => {
    expect(parseStripeForm("a=1&line_items[0][price_data][currency]=usd&line_items[1][quantity]=2&metadata[k]=v")).toEqual({
      a: "1",
      line_items: [{ price_data: { currency: "usd" } }, { quantity: "2" }],
      metadata: { k: "v" },
    });
  });
});

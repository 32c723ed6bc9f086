import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { GET as balanceRoute } from "@/app/api/v1/account/balance/route";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/route";
import { adjustBalance, findDrift, openWallet, reserve } from "@/lib/billing";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { call, getRequest, newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { withStripeFake } from "@/lib/testing/with-stripe-fake";
import { getTopUpStatus, startTopUp } from "./index";

// Top-ups against the local Stripe fake, through the real stripe client and the real webhook route
// over HTTP: every delivery is signed as Stripe signs it, and the ledger must reconcile after each.

const stripe = withStripeFake(webhookRoute);
const touched: string[] = [];

async function account(balanceMicros = 0): Promise<string> {
  const id = await newAccount(balanceMicros);
  touched.push(id);
  return id;
}

const topUp = (accountId: string, amountUsd = "10", requestToken = randomBytes(16).toString("hex")) =>
  startTopUp({ accountId, amountUsd, requestToken, baseUrl: "http://localhost:3000" });

const available = async (accountId: string) =>
  Number((await db.wallet.findUniqueOrThrow({ where: { accountId } })).availableMicros);

const ledger = (accountId: string) =>
  db.ledgerEntry.findMany({ where: { accountId }, orderBy: { createdAt: "asc" }, select: { kind: true, amountMicros: true, externalRef: true } });

async function expectNoDrift(accountIds: string[]) {
  const { checked, drift } = await findDrift(accountIds);
  expect(checked).toBe(accountIds.length);
  expect(drift).toEqual([]);
}

const storedEvent = (event: Stripe.Event) => db.stripeEvent.findUnique({ where: { id: event.id } });

describe("starting a top-up", () => {
  it("creates one Checkout Session with the top-up id as idempotency key and the account as client_reference_id", async () => {
    const accountId = await account();
    const before = stripe.fake.sessions().length;
    const started = await topUp(accountId, "50");
    expect(started.url).toBe(`${stripe.fake.url}/pay/${started.sessionId}`);
    const session = stripe.fake.sessions().find((s) => s.id === started.sessionId)!;
    expect(session).toMatchObject({
      mode: "payment",
      amount_total: 5000,
      currency: "usd",
      client_reference_id: accountId,
      metadata: { topup_id: started.topUpId, account_id: accountId, amount_micros: String(50 * USD) },
      success_url: "http://localhost:3000/dashboard/billing/return?session_id={CHECKOUT_SESSION_ID}",
    });
    expect(stripe.fake.sessions()).toHaveLength(before + 1);
    const create = stripe.fake.requests().filter((r) => r.method === "POST" && r.body.client_reference_id === accountId);
    expect(create.map((r) => r.idempotencyKey)).toEqual([started.topUpId]);
    const row = await db.topUp.findUniqueOrThrow({ where: { id: started.topUpId } });
    expect(row).toMatchObject({ accountId, amountMicros: BigInt(50 * USD), state: "open", stripeSessionId: started.sessionId });
  });

  it("a double submit of the same form opens one session", async () => {
    const accountId = await account();
    const before = stripe.fake.sessions().length;
    const token = randomBytes(16).toString("hex");
    const [first, second] = await Promise.all([topUp(accountId, "10", token), topUp(accountId, "10", token)]);
    expect(second).toEqual(first);
    const third = await topUp(accountId, "10", token);
    expect(third).toEqual(first);
    expect(stripe.fake.sessions()).toHaveLength(before + 1);
    expect(await db.topUp.count({ where: { accountId } })).toBe(1);
  });

  it.each([
    ["below the minimum", "4.99", /between \$5\.00 and \$5,000\.00/],
    ["above the maximum", "5000.01", /between \$5\.00 and \$5,000\.00/],
    ["a fraction of a cent", "10.005", /at most two decimals/],
    ["not a number", "ten", /at most two decimals/],
  ])("refuses %s with validation_error and opens nothing", async (_, amountUsd, message) => {
    const accountId = await account();
    await expect(topUp(accountId, amountUsd)).rejects.toMatchObject({ code: "validation_error", message: expect.stringMatching(message) });
    expect(await db.topUp.count({ where: { accountId } })).toBe(0);
  });

  it("refuses the same form with another amount", async () => {
    const accountId = await account();
    const token = randomBytes(16).toString("hex");
    await topUp(accountId, "10", token);
    await expect(topUp(accountId, "20", token)).rejects.toMatchObject({ code: "conflict" });
  });

  it("says plainly that top-ups are not set up without STRIPE_SECRET_KEY", async () => {
    const accountId = await account();
    env.STRIPE_SECRET_KEY = undefined;
    try {
      await expect(topUp(accountId)).rejects.toMatchObject({ code: "feature_disabled", message: expect.stringMatching(/STRIPE_SECRET_KEY/) });
    } finally {
      env.STRIPE_SECRET_KEY = "sk_test_fake";
    }
    expect(await db.topUp.count({ where: { accountId } })).toBe(0);
  });
});

describe("POST /api/stripe/webhook", () => {
  it("credits a paid checkout once when the same event arrives 20 times at once", async () => {
    const accountId = await account(2 * USD);
    const { sessionId } = await topUp(accountId);
    const event = stripe.fake.completeSession(sessionId);
    const deliveries = await Promise.all(Array.from({ length: 20 }, () => stripe.fake.deliver(event)));
    expect(deliveries.map((d) => d.status)).toEqual(Array(20).fill(200));
    const outcomes = deliveries.map((d) => (d.body as { outcome: string }).outcome).sort();
    expect(outcomes).toEqual(["credited", ...Array(19).fill("duplicate")]);
    expect(await available(accountId)).toBe(12 * USD);
    expect((await ledger(accountId)).filter((e) => e.kind === "topup")).toEqual([
      { kind: "topup", amountMicros: BigInt(10 * USD), externalRef: sessionId },
    ]);
    await expect(getTopUpStatus(accountId, sessionId)).resolves.toEqual({ state: "paid", amountMicros: 10 * USD, availableMicros: 12 * USD });
    await expectNoDrift([accountId]);
  });

  it.each([
    ["a signature made with another secret", (payload: string) => ({ signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" }) })],
    ["a timestamp 301 s old", () => ({ timestamp: Math.floor(Date.now() / 1000) - 301 })],
    ["no signature at all", () => ({ signature: "" })],
  ])("400: %s, with no effect", async (_, options) => {
    const accountId = await account();
    const { sessionId } = await topUp(accountId);
    const event = stripe.fake.completeSession(sessionId);
    const payload = JSON.stringify(event, null, 2);
    const { status, body } = await stripe.fake.deliver(payload, options(payload));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "bad_request" } });
    expect(await storedEvent(event)).toBeNull();
    expect(await available(accountId)).toBe(0);
  });

  it("400: a body parsed and serialised again, even with the signature of the original", async () => {
    const accountId = await account();
    const { sessionId } = await topUp(accountId);
    const event = stripe.fake.completeSession(sessionId);
    const original = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: original, secret: stripe.fake.webhookSecret });
    const reserialised = JSON.stringify(JSON.parse(original));
    expect(reserialised).not.toBe(original);
    const { status } = await stripe.fake.deliver(reserialised, { signature });
    expect(status).toBe(400);
    expect(await storedEvent(event)).toBeNull();
    expect(await available(accountId)).toBe(0);
    expect((await stripe.fake.deliver(original, { signature })).status).toBe(200);
    expect(await available(accountId)).toBe(10 * USD);
  });

  it("credits nothing for an unpaid checkout, then once on async_payment_succeeded", async () => {
    const accountId = await account();
    const { sessionId } = await topUp(accountId);
    const completed = await stripe.fake.deliver(stripe.fake.completeSession(sessionId, { paymentStatus: "unpaid" }));
    expect(completed).toMatchObject({ status: 200, body: { outcome: "awaiting_payment" } });
    expect(await available(accountId)).toBe(0);
    expect((await getTopUpStatus(accountId, sessionId)).state).toBe("processing");
    const succeeded = stripe.fake.asyncPaymentSucceeded(sessionId);
    expect((await stripe.fake.deliver(succeeded)).body).toMatchObject({ outcome: "credited" });
    expect((await stripe.fake.deliver(succeeded)).body).toMatchObject({ outcome: "duplicate" });
    expect(await available(accountId)).toBe(10 * USD);
    await expectNoDrift([accountId]);
  });

  it("a failed bank debit or an expired checkout ends the top-up without credit, and never undoes a paid one", async () => {
    const failing = await account();
    const { sessionId: debit } = await topUp(failing);
    await stripe.fake.deliver(stripe.fake.completeSession(debit, { paymentStatus: "unpaid" }));
    expect((await stripe.fake.deliver(stripe.fake.asyncPaymentFailed(debit))).body).toMatchObject({ outcome: "failed" });
    expect((await getTopUpStatus(failing, debit)).state).toBe("failed");

    const abandoned = await account();
    const { sessionId: lapsed } = await topUp(abandoned);
    expect((await stripe.fake.deliver(stripe.fake.expireSession(lapsed))).body).toMatchObject({ outcome: "failed" });
    expect((await getTopUpStatus(abandoned, lapsed)).state).toBe("failed");

    const paid = await account();
    const { sessionId } = await topUp(paid);
    await stripe.fake.deliver(stripe.fake.completeSession(sessionId));
    expect((await stripe.fake.deliver(stripe.fake.expireSession(sessionId))).body).toMatchObject({ outcome: "ignored" });
    expect((await getTopUpStatus(paid, sessionId)).state).toBe("paid");
    expect([await available(failing), await available(abandoned), await available(paid)]).toEqual([0, 0, 10 * USD]);
    await expectNoDrift([failing, abandoned, paid]);
  });

  it("ends in the same state when a checkout's events arrive in reverse order", async () => {
    const inOrder = await account();
    const reversed = await account();
    const lifecycle = async (accountId: string) => {
      const { sessionId } = await topUp(accountId, "25");
      const completed = stripe.fake.completeSession(sessionId, { paymentStatus: "unpaid" });
      const succeeded = stripe.fake.asyncPaymentSucceeded(sessionId);
      const { chargeRefunded, refundCreated } = stripe.fake.refund(sessionId, 700);
      return [completed, succeeded, chargeRefunded, refundCreated];
    };
    for (const event of await lifecycle(inOrder)) expect((await stripe.fake.deliver(event)).status).toBe(200);
    for (const event of (await lifecycle(reversed)).reverse()) expect((await stripe.fake.deliver(event)).status).toBe(200);

    const state = async (accountId: string) => ({
      available: await available(accountId),
      ledger: (await ledger(accountId)).map((e) => [e.kind, e.amountMicros]).sort(),
      topUp: await db.topUp.findFirstOrThrow({ where: { accountId }, select: { state: true, amountMicros: true } }),
    });
    expect(await state(inOrder)).toEqual({
      available: 18 * USD,
      ledger: [["refund", BigInt(-7 * USD)], ["topup", BigInt(25 * USD)]],
      topUp: { state: "paid", amountMicros: BigInt(25 * USD) },
    });
    expect(await state(reversed)).toEqual(await state(inOrder));
    await expectNoDrift([inOrder, reversed]);
  });

  it("debits a refund once though charge.refunded and refund.created both report it, and lets the balance go negative", async () => {
    const accountId = await account();
    const { sessionId } = await topUp(accountId);
    await stripe.fake.deliver(stripe.fake.completeSession(sessionId));
    await adjustBalance({ accountId, amountMicros: -8 * USD, memo: "spent elsewhere" });
    const { chargeRefunded, refundCreated } = stripe.fake.refund(sessionId);
    const deliveries = await Promise.all([chargeRefunded, refundCreated, chargeRefunded, refundCreated].map((e) => stripe.fake.deliver(e)));
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200]);
    expect(await available(accountId)).toBe(-8 * USD);
    const refunds = (await ledger(accountId)).filter((e) => e.kind === "refund");
    expect(refunds).toEqual([{ kind: "refund", amountMicros: BigInt(-10 * USD), externalRef: expect.stringMatching(/^re_/) }]);
    await expect(reserve({ accountId, amountMicros: 35_000, taskId: newId("task") })).rejects.toMatchObject({ code: "insufficient_credits" });

    const second = stripe.fake.refund(sessionId, 100);
    expect((await stripe.fake.deliver(second.refundCreated)).body).toMatchObject({ outcome: "debited" });
    expect((await stripe.fake.deliver(second.chargeRefunded)).body).toMatchObject({ outcome: "already_debited" });
    expect(await available(accountId)).toBe(-9 * USD);
    await expectNoDrift([accountId]);
  });

  it("freezes the account's live keys on a dispute (403 through an API route), keeps test keys working, and unfreezes on a win", async () => {
    const accountId = await account();
    const { key: live } = await newKey(accountId);
    const { key: test } = await newKey(accountId, { mode: "test" });
    const balance = (key: string) => call(balanceRoute, getRequest("http://localhost/api/v1/account/balance", key));
    const { sessionId } = await topUp(accountId);
    await stripe.fake.deliver(stripe.fake.completeSession(sessionId));
    expect((await balance(live)).status).toBe(200);

    const created = stripe.fake.openDispute(sessionId);
    expect((await stripe.fake.deliver(created)).body).toMatchObject({ outcome: "frozen" });
    const refused = await balance(live);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: "forbidden",
      message: "Payments on this account are disputed; live keys are frozen until the dispute is resolved.",
    });
    expect((await balance(test)).status).toBe(200);

    const disputeId = (created.data.object as { id: string }).id;
    expect((await stripe.fake.deliver(stripe.fake.closeDispute(disputeId, "won"))).body).toMatchObject({ outcome: "unfrozen" });
    expect((await balance(live)).status).toBe(200);
    expect(await available(accountId)).toBe(10 * USD);
    // A late redelivery of the created event must not freeze the account again.
    expect((await stripe.fake.deliver(created)).body).toMatchObject({ outcome: "duplicate" });
    expect((await balance(live)).status).toBe(200);
    await expectNoDrift([accountId]);
  });

  it("keeps the keys frozen after a lost dispute, debits its amount once, and decides the same in reverse order", async () => {
    const accountId = await account();
    const { key: live } = await newKey(accountId);
    const { sessionId } = await topUp(accountId);
    await stripe.fake.deliver(stripe.fake.completeSession(sessionId));
    const created = stripe.fake.openDispute(sessionId);
    const closed = stripe.fake.closeDispute((created.data.object as { id: string }).id, "lost");
    expect((await stripe.fake.deliver(closed)).body).toMatchObject({ outcome: "frozen" });
    expect((await stripe.fake.deliver(created)).body).toMatchObject({ outcome: "frozen" });
    expect(await db.stripeDispute.findFirstOrThrow({ where: { accountId } })).toMatchObject({ status: "lost" });
    expect((await call(balanceRoute, getRequest("http://localhost/api/v1/account/balance", live))).status).toBe(403);
    expect(await available(accountId)).toBe(0);
    await expectNoDrift([accountId]);
  });

  it("200 for an event type it does not handle, with nothing stored", async () => {
    const event = stripe.fake.event("customer.created", { id: "cus_123", object: "customer" });
    const { status, body } = await stripe.fake.deliver(event);
    expect(status).toBe(200);
    expect(body).toEqual({ received: true, outcome: "ignored" });
    expect(await storedEvent(event)).toBeNull();
  });

  it("200 and no credit for a checkout this gateway did not open", async () => {
    const stranger = await account();
    const { sessionId } = await topUp(stranger);
    const event = stripe.fake.completeSession(sessionId);
    const forged = stripe.fake.event("checkout.session.completed", { ...(event.data.object as object), client_reference_id: "acct_someone_else" });
    expect((await stripe.fake.deliver(forged)).body).toMatchObject({ outcome: "not_ours" });
    expect(await available(stranger)).toBe(0);
  });

  it("500 when processing fails, with nothing half-written, and the retry then applies it", async () => {
    const accountId = await account();
    const { sessionId, topUpId } = await topUp(accountId);
    const event = stripe.fake.completeSession(sessionId);
    // The top-up moves to paid before the credit fails on the missing wallet: both must roll back.
    await db.wallet.delete({ where: { accountId } });
    const failed = await stripe.fake.deliver(event);
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ error: { code: "internal" } });
    expect(await storedEvent(event)).toBeNull();
    expect(await db.topUp.findUniqueOrThrow({ where: { id: topUpId } })).toMatchObject({ state: "open", paidAt: null });
    expect(await db.ledgerEntry.count({ where: { accountId } })).toBe(0);

    await db.$transaction((tx) => openWallet(tx, accountId, 0));
    expect((await stripe.fake.deliver(event)).body).toMatchObject({ outcome: "credited" });
    expect(await available(accountId)).toBe(10 * USD);
    await expectNoDrift([accountId]);
  });

  it("500 when Stripe cannot be asked whose refund it is, and the retry then debits it", async () => {
    const accountId = await account();
    const { sessionId } = await topUp(accountId);
    const completed = stripe.fake.completeSession(sessionId);
    const { refundCreated } = stripe.fake.refund(sessionId);
    // Delivered before the checkout: only Stripe can say which top-up the PaymentIntent paid.
    stripe.fake.failNext("/v1/checkout/sessions");
    expect((await stripe.fake.deliver(refundCreated)).status).toBe(500);
    expect(await storedEvent(refundCreated)).toBeNull();
    expect(await available(accountId)).toBe(0);
    expect((await stripe.fake.deliver(refundCreated)).body).toMatchObject({ outcome: "debited" });
    expect(await available(accountId)).toBe(-10 * USD);
    expect((await stripe.fake.deliver(completed)).body).toMatchObject({ outcome: "credited" });
    expect(await available(accountId)).toBe(0);
    await expectNoDrift([accountId]);
  });

  it("after all of the above, every account reconciles", async () => {
    expect(touched.length).toBeGreaterThan(10);
    await expectNoDrift(touched);
  });
});

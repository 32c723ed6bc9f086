import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/route";
import { adjustBalance, findDrift } from "@/lib/billing";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import type { Mail } from "@/lib/mail";
import { createTask } from "@/lib/tasks";
import { newAccount, newKey, USD } from "@/lib/testing/fixtures";
import { waitForEnd, withGenerationStack } from "@/lib/testing/generation-stack";
import { withStripeFake } from "@/lib/testing/with-stripe-fake";
import { lowBalanceJobKey } from "./low-balance";
import { sendCapNotice } from "./cap-notice";
import { getAutoRechargeSettings, handleLowBalance, operatorCredit, setAutoRecharge, setNotifyBelow, startTopUp } from "./index";

// Auto-recharge and the low-balance mail end to end: real tasks captured by the real worker, the
// cards saved by a Checkout paid at the local Stripe fake, off-session charges against it. Mail is
// the one thing replaced: the transport records what would have been sent.
const mail = vi.hoisted(() => ({ sent: [] as Mail[] }));
vi.mock("@/lib/mail", () => ({
  mailAvailable: true,
  sendMail: async (m: Mail) => void mail.sent.push(m),
}));

withGenerationStack("auto-recharge", { webhooks: false });

const stripe = withStripeFake(webhookRoute);
const touched: string[] = [];
const PRICE = 35_000; // flux-2-pro, 1:1

/** An account with an owner who gets its mail, $10 paid by card at Checkout (which saves the card). */
async function accountWithCard(paymentMethod = "pm_card_visa"): Promise<{ accountId: string; email: string }> {
  const accountId = await newAccount(0);
  touched.push(accountId);
  const email = `${accountId}@example.com`;
  const userId = newId("usr");
  await db.user.create({ data: { id: userId, email, memberships: { create: { accountId, role: "owner" } } } });
  const { sessionId } = await startTopUp({ accountId, amountUsd: "10", requestToken: randomBytes(16).toString("hex"), baseUrl: "http://localhost:3000" });
  expect(await stripe.fake.deliver(stripe.fake.completeSession(sessionId, { paymentMethod }))).toMatchObject({ status: 200, body: { outcome: "credited" } });
  return { accountId, email };
}

async function runTasks(accountId: string, count: number) {
  const { keyId } = await newKey(accountId);
  const key = { keyId, accountId, mode: "live" as const };
  const ids = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      createTask({ key, model: "flux-2-pro", input: { prompt: `a lighthouse ${i}`, aspect_ratio: "1:1" }, surface: "task_api" }),
    ),
  );
  const ends = await Promise.all(ids.map(({ taskId }) => waitForEnd(accountId, taskId)));
  expect(ends.map((e) => e.state)).toEqual(ends.map(() => "success"));
}

/** Until no low-balance job of the account is waiting or running: whatever it was going to do is done. */
async function jobsDone(accountId: string) {
  await vi.waitFor(
    async () => {
      const rows = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE key = ${lowBalanceJobKey(accountId)}`;
      expect(rows[0]?.n).toBe(0n);
    },
    { timeout: 20_000, interval: 50 },
  );
}

const available = async (accountId: string) => Number((await db.wallet.findUniqueOrThrow({ where: { accountId } })).availableMicros);
const intentsOf = (accountId: string) => stripe.fake.paymentIntents().filter((p) => p.off_session && (p.metadata as Record<string, string>).account_id === accountId);
const mailsTo = (email: string, subject: RegExp) => mail.sent.filter((m) => m.to === email && subject.test(m.subject));

async function expectNoDrift(accountIds: string[]) {
  const { drift } = await findDrift(accountIds);
  expect(drift).toEqual([]);
}

describe("auto-recharge", () => {
  it("a paid Checkout saves its card on a customer of the account, and turning auto-recharge on needs one", async () => {
    const { accountId } = await accountWithCard("pm_card_mastercard");
    const session = stripe.fake.sessions().find((s) => s.client_reference_id === accountId)!;
    expect(session).toMatchObject({ customer_creation: "always", setup_future_usage: "off_session" });
    expect(await db.account.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({
      stripeCustomerId: session.customer,
      stripePaymentMethodId: expect.stringMatching(/^pm_/),
      cardBrand: "mastercard",
      cardLast4: "4444",
    });

    const cardless = await newAccount(0);
    touched.push(cardless);
    await expect(setAutoRecharge(cardless, { enabled: true, thresholdUsd: "5", amountUsd: "10" })).rejects.toThrow(/Top up once by card/);
    await expect(setAutoRecharge(accountId, { enabled: true, thresholdUsd: "5", amountUsd: "4" })).rejects.toThrow(/between \$5\.00 and \$5,000\.00/);
    expect((await getAutoRechargeSettings(cardless)).autoRechargeEnabled).toBe(false);
  });

  it("20 concurrent tasks crossing the threshold charge the card once and credit once; within the hour a second crossing charges nothing", async () => {
    const { accountId, email } = await accountWithCard();
    await setAutoRecharge(accountId, { enabled: true, thresholdUsd: "9.50", amountUsd: "10" });
    expect(intentsOf(accountId)).toHaveLength(0);

    await runTasks(accountId, 20);
    await jobsDone(accountId);
    const [intent] = intentsOf(accountId);
    expect(intentsOf(accountId)).toHaveLength(1);
    const { stripePaymentMethodId } = await db.account.findUniqueOrThrow({ where: { id: accountId } });
    expect(intent).toMatchObject({ amount: 1000, status: "succeeded", payment_method: stripePaymentMethodId });
    const attempts = await db.autoRechargeAttempt.findMany({ where: { accountId } });
    expect(attempts).toMatchObject([{ state: "succeeded", stripePaymentIntentId: intent!.id, amountMicros: BigInt(10 * USD) }]);
    // A job queued while the first ran may resume its attempt: with the same key, so Stripe answers the same payment.
    const creates = stripe.fake.requests().filter((r) => r.path === "/v1/payment_intents" && r.body.customer === intent!.customer);
    expect(creates.length).toBeGreaterThan(0);
    expect(new Set(creates.map((r) => r.idempotencyKey))).toEqual(new Set([attempts[0]!.id]));
    const credits = await db.ledgerEntry.findMany({ where: { accountId, kind: "topup", externalRef: intent!.id } });
    expect(credits.map((c) => c.amountMicros)).toEqual([BigInt(10 * USD)]);
    expect(await available(accountId)).toBe(20 * USD - 20 * PRICE);
    // The recharge lifted the balance back above the threshold before the notice was due.
    expect(mailsTo(email, /balance is low/)).toHaveLength(0);

    await adjustBalance({ accountId, amountMicros: -(10 * USD + 5 * PRICE), memo: "back down near the threshold" });
    await runTasks(accountId, 1);
    await jobsDone(accountId);
    expect(intentsOf(accountId)).toHaveLength(1);
    expect(await db.autoRechargeAttempt.count({ where: { accountId } })).toBe(1);
    expect(mailsTo(email, /balance is low/)).toHaveLength(1);

    // An hour later the next crossing charges again.
    await db.account.update({ where: { id: accountId }, data: { lastAutoRechargeAt: new Date(Date.now() - 61 * 60_000) } });
    await runTasks(accountId, 1);
    await jobsDone(accountId);
    expect(intentsOf(accountId)).toHaveLength(2);
    expect(await available(accountId)).toBe(20 * USD - 27 * PRICE);
    await expectNoDrift([accountId]);
  });

  it("never charges the card of an account frozen by a dispute", async () => {
    const { accountId } = await accountWithCard();
    await db.account.update({ where: { id: accountId }, data: { frozenAt: new Date() } });
    await setAutoRecharge(accountId, { enabled: true, thresholdUsd: "50", amountUsd: "10" });
    await jobsDone(accountId);
    expect(await handleLowBalance(accountId)).toMatchObject({ recharge: "not_due" });
    expect(intentsOf(accountId)).toHaveLength(0);

    await db.account.update({ where: { id: accountId }, data: { frozenAt: null } });
    expect(await handleLowBalance(accountId)).toMatchObject({ recharge: "succeeded" });
    expect(intentsOf(accountId)).toHaveLength(1);
    await expectNoDrift([accountId]);
  });

  it.each([
    ["pm_card_chargeDeclined", "card_declined", "card declined"],
    ["pm_card_authenticationRequired", "authentication_required", "the bank asks for authentication, which needs you present"],
  ])("%s: the failure is recorded and listed, auto-recharge turns off, nothing is credited, the owner is told", async (card, code, reason) => {
    const { accountId, email } = await accountWithCard(card);
    await setAutoRecharge(accountId, { enabled: true, thresholdUsd: "9.90", amountUsd: "25" });
    await runTasks(accountId, 4);
    await jobsDone(accountId);

    expect(intentsOf(accountId)).toMatchObject([{ amount: 2500, status: "requires_payment_method" }]);
    expect(await db.autoRechargeAttempt.findMany({ where: { accountId } })).toMatchObject([
      { state: "failed", failureCode: code, failureMessage: reason, stripePaymentIntentId: intentsOf(accountId)[0]!.id },
    ]);
    expect(await getAutoRechargeSettings(accountId)).toMatchObject({ autoRechargeEnabled: false, failure: reason, card: { last4: expect.any(String) } });
    expect(await available(accountId)).toBe(10 * USD - 4 * PRICE);
    const topups = await db.ledgerEntry.findMany({ where: { accountId, kind: "topup" }, orderBy: { createdAt: "asc" } });
    expect(topups.map((t) => [t.amountMicros, t.memo])).toEqual([
      [BigInt(10 * USD), expect.stringMatching(/^Card top-up of \$10\.00/)],
      [0n, `Auto-recharge failed: ${reason}; $25.00 not charged, nothing credited`],
    ]);
    expect(mailsTo(email, /auto-recharge failed/)).toMatchObject([{ text: expect.stringContaining(`failed: ${reason}`) }]);

    // Off means off: the next crossing charges nothing, and turning it back on clears the failure.
    await runTasks(accountId, 1);
    await jobsDone(accountId);
    expect(intentsOf(accountId)).toHaveLength(1);
    await setAutoRecharge(accountId, { enabled: true, thresholdUsd: "9.90", amountUsd: "25" });
    expect(await getAutoRechargeSettings(accountId)).toMatchObject({ autoRechargeEnabled: true, failure: null });
    await expectNoDrift([accountId]);
  });
});

describe("low-balance mail", () => {
  it("reaching the daily spend cap sends one mail that day, however many jobs check it", async () => {
    const { accountId, email } = await accountWithCard();
    await db.account.update({ where: { id: accountId }, data: { dailyCapMicros: BigInt(2 * PRICE + 100) } });
    await runTasks(accountId, 1);
    await jobsDone(accountId);
    expect(mailsTo(email, /spend cap/)).toHaveLength(0);

    await runTasks(accountId, 1);
    await jobsDone(accountId);
    const caps = mailsTo(email, /daily spend cap of \$0\.0701 is reached/);
    expect(caps).toHaveLength(1);
    expect(caps[0]!.text).toMatch(/dashboard\/settings/);
    expect(await sendCapNotice(accountId)).toBe(false);
    const { keyId } = await newKey(accountId);
    await expect(createTask({ key: { keyId, accountId, mode: "live" }, model: "flux-2-pro", input: { prompt: "one more", aspect_ratio: "1:1" }, surface: "task_api" })).rejects.toMatchObject({ code: "spend_cap_reached" });
    expect(mailsTo(email, /spend cap/)).toHaveLength(1);
    await expectNoDrift([accountId]);
  });

  it("one crossing sends one mail however many tasks follow; a top-up re-arms it", async () => {
    const { accountId, email } = await accountWithCard();
    await adjustBalance({ accountId, amountMicros: -(8 * USD - 3 * PRICE), memo: "just above the default $2" });
    expect(await available(accountId)).toBe(2 * USD + 3 * PRICE);

    await runTasks(accountId, 3);
    await jobsDone(accountId);
    expect(mailsTo(email, /balance is low/)).toHaveLength(0);
    await runTasks(accountId, 5);
    await jobsDone(accountId);
    const lows = mailsTo(email, /balance is low/);
    expect(lows).toHaveLength(1);
    expect(lows[0]!.text).toMatch(/below the \$2\.00 you are told about/);

    const { sessionId } = await startTopUp({ accountId, amountUsd: "10", requestToken: randomBytes(16).toString("hex"), baseUrl: "http://localhost:3000" });
    await stripe.fake.deliver(stripe.fake.completeSession(sessionId));
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).lowBalanceNotifiedAt).toBeNull();

    // The next crossing is of a threshold the account chose itself.
    expect(await available(accountId)).toBe(11 * USD + 825_000);
    await setNotifyBelow(accountId, { notifyBelowUsd: "11.82" });
    await runTasks(accountId, 2);
    await jobsDone(accountId);
    expect(mailsTo(email, /balance is low/)).toHaveLength(2);

    // An operator's credit re-arms it as a top-up does; a debit does not.
    await operatorCredit("adjustment", { accountId, amountMicros: -1_000, memo: "a correction" });
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).lowBalanceNotifiedAt).not.toBeNull();
    await operatorCredit("grant", { accountId, amountMicros: 5 * USD, memo: "goodwill" });
    expect((await db.account.findUniqueOrThrow({ where: { id: accountId } })).lowBalanceNotifiedAt).toBeNull();
    await expectNoDrift([accountId]);
  });
});

import "server-only";
import Stripe from "stripe";
import { creditIn } from "@/lib/billing";
import { formatUsd } from "@/lib/catalog/pricing";
import { creditsForPayment } from "@/lib/billing/pricing-model";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { newId } from "@/lib/ids";
import { mailAvailable, sendMail } from "@/lib/mail";
import { MICROS_PER_CENT } from "./amounts";
import { stripeClient } from "./client";
import { ownerEmails, rearmLowBalanceNotice } from "./low-balance";
import { paymentIntentObject } from "./schemas";

type Attempt = { id: string; accountId: string; amountMicros: bigint; customerId: string; paymentMethodId: string };

export type AutoRechargeOutcome = "not_due" | "succeeded" | "failed";

/**
 * Claims this hour's auto-recharge of an account: the conditional UPDATE on lastAutoRechargeAt lets
 * one job win however many were queued (RELIABILITY §1), and the attempt row is written with it,
 * so a crash after the claim leaves a pending attempt that the next run resumes. An account frozen
 * by a dispute is never charged: its customer is contesting a payment.
 */
async function claimAttempt(accountId: string): Promise<Attempt | null> {
  return db.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ amountMicros: bigint; customerId: string; paymentMethodId: string }[]>`
      UPDATE "Account" a SET "lastAutoRechargeAt" = now() FROM "Wallet" w
      WHERE a."id" = ${accountId} AND w."accountId" = a."id" AND a."autoRechargeEnabled" AND a."frozenAt" IS NULL
        AND a."stripeCustomerId" IS NOT NULL AND a."stripePaymentMethodId" IS NOT NULL AND a."autoRechargeAmountMicros" > 0
        AND w."availableMicros" < a."autoRechargeThresholdMicros"
        AND (a."lastAutoRechargeAt" IS NULL OR a."lastAutoRechargeAt" <= now() - interval '1 hour')
      RETURNING a."autoRechargeAmountMicros" AS "amountMicros", a."stripeCustomerId" AS "customerId",
        a."stripePaymentMethodId" AS "paymentMethodId"`;
    if (!claimed) return null;
    const id = newId("ar");
    await tx.autoRechargeAttempt.create({
      data: { id, accountId, amountMicros: claimed.amountMicros, stripeCustomerId: claimed.customerId, stripePaymentMethodId: claimed.paymentMethodId },
    });
    return { id, accountId, ...claimed };
  });
}

/**
 * A pending attempt of the account (its job failed before Stripe answered): resumed with the card
 * it claimed, never replaced, so that Stripe sees the same request under the same key.
 */
async function pendingAttempt(accountId: string): Promise<Attempt | null> {
  const attempt = await db.autoRechargeAttempt.findFirst({ where: { accountId, state: "pending" }, orderBy: { createdAt: "asc" } });
  if (!attempt) return null;
  return {
    id: attempt.id,
    accountId,
    amountMicros: attempt.amountMicros,
    customerId: attempt.stripeCustomerId,
    paymentMethodId: attempt.stripePaymentMethodId,
  };
}

type Charge = { kind: "succeeded"; paymentIntentId: string } | { kind: "failed"; code: string; reason: string; paymentIntentId: string | null };

const reasons: Record<string, string> = {
  card_declined: "card declined",
  expired_card: "card expired",
  insufficient_funds: "insufficient funds on the card",
  authentication_required: "the bank asks for authentication, which needs you present",
  requires_action: "the bank asks for authentication, which needs you present",
  requires_payment_method: "card declined",
};

/**
 * Charges the saved card off-session. The attempt id is the idempotency key, so a retry after a
 * timeout gets Stripe's first answer instead of a second charge. A card error is an outcome; any
 * other error throws, and the job's retry resumes the same attempt.
 */
async function chargeCard(attempt: Attempt): Promise<Charge> {
  let intent;
  try {
    intent = paymentIntentObject.parse(
      await stripeClient().paymentIntents.create(
        {
          amount: Number(attempt.amountMicros) / MICROS_PER_CENT,
          currency: "usd",
          customer: attempt.customerId,
          payment_method: attempt.paymentMethodId,
          off_session: true,
          confirm: true,
          description: `Lumigate auto-recharge: ${formatUsd(attempt.amountMicros)}`,
          metadata: { account_id: attempt.accountId, auto_recharge_id: attempt.id },
        },
        { idempotencyKey: attempt.id },
      ),
    );
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
    const code = error.code ?? "card_declined";
    return { kind: "failed", code, reason: reasons[code] ?? "card declined", paymentIntentId: error.payment_intent?.id ?? null };
  }
  if (intent.status === "succeeded") return { kind: "succeeded", paymentIntentId: intent.id };
  if (intent.status === "requires_action" || intent.status === "requires_payment_method") {
    return { kind: "failed", code: intent.status, reason: reasons[intent.status]!, paymentIntentId: intent.id };
  }
  throw new Error(`auto-recharge ${attempt.id}: payment ${intent.id} is ${intent.status}; the job will ask again`);
}

/** Success: the credit, keyed on the payment intent like a top-up's on its session, written once. */
async function recordSuccess(attempt: Attempt, paymentIntentId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const won = await tx.autoRechargeAttempt.updateMany({
      where: { id: attempt.id, state: "pending" },
      data: { state: "succeeded", stripePaymentIntentId: paymentIntentId, finishedAt: new Date() },
    });
    if (won.count === 0) return;
    await creditIn(tx, "topup", {
      accountId: attempt.accountId,
      amountMicros: creditsForPayment(Number(attempt.amountMicros)),
      externalRef: paymentIntentId,
      memo: `Auto-recharge of ${formatUsd(attempt.amountMicros)} (Stripe payment ${paymentIntentId})`,
    });
    await rearmLowBalanceNotice(tx, attempt.accountId);
  });
}

/**
 * Failure: the attempt's outcome, a zero-amount ledger entry so that the transactions list shows
 * the failed recharge with its reason, and auto-recharge off until the user turns it on again.
 */
async function recordFailure(attempt: Attempt, charge: Extract<Charge, { kind: "failed" }>): Promise<boolean> {
  const message = `Auto-recharge failed: ${charge.reason}`;
  return db.$transaction(async (tx) => {
    const won = await tx.autoRechargeAttempt.updateMany({
      where: { id: attempt.id, state: "pending" },
      data: { state: "failed", stripePaymentIntentId: charge.paymentIntentId, failureCode: charge.code, failureMessage: charge.reason, finishedAt: new Date() },
    });
    if (won.count === 0) return false;
    await tx.account.update({ where: { id: attempt.accountId }, data: { autoRechargeEnabled: false, autoRechargeFailure: charge.reason } });
    await tx.ledgerEntry.create({
      data: {
        id: newId("txn"),
        accountId: attempt.accountId,
        kind: "topup",
        amountMicros: 0n,
        externalRef: attempt.id,
        memo: `${message}; ${formatUsd(attempt.amountMicros)} not charged, nothing credited`,
      },
    });
    return true;
  });
}

async function mailFailure(accountId: string, attempt: Attempt, reason: string): Promise<void> {
  if (!mailAvailable) return;
  const billing = `${publicUrl}/dashboard/billing`;
  for (const to of await ownerEmails(accountId)) {
    await sendMail({
      to,
      subject: "Lumigate auto-recharge failed",
      text: `Auto-recharge of ${formatUsd(attempt.amountMicros)} failed: ${reason}. Nothing was charged or credited.\n\nAuto-recharge is now off. To update your card, top up once at ${billing} (the card you pay with is saved), then turn auto-recharge on again.\n`,
    });
  }
}

/** Another run is charging the card now: its outcome, not the balance of this moment, decides whether the account is low. */
export async function isRechargeInFlight(accountId: string): Promise<boolean> {
  return (await db.autoRechargeAttempt.count({ where: { accountId, state: "pending" } })) > 0;
}

/** The worker's auto-recharge of one account: resumes a pending attempt, or claims one if due. */
export async function autoRecharge(accountId: string): Promise<AutoRechargeOutcome> {
  const attempt = (await pendingAttempt(accountId)) ?? (await claimAttempt(accountId));
  if (!attempt) return "not_due";
  const charge = await chargeCard(attempt);
  if (charge.kind === "succeeded") {
    await recordSuccess(attempt, charge.paymentIntentId);
    return "succeeded";
  }
  // After the commit, and only by the run that recorded it: one mail per failure.
  if (await recordFailure(attempt, charge)) await mailFailure(accountId, attempt, charge.reason);
  return "failed";
}

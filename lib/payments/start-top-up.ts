import "server-only";
import { z } from "zod";
import { formatUsd, parseUsdToMicros } from "@/lib/catalog/pricing";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { MICROS_PER_CENT } from "./amounts";
import { stripeClient } from "./client";

export const startTopUpInput = z.object({
  amountUsd: z.string().trim().min(1, "Enter an amount."),
  /** Made by the form when it is shown: a double submit carries the same token and opens one session. */
  requestToken: z.string().regex(/^[0-9a-f]{32}$/, "Reload the page and try again."),
});

export type StartedTopUp = { topUpId: string; sessionId: string; url: string };

function amountMicrosOf(amountUsd: string): number {
  const micros = parseUsdToMicros(amountUsd);
  const min = env.TOPUP_MIN_USD * 1_000_000;
  const max = env.TOPUP_MAX_USD * 1_000_000;
  const invalid = (message: string) => new AppError("validation_error", message, { param: "amountUsd" });
  if (micros === null || micros % MICROS_PER_CENT !== 0) throw invalid("Enter a dollar amount with at most two decimals, such as 25 or 12.50.");
  if (micros < min || micros > max) throw invalid(`A top-up is between ${formatUsd(min)} and ${formatUsd(max)}.`);
  return micros;
}

/** The account's top-up for this form submission: created on the first submit, found on the next. */
async function claimTopUp(accountId: string, requestToken: string, amountMicros: number) {
  await db.topUp.createMany({
    data: [{ id: newId("top"), accountId, requestToken, amountMicros: BigInt(amountMicros) }],
    skipDuplicates: true,
  });
  const topUp = await db.topUp.findUniqueOrThrow({ where: { accountId_requestToken: { accountId, requestToken } } });
  if (Number(topUp.amountMicros) !== amountMicros) {
    throw new AppError("conflict", "This form was already submitted with another amount. Reload the page to start a new top-up.");
  }
  if (topUp.state !== "open") throw new AppError("conflict", "This top-up has already been paid. Reload the page to start another.");
  return topUp;
}

/**
 * Opens a Stripe Checkout Session for a top-up and returns where to send the customer. The top-up
 * row comes first and its id is Stripe's idempotency key, so resubmitting the same form (a double
 * click, a retry after a timeout) gets the same session back instead of a second one.
 */
export async function startTopUp(input: {
  accountId: string;
  amountUsd: string;
  requestToken: string;
  baseUrl: string;
}): Promise<StartedTopUp> {
  const stripe = stripeClient();
  const amountMicros = amountMicrosOf(input.amountUsd);
  const topUp = await claimTopUp(input.accountId, input.requestToken, amountMicros);
  const metadata = { topup_id: topUp.id, account_id: input.accountId, amount_micros: String(amountMicros) };
  const { stripeCustomerId } = await db.account.findUniqueOrThrow({ where: { id: input.accountId }, select: { stripeCustomerId: true } });
  const returnUrl = `${input.baseUrl.replace(/\/$/, "")}/dashboard/billing/return`;
  let session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        client_reference_id: input.accountId,
        metadata,
        // Every card checkout saves its card on the account's customer, so that auto-recharge can
        // charge it off-session later; Stripe refuses customer_creation beside an existing customer.
        ...(stripeCustomerId ? { customer: stripeCustomerId } : { customer_creation: "always" as const }),
        payment_intent_data: { metadata, setup_future_usage: "off_session" },
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: "usd",
              unit_amount: amountMicros / MICROS_PER_CENT,
              product_data: { name: `Lumigate credit: ${formatUsd(amountMicros)}` },
            },
          },
        ],
        success_url: `${returnUrl}?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${returnUrl}?cancelled=${topUp.id}`,
      },
      { idempotencyKey: topUp.id },
    );
  } catch (error) {
    console.error(`[payments] could not create the checkout session of ${topUp.id}`, error);
    throw new AppError("upstream_error", "Stripe could not open a checkout just now. Try again in a moment.");
  }
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
  // The webhook may have recorded the session first; either way the row ends with this id.
  await db.topUp.updateMany({ where: { id: topUp.id, stripeSessionId: null }, data: { stripeSessionId: session.id } });
  return { topUpId: topUp.id, sessionId: session.id, url: session.url };
}

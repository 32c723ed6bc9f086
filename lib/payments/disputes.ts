import "server-only";
import type Stripe from "stripe";
import { debitOnce } from "@/lib/billing";
import { formatUsd } from "@/lib/catalog/pricing";
import { forgetAccountKeys } from "@/lib/keys";
import { MICROS_PER_CENT } from "./amounts";
import { topUpOfPayment } from "./find-top-up";
import { type EventOutcome, recordEvent } from "./record-event";
import type { DisputeObject } from "./schemas";

/** Dispute statuses that end it in the account's favour (or as an inquiry that never became one). */
const RESOLVED_IN_FAVOUR = ["won", "warning_closed", "prevented"];
/** Statuses no later event moves a dispute out of: a late "created" must not reopen a closed one. */
export const FINAL_DISPUTE_STATUSES = [...RESOLVED_IN_FAVOUR, "lost"];

/**
 * Records a dispute's status and sets the account's freeze from all its disputes: frozen while any
 * is open or lost. Deciding from the set, not from the event, makes the result independent of the
 * order in which Stripe delivers created and closed. A lost dispute takes its amount back, once.
 */
export async function applyDispute(event: Stripe.Event, dispute: DisputeObject): Promise<EventOutcome> {
  const topUp = await topUpOfPayment(dispute.payment_intent);
  const outcome = await recordEvent(event, async (tx) => {
    if (!topUp) return "not_ours";
    const { accountId } = topUp;
    // Taken first, so that concurrent events of this account's disputes decide the freeze one at a time.
    await tx.$executeRaw`UPDATE "Account" SET "frozenAt" = "frozenAt" WHERE "id" = ${accountId}`;
    await tx.$executeRaw`
      INSERT INTO "StripeDispute" ("id", "accountId", "status", "amountMicros", "updatedAt")
      VALUES (${dispute.id}, ${accountId}, ${dispute.status}, ${BigInt(dispute.amount * MICROS_PER_CENT)}, now())
      ON CONFLICT ("id") DO UPDATE SET "status" = EXCLUDED."status", "updatedAt" = now()
      WHERE NOT ("StripeDispute"."status" = ANY(${FINAL_DISPUTE_STATUSES}::text[]))`;
    if (dispute.status === "lost" && dispute.currency === "usd" && dispute.amount > 0) {
      const amountMicros = dispute.amount * MICROS_PER_CENT;
      await debitOnce(tx, "dispute", {
        accountId,
        amountMicros,
        externalRef: dispute.id,
        memo: `Card payment disputed and lost: ${formatUsd(amountMicros)} (Stripe dispute ${dispute.id})`,
      });
    }
    const [account] = await tx.$queryRaw<{ isFrozen: boolean }[]>`
      UPDATE "Account" a SET "frozenAt" = CASE
        WHEN EXISTS (SELECT 1 FROM "StripeDispute" d WHERE d."accountId" = a."id" AND NOT (d."status" = ANY(${RESOLVED_IN_FAVOUR}::text[])))
        THEN COALESCE(a."frozenAt", now()) ELSE NULL END
      WHERE a."id" = ${accountId}
      RETURNING a."frozenAt" IS NOT NULL AS "isFrozen"`;
    return account?.isFrozen ? "frozen" : "unfrozen";
  });
  // After the commit: this instance's key cache must not keep answering with the old state.
  if (topUp && (outcome === "frozen" || outcome === "unfrozen")) await forgetAccountKeys(topUp.accountId);
  return outcome;
}

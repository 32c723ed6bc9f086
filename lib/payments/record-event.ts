import "server-only";
import { db, type Prisma } from "@/lib/db";

export type Tx = Prisma.TransactionClient;

/** What processing an event did, for the answer to Stripe and the log. */
export type EventOutcome =
  | "credited"
  | "already_credited"
  | "awaiting_payment"
  | "failed"
  | "debited"
  | "already_debited"
  | "frozen"
  | "unfrozen"
  | "not_ours"
  | "duplicate"
  | "ignored";

/**
 * Runs an event's effect in one transaction with the insert of its id: a redelivery (Stripe retries
 * for days, often concurrently) finds the id and does nothing, and an effect that fails leaves no
 * id behind, so the retry does the whole effect again.
 */
export function recordEvent(
  event: { id: string; type: string },
  effect: (tx: Tx) => Promise<EventOutcome>,
): Promise<EventOutcome> {
  return db.$transaction(async (tx) => {
    // A concurrent delivery of the same id waits here until the first commits, then inserts nothing.
    const inserted = await tx.$executeRaw`
      INSERT INTO "StripeEvent" ("id", "type") VALUES (${event.id}, ${event.type}) ON CONFLICT ("id") DO NOTHING`;
    if (inserted === 0) return "duplicate";
    return effect(tx);
  });
}

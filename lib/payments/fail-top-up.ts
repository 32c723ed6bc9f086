import "server-only";
import type { TopUpRef } from "./find-top-up";
import type { EventOutcome, Tx } from "./record-event";

/**
 * A checkout that will never pay (its bank debit failed, or it expired unpaid) ends its top-up
 * without credit, so the return page stops waiting. A paid top-up never goes back: the conditional
 * update only moves one still open or processing, whatever order the events arrive in.
 */
export async function failTopUp(tx: Tx, topUp: TopUpRef): Promise<EventOutcome> {
  const moved = await tx.topUp.updateMany({ where: { id: topUp.id, state: { in: ["open", "processing"] } }, data: { state: "failed" } });
  return moved.count === 0 ? "ignored" : "failed";
}

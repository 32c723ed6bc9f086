import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TopUpStatus } from "./amounts";

/** What the return page polls: one of the account's own top-ups, found by its Checkout Session. */
export async function getTopUpStatus(accountId: string, sessionId: string): Promise<TopUpStatus> {
  const [topUp, wallet] = await Promise.all([
    db.topUp.findFirst({ where: { accountId, stripeSessionId: sessionId }, select: { state: true, amountMicros: true } }),
    db.wallet.findUnique({ where: { accountId }, select: { availableMicros: true } }),
  ]);
  if (!topUp || !wallet) throw new AppError("not_found", "No top-up of this account has that checkout session.");
  return { state: topUp.state, amountMicros: Number(topUp.amountMicros), availableMicros: Number(wallet.availableMicros) };
}

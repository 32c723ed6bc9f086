import "server-only";
import { type AutoRechargeOutcome, autoRecharge, isRechargeInFlight } from "./auto-recharge";
import { sendCapNotice } from "./cap-notice";
import { isStripeConfigured } from "./client";
import { sendLowBalanceNotice } from "./low-balance";

/**
 * The worker's job for an account whose balance went low or whose spend cap may be reached: the recharge first, so that a balance
 * it lifts back above the threshold is not reported as low, then the notice if still due. While
 * another job's charge is in flight the notice waits: a failed charge turns auto-recharge off, and
 * the next debit queues the notice against the threshold that applies then.
 */
export async function handleLowBalance(accountId: string): Promise<{ recharge: AutoRechargeOutcome; notified: boolean; capNotified: boolean }> {
  const recharge = isStripeConfigured() ? await autoRecharge(accountId) : "not_due";
  // A cap is the account's own limit: no recharge lifts it, so its mail never waits for one.
  const capNotified = await sendCapNotice(accountId);
  if (await isRechargeInFlight(accountId)) return { recharge, notified: false, capNotified };
  return { recharge, notified: await sendLowBalanceNotice(accountId), capNotified };
}

// The benchmark's account: limits set out of the way, since the benchmark measures the system, not
// the caps that protect it.
import { grantCredits, openWallet } from "@/lib/billing";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { createKey } from "@/lib/keys";

const MAX_IN_FLIGHT = 10_000_000;
/** Far above any request rate the benchmark reaches. */
const RATE_PER_10S = 1_000_000_000;
/** $1,000,000: enough for every live task the benchmark holds money for. */
const BALANCE_MICROS = 1_000_000_000_000;

export type BenchAccount = { accountId: string; liveKey: string; testKey: string };

export async function benchAccount(name: string): Promise<BenchAccount> {
  const accountId = newId("acct");
  await db.$transaction(async (tx) => {
    await tx.account.create({ data: { id: accountId, name } });
    await openWallet(tx, accountId, 0);
  });
  await grantCredits({ accountId, amountMicros: BALANCE_MICROS, memo: "benchmark" });
  const scopes = ["generate", "read"] as const;
  const live = await createKey({ accountId, name: `${name} live`, mode: "live", scopes: [...scopes] });
  const test = await createKey({ accountId, name: `${name} test`, mode: "test", scopes: [...scopes] });
  // Past what createKey and the dashboard accept, on purpose: set on the columns directly.
  await db.account.update({ where: { id: accountId }, data: { maxInFlightTasks: MAX_IN_FLIGHT } });
  await db.apiKey.updateMany({ where: { accountId }, data: { ratePer10s: RATE_PER_10S } });
  return { accountId, liveKey: live.key, testKey: test.key };
}

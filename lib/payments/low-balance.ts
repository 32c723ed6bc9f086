import "server-only";
import { creditIn, type CreditInput } from "@/lib/billing";
import { formatUsd } from "@/lib/catalog/pricing";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { mailAvailable, sendMail } from "@/lib/mail";
import { addJob, jobNames } from "@/lib/tasks/queue";
import { DEFAULT_NOTIFY_BELOW_MICROS } from "./notices";
import type { Tx } from "./record-event";

// The SQL form of lowBalanceThresholdMicros (notices.ts), so that the checks below stay one statement.
const thresholdSql = (a: string) =>
  `CASE WHEN ${a}."autoRechargeEnabled" AND ${a}."autoRechargeThresholdMicros" IS NOT NULL
     THEN ${a}."autoRechargeThresholdMicros" ELSE COALESCE(${a}."notifyBelowMicros", ${DEFAULT_NOTIFY_BELOW_MICROS}) END`;
export const LOW_BALANCE_THRESHOLD_SQL = thresholdSql("a");

/** The job of an account whose balance went low; one key per account, so a burst of captures queues one. */
export const lowBalanceJobKey = (accountId: string) => `low-balance:${accountId}`;

/**
 * After a debit, in its transaction: queues the account's low-balance job when the balance is now
 * below a threshold and there is something to do (an auto-recharge due, or a notice not yet sent
 * for this crossing), or when the account has a spend cap not yet reported today. One read of rows
 * the debit has already locked; the job itself decides again. (Sessions run in UTC: lib/db.)
 */
export async function queueLowBalanceJob(tx: Tx, accountId: string): Promise<void> {
  const due = await tx.$queryRawUnsafe<{ due: boolean }[]>(
    `SELECT true AS due FROM "Account" a JOIN "Wallet" w ON w."accountId" = a."id"
     WHERE a."id" = $1 AND (
       (a."autoRechargeEnabled" AND a."frozenAt" IS NULL AND w."availableMicros" < a."autoRechargeThresholdMicros"
         AND (a."lastAutoRechargeAt" IS NULL OR a."lastAutoRechargeAt" <= now() - interval '1 hour'))
       OR (a."lowBalanceNotifiedAt" IS NULL AND w."availableMicros" < ${LOW_BALANCE_THRESHOLD_SQL})
       OR ((a."dailyCapMicros" IS NOT NULL OR a."monthlyCapMicros" IS NOT NULL)
         AND a."capNotifiedDay" IS DISTINCT FROM to_char(now(), 'YYYY-MM-DD')))`,
    accountId,
  );
  if (due.length) await addJob(tx, jobNames.lowBalance, { accountId }, { jobKey: lowBalanceJobKey(accountId) });
}

/** After a credit, in its transaction: the next crossing of the threshold sends a notice again. */
export async function rearmLowBalanceNotice(tx: Tx, accountId: string): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE "Account" a SET "lowBalanceNotifiedAt" = NULL FROM "Wallet" w
     WHERE a."id" = $1 AND w."accountId" = a."id" AND a."lowBalanceNotifiedAt" IS NOT NULL
       AND w."availableMicros" >= ${LOW_BALANCE_THRESHOLD_SQL}`,
    accountId,
  );
}

/** An operator's grant or adjustment, which re-arms the low-balance notice when it credits, as a top-up does. */
export function operatorCredit(kind: "grant" | "adjustment", input: CreditInput): Promise<{ entryId: string }> {
  return db.$transaction(async (tx) => {
    const entry = await creditIn(tx, kind, input);
    if (input.amountMicros > 0) await rearmLowBalanceNotice(tx, input.accountId);
    return entry;
  });
}

/** The addresses of the account's owners: who is told about its money. */
export async function ownerEmails(accountId: string): Promise<string[]> {
  const owners = await db.membership.findMany({ where: { accountId, role: "owner" }, select: { user: { select: { email: true } } } });
  return owners.map((m) => m.user.email);
}

/**
 * The low-balance mail, once per crossing: the conditional UPDATE that records it decides, so a
 * second job of the same crossing sends nothing. Without mail the crossing is recorded all the same
 * (the dashboard banner tells it), which keeps the debit-side check from queueing jobs for nothing.
 */
export async function sendLowBalanceNotice(accountId: string): Promise<boolean> {
  const [claimed] = await db.$queryRawUnsafe<{ availableMicros: bigint; threshold: bigint }[]>(
    `UPDATE "Account" a SET "lowBalanceNotifiedAt" = now() FROM "Wallet" w
     WHERE a."id" = $1 AND w."accountId" = a."id" AND a."lowBalanceNotifiedAt" IS NULL
       AND w."availableMicros" < ${LOW_BALANCE_THRESHOLD_SQL}
     RETURNING w."availableMicros", (${LOW_BALANCE_THRESHOLD_SQL})::bigint AS threshold`,
    accountId,
  );
  if (!claimed || !mailAvailable) return false;
  const billing = `${publicUrl}/dashboard/billing`;
  for (const to of await ownerEmails(accountId)) {
    await sendMail({
      to,
      subject: `Your Lumigate balance is low: ${formatUsd(claimed.availableMicros)}`,
      text: `Your balance is ${formatUsd(claimed.availableMicros)}, below the ${formatUsd(claimed.threshold)} you are told about.\n\nWhen it runs out, new jobs are refused. Top up at ${billing}\n`,
    });
  }
  return true;
}

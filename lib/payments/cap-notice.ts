import "server-only";
import { getBalance, spendPeriods } from "@/lib/billing";
import { formatUsd } from "@/lib/catalog/pricing";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { mailAvailable, sendMail } from "@/lib/mail";
import { cheapestJobMicros } from "./cheapest-job";
import { ownerEmails } from "./low-balance";
import { balanceNotices } from "./notices";

/**
 * The "spend cap reached" mail, at most once a UTC day: the conditional UPDATE of capNotifiedDay
 * decides, so concurrent jobs of one account send one. The reach is judged as the banner judges it.
 */
export async function sendCapNotice(accountId: string, now = new Date()): Promise<boolean> {
  const [balance, account, cheapest] = await Promise.all([
    getBalance(accountId, undefined, now),
    db.account.findUnique({ where: { id: accountId }, select: { autoRechargeEnabled: true, autoRechargeThresholdMicros: true, notifyBelowMicros: true } }),
    cheapestJobMicros(),
  ]);
  if (!account) return false;
  const cap = balanceNotices({
    autoRechargeEnabled: account.autoRechargeEnabled,
    autoRechargeThresholdMicros: account.autoRechargeThresholdMicros === null ? null : Number(account.autoRechargeThresholdMicros),
    notifyBelowMicros: account.notifyBelowMicros === null ? null : Number(account.notifyBelowMicros),
    availableMicros: balance.availableMicros,
    caps: balance.caps,
    spent: balance.spent,
    cheapestJobMicros: cheapest,
  }).find((n) => n.kind === "daily_cap" || n.kind === "monthly_cap");
  if (!cap) return false;
  const { day } = spendPeriods(now);
  const claimed = await db.account.updateMany({
    where: { id: accountId, OR: [{ capNotifiedDay: null }, { capNotifiedDay: { not: day } }] },
    data: { capNotifiedDay: day },
  });
  if (claimed.count === 0 || !mailAvailable) return false;
  const which = cap.kind === "monthly_cap" ? `monthly spend cap of ${formatUsd(balance.caps.monthlyMicros!)}` : `daily spend cap of ${formatUsd(balance.caps.dailyMicros!)}`;
  for (const to of await ownerEmails(accountId)) {
    await sendMail({
      to,
      subject: `Your Lumigate ${which} is reached`,
      text: `${cap.message}\n\nRaise or remove the cap at ${publicUrl}/dashboard/settings\n`,
    });
  }
  return true;
}

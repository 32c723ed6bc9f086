import { formatUsd } from "@/lib/catalog/pricing";

// What the dashboard banner says about the balance and the caps. No database here: the shell
// renders it, and the worker's mail uses the same threshold rule.

/** The low-balance notice of an account that chose no threshold of its own. */
export const DEFAULT_NOTIFY_BELOW_MICROS = 2_000_000;

export type NoticeSettings = {
  autoRechargeEnabled: boolean;
  autoRechargeThresholdMicros: number | null;
  notifyBelowMicros: number | null;
};

/** Auto-recharge's threshold while it is on (the notice then means the recharge did not help), else the account's own or the default. */
export function lowBalanceThresholdMicros(s: NoticeSettings): number {
  if (s.autoRechargeEnabled && s.autoRechargeThresholdMicros !== null) return s.autoRechargeThresholdMicros;
  return s.notifyBelowMicros ?? DEFAULT_NOTIFY_BELOW_MICROS;
}

export type NoticeInput = NoticeSettings & {
  availableMicros: number;
  caps: { dailyMicros: number | null; monthlyMicros: number | null };
  spent: { todayMicros: number; monthMicros: number };
  /**
   * The cheapest job the catalog runs: a cap is reached once less than this is left of it, since
   * reservations stop short of the cap and the spend itself rarely lands on it.
   */
  cheapestJobMicros: number;
};

export type BalanceNotice = {
  kind: "low_balance" | "daily_cap" | "monthly_cap";
  message: string;
  action: { href: string; label: string };
};

const topUp = { href: "/dashboard/billing", label: "Top up" };
const raiseCap = { href: "/dashboard/settings", label: "Raise the cap" };

/** The banners to show, most urgent first; none when the balance is above the threshold and no cap is reached. */
export function balanceNotices(input: NoticeInput): BalanceNotice[] {
  const notices: BalanceNotice[] = [];
  const threshold = lowBalanceThresholdMicros(input);
  if (input.availableMicros < threshold) {
    notices.push({
      kind: "low_balance",
      message:
        input.availableMicros <= 0
          ? `Your balance is ${formatUsd(input.availableMicros)}: new jobs are refused until you top up.`
          : `Your balance is ${formatUsd(input.availableMicros)}, below ${formatUsd(threshold)}.`,
      action: topUp,
    });
  }
  const { dailyMicros, monthlyMicros } = input.caps;
  const isReached = (cap: number | null, spent: number) => cap !== null && cap - spent < Math.max(1, input.cheapestJobMicros);
  if (isReached(monthlyMicros, input.spent.monthMicros)) {
    notices.push({ kind: "monthly_cap", message: `This month's spend cap of ${formatUsd(monthlyMicros!)} is reached: new jobs are refused until next month.`, action: raiseCap });
  } else if (isReached(dailyMicros, input.spent.todayMicros)) {
    notices.push({ kind: "daily_cap", message: `Today's spend cap of ${formatUsd(dailyMicros!)} is reached: new jobs are refused until midnight UTC.`, action: raiseCap });
  }
  return notices;
}

import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatUsd } from "@/lib/catalog/pricing";
import { cn } from "@/lib/utils/cn";

type SpendMeterProps = {
  /** "Today" or "This month". */
  label: string;
  /** "daily" or "monthly". */
  period: string;
  spentMicros: number;
  capMicros: number | null;
};

/** Spend in a period against its cap, as a progress bar; without a cap, the spend and a way to set one. */
export function SpendMeter({ label, period, spentMicros, capMicros }: SpendMeterProps) {
  if (capMicros === null) {
    return (
      <div className="space-y-1">
        <p className="text-sm font-medium">{label}</p>
        <p className="text-2xl font-semibold tabular-nums">{formatUsd(spentMicros)}</p>
        <p className="text-sm text-muted-foreground">
          No {period} cap.{" "}
          <Link href="/dashboard/settings" className="font-medium text-primary underline underline-offset-2">
            Set one
          </Link>
        </p>
      </div>
    );
  }
  const percent = capMicros === 0 ? 100 : Math.min(100, Math.round((spentMicros / capMicros) * 100));
  const summary = `${formatUsd(spentMicros)} of ${formatUsd(capMicros)}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="text-sm font-medium">{label}</p>
        <p className="text-sm text-muted-foreground tabular-nums">{percent}% used</p>
      </div>
      <p className="tabular-nums">
        <span className="text-2xl font-semibold">{formatUsd(spentMicros)}</span>{" "}
        <span className="text-sm text-muted-foreground">
          of {formatUsd(capMicros)} {period} cap
        </span>
      </p>
      <div
        role="progressbar"
        aria-label={`${label}: spend against the ${period} cap`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${summary} (${percent}%)`}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width]",
            percent >= 100 ? "bg-danger" : percent >= 80 ? "bg-warning" : "bg-primary",
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

type SpendMetersProps = {
  spent: { todayMicros: number; monthMicros: number };
  caps: { dailyMicros: number | null; monthlyMicros: number | null };
};

/** Today's and this month's spend against the account caps, one card each. */
export function SpendMeters({ spent, caps }: SpendMetersProps) {
  return (
    <>
      <Card className="p-5">
        <SpendMeter label="Today" period="daily" spentMicros={spent.todayMicros} capMicros={caps.dailyMicros} />
      </Card>
      <Card className="p-5">
        <SpendMeter label="This month" period="monthly" spentMicros={spent.monthMicros} capMicros={caps.monthlyMicros} />
      </Card>
    </>
  );
}

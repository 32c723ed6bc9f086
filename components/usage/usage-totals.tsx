import { Card } from "@/components/ui/card";
import { formatUsd } from "@/lib/catalog/pricing";
import type { UsageFigures } from "@/lib/usage/figures";
import { formatRate } from "./format";

export function UsageTotals({ totals }: { totals: UsageFigures["totals"] }) {
  const items = [
    { label: "Spend", value: formatUsd(totals.spendMicros), testId: "usage-total-spend" },
    { label: "Tasks", value: totals.tasks.toLocaleString("en-US"), testId: "usage-total-tasks" },
    { label: "Success rate", value: formatRate(totals.successRate), testId: "usage-success-rate" },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {items.map((item) => (
        <Card key={item.label} className="space-y-1 p-5">
          <dt className="text-sm text-muted-foreground">{item.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid={item.testId}>
            {item.value}
          </dd>
        </Card>
      ))}
    </dl>
  );
}

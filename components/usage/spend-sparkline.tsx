"use client";

import { Area, AreaChart, ResponsiveContainer, Tooltip } from "recharts";
import { formatUsd } from "@/lib/catalog/pricing";
import { shortDay } from "./chart-colors";
import { ChartTable } from "./chart-table";

const usd = (micros: number) => formatUsd(micros, { digits: 2 });

/** The last 30 days' spend as a small area, for the overview. */
export function SpendSparkline({ points }: { points: { day: string; spendMicros: number }[] }) {
  const total = points.reduce((sum, p) => sum + p.spendMicros, 0);
  return (
    <figure className="space-y-2">
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">Spend, last 30 days</span>
        <span className="font-semibold tabular-nums" data-testid="overview-spend-30d">
          {usd(total)}
        </span>
      </figcaption>
      <div aria-hidden className="h-16 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points} margin={{ top: 4, right: 0, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <Tooltip
              contentStyle={{ background: "var(--card)", borderColor: "var(--border)", color: "var(--foreground)", borderRadius: 8 }}
              labelFormatter={(_, payload) => shortDay(String(payload?.[0]?.payload?.day ?? ""))}
              formatter={(value) => usd(Number(value))}
            />
            <Area type="monotone" dataKey="spendMicros" name="Spent" stroke="var(--primary)" fill="var(--primary)" fillOpacity={0.2} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <ChartTable caption="Spend per day, last 30 days" columns={[{ id: "spendMicros", label: "Spent" }]} rows={points} format={usd} />
    </figure>
  );
}

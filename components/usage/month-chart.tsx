"use client";

import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/catalog/pricing";
import { axisColor, gridColor, shortDay } from "./chart-colors";
import { ChartTable } from "./chart-table";

const usd = (micros: number) => formatUsd(micros, { digits: 2 });

/** This month's charges added up day by day, against the monthly cap when there is one. */
export function MonthChart({ points, capMicros }: { points: { day: string; total: number }[]; capMicros: number | null }) {
  const spent = points.at(-1)?.total ?? 0;
  const title = "Spend this month (UTC), cumulative";
  return (
    <figure className="space-y-2">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-muted-foreground tabular-nums" data-testid="usage-month-summary">
          {capMicros === null ? `${usd(spent)}, no monthly cap set` : `${usd(spent)} of the ${usd(capMicros)} monthly cap`}
        </span>
      </figcaption>
      <div aria-hidden className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={gridColor} />
            <XAxis dataKey="day" tickFormatter={shortDay} stroke={axisColor} tick={{ fill: axisColor, fontSize: 12 }} minTickGap={16} />
            <YAxis
              stroke={axisColor}
              tick={{ fill: axisColor, fontSize: 12 }}
              tickFormatter={usd}
              width={64}
              domain={[0, (max: number) => Math.max(max, capMicros ?? 0)]}
            />
            <Tooltip
              contentStyle={{ background: "var(--card)", borderColor: "var(--border)", color: "var(--foreground)", borderRadius: 8 }}
              labelFormatter={(day) => shortDay(String(day))}
              formatter={(value) => usd(Number(value))}
            />
            <Area type="monotone" dataKey="total" name="Spent" stroke="var(--primary)" fill="var(--primary)" fillOpacity={0.2} isAnimationActive={false} />
            {capMicros !== null && (
              <ReferenceLine y={capMicros} stroke="var(--danger)" strokeDasharray="4 4" label={{ value: "Monthly cap", fill: "var(--danger)", fontSize: 12, position: "insideTopLeft" }} />
            )}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <ChartTable caption={title} columns={[{ id: "total", label: "Spent so far" }]} rows={points} format={usd} />
    </figure>
  );
}

"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/catalog/pricing";
import { axisColor, gridColor, seriesColor, shortDay, stateColors } from "./chart-colors";
import { ChartTable } from "./chart-table";

type Series = { id: string; label: string };
type Point = { day: string } & Record<string, number | string>;

const formats = {
  usd: (micros: number) => formatUsd(micros, { digits: 2 }),
  count: (n: number) => n.toLocaleString("en-US"),
};

/**
 * Bars per UTC day stacked by series: spend by model or key (`unit: "usd"`, amounts in micro-USD),
 * or tasks by state (`unit: "count"`, coloured by state).
 */
export function StackedDayChart({ title, series, points, unit }: { title: string; series: Series[]; points: Point[]; unit: "usd" | "count" }) {
  const format = formats[unit];
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div aria-hidden className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={gridColor} />
            <XAxis dataKey="day" tickFormatter={shortDay} stroke={axisColor} tick={{ fill: axisColor, fontSize: 12 }} minTickGap={16} />
            <YAxis
              stroke={axisColor}
              tick={{ fill: axisColor, fontSize: 12 }}
              tickFormatter={(v: number) => format(v)}
              allowDecimals={unit === "usd"}
              width={unit === "usd" ? 64 : 40}
            />
            <Tooltip
              cursor={{ fill: "var(--muted)" }}
              contentStyle={{ background: "var(--card)", borderColor: "var(--border)", color: "var(--foreground)", borderRadius: 8 }}
              labelFormatter={(day) => shortDay(String(day))}
              formatter={(value) => format(Number(value))}
            />
            <Legend wrapperStyle={{ color: axisColor, fontSize: 12 }} />
            {series.map((s, i) => {
              const color = unit === "count" ? { fill: stateColors[s.id] ?? seriesColor(i).fill, opacity: 1 } : seriesColor(i);
              return <Bar key={s.id} dataKey={s.id} name={s.label} stackId="day" fill={color.fill} fillOpacity={color.opacity} isAnimationActive={false} />;
            })}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable caption={title} columns={series} rows={points} format={format} />
    </figure>
  );
}

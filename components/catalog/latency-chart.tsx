"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayFigures } from "@/lib/stats/types";
import { formatDuration } from "@/lib/utils/duration";
import { dayMedianLabel, formatDay } from "./figures-labels";

/**
 * Median latency per UTC day as bars. Colours are the theme's CSS variables, so the chart follows
 * dark and light; it is hidden from screen readers, which get LatencyByDay's table instead.
 */
export function LatencyChart({ daily }: { daily: DayFigures[] }) {
  const data = daily.map((d) => ({ ...d, label: formatDay(d.day) }));
  return (
    <div aria-hidden className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fill: "var(--muted-foreground)", fontSize: 12 }} />
          <YAxis
            width={56}
            tickLine={false}
            axisLine={false}
            tick={{ fill: "var(--muted-foreground)", fontSize: 12 }}
            tickFormatter={(ms: number) => formatDuration(ms)}
          />
          <Tooltip
            cursor={{ fill: "var(--muted)" }}
            contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--foreground)" }}
            labelStyle={{ color: "var(--foreground)" }}
            formatter={(_value, _name, item) => [dayMedianLabel(item.payload as DayFigures), "Median"]}
          />
          <Bar dataKey="medianLatencyMs" fill="var(--primary)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

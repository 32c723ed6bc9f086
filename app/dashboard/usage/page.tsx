import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { Card } from "@/components/ui/card";
import { ModelTable } from "@/components/usage/model-table";
import { MonthChart } from "@/components/usage/month-chart";
import { StackedDayChart } from "@/components/usage/stacked-day-chart";
import { UsageEmpty } from "@/components/usage/usage-empty";
import { RangePicker, UsageFilters, ViewToggle } from "@/components/usage/usage-filters";
import { UsageTotals } from "@/components/usage/usage-totals";
import { requireUser } from "@/lib/auth";
import { getUsagePage } from "@/lib/usage";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { search, options, figures } = await getUsagePage(user.accountId, await searchParams);
  const { from, to } = search.range;

  return (
    <>
      <PageHeader
        title="Usage"
        description={`What this account was charged and the tasks it ran, per UTC day, from ${from} to ${to}.`}
        actions={<RangePicker search={search} />}
      />
      {figures.hasTasks ? (
        <>
          <UsageFilters search={search} models={options.models} keys={options.keys} />
          <UsageTotals totals={figures.totals} />
          <Card className="space-y-3 p-5">
            <div className="flex justify-end">
              <ViewToggle search={search} />
            </div>
            <StackedDayChart
              title={`Spend per day by ${search.view === "key" ? "API key" : "model"}`}
              series={figures.spend.series}
              points={figures.spend.points}
              unit="usd"
            />
          </Card>
          <Card className="p-5">
            <StackedDayChart title="Tasks per day by state" series={figures.states.series} points={figures.states.points} unit="count" />
          </Card>
          <section aria-labelledby="per-model-title" className="space-y-3">
            <h2 id="per-model-title" className="text-lg font-semibold">
              Per model
            </h2>
            {figures.models.length ? (
              <ModelTable models={figures.models} />
            ) : (
              <p className="text-sm text-muted-foreground">No task matches these filters in this range.</p>
            )}
          </section>
          <Card className="p-5">
            <MonthChart points={figures.month.points} capMicros={figures.month.capMicros} />
          </Card>
        </>
      ) : (
        <UsageEmpty />
      )}
    </>
  );
}

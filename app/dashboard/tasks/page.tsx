import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { TaskLogFiltersForm } from "@/components/tasklog/task-log-filters";
import { TaskLogTable } from "@/components/tasklog/task-log-table";
import { buttonVariants } from "@/components/ui/button";
import { requireUser } from "@/lib/auth";
import { listVariants } from "@/lib/catalog";
import { listKeys } from "@/lib/keys";
import { hasFilters, listTaskLog, parseTaskLogQuery, taskLogSearch } from "@/lib/tasklog";

export const metadata: Metadata = { title: "Tasks" };

const basePath = "/dashboard/tasks";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TasksPage({ searchParams }: Props) {
  const user = await requireUser();
  const query = parseTaskLogQuery(await searchParams);
  const [page, variants, keys] = await Promise.all([listTaskLog(user.accountId, query), listVariants(), listKeys(user.accountId)]);
  const { filters } = query;
  const isFiltered = hasFilters(filters);

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Every generation of this account, newest first, with its state, latency, cost, key and source. Times are UTC."
      />
      <section aria-labelledby="tasks-title" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="tasks-title" className="text-lg font-semibold">
            {isFiltered ? "Matching tasks" : "All tasks"}
          </h2>
          <a href={`${basePath}/export${taskLogSearch(filters)}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
            <Download aria-hidden />
            Export CSV
          </a>
        </div>
        <TaskLogFiltersForm
          action={basePath}
          filters={filters}
          models={variants.map((v) => ({ value: v.slug, label: v.displayName }))}
          keys={keys.map((k) => ({ value: k.id, label: `${k.name} (${k.start}…)` }))}
          clearHref={isFiltered ? basePath : null}
        />
        <TaskLogTable
          rows={page.rows}
          empty={
            isFiltered ? (
              <>
                No tasks match these filters.{" "}
                <Link href={basePath} className="underline underline-offset-4">
                  Clear filters
                </Link>
              </>
            ) : query.cursor ? (
              "No older tasks."
            ) : (
              <>
                No tasks yet. Create a key on{" "}
                <Link href="/dashboard/keys" className="underline underline-offset-4">
                  API keys
                </Link>{" "}
                and call the API, or try a model in the{" "}
                <Link href="/playground" className="underline underline-offset-4">
                  playground
                </Link>
                .
              </>
            )
          }
        />
        {page.nextCursor && (
          <Link href={`${basePath}${taskLogSearch(filters, page.nextCursor)}`} className={buttonVariants({ variant: "outline" })}>
            Older tasks
          </Link>
        )}
      </section>
    </>
  );
}

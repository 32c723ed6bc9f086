import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { TaskSurface } from "@/lib/db/generated/enums";

export type FilterOption = { value: string; label: string };
export type FilterSelect = { name: string; label: string; all: string; value: string | undefined; options: FilterOption[] };

/** How the dashboard names the API a task came through. */
export const sourceLabels: Record<TaskSurface, string> = {
  task_api: "Task API",
  openai: "OpenAI API",
  replicate: "Replicate API",
  mcp: "MCP",
  playground: "Playground",
};

/**
 * The dashboard's filter bar: a plain GET form, so the filters live in the URL and a filtered view
 * can be bookmarked, shared and exported. `dates` adds a From/To (UTC days) pair; `children` carries
 * hidden fields the view keeps across a filter change.
 */
export function FilterForm({
  label,
  action,
  selects,
  dates,
  clearHref,
  children,
}: {
  label: string;
  action: string;
  selects: FilterSelect[];
  dates?: { from: string | undefined; to: string | undefined };
  clearHref: string | null;
  children?: ReactNode;
}) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3" aria-label={label}>
      {children}
      {selects.map((s) => (
        <div key={s.name} className="grid gap-1.5">
          <Label htmlFor={`filter-${s.name}`}>{s.label}</Label>
          <Select id={`filter-${s.name}`} name={s.name} defaultValue={s.value ?? ""} className="w-44">
            <option value="">{s.all}</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
      ))}
      {dates && (
        <>
          <div className="grid gap-1.5">
            <Label htmlFor="filter-from">From (UTC)</Label>
            <Input id="filter-from" name="from" type="date" defaultValue={dates.from ?? ""} className="w-44" />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="filter-to">To (UTC)</Label>
            <Input id="filter-to" name="to" type="date" defaultValue={dates.to ?? ""} className="w-44" />
          </div>
        </>
      )}
      <Button type="submit" variant="outline">
        Apply
      </Button>
      {clearHref && (
        <Link href={clearHref} className={buttonVariants({ variant: "ghost" })}>
          Clear filters
        </Link>
      )}
    </form>
  );
}

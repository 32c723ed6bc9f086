import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { Option } from "@/lib/usage/figures";
import { RANGE_PRESETS } from "@/lib/usage/range";
import { taskSources, type TaskSource, usageHref, type UsageSearch } from "@/lib/usage/schemas";
import { cn } from "@/lib/utils/cn";

export const sourceLabels: Record<TaskSource, string> = {
  task_api: "Task API",
  openai: "OpenAI-compatible",
  replicate: "Replicate-compatible",
  mcp: "MCP",
  playground: "Playground",
};

function Segmented({ label, items }: { label: string; items: { href: string; text: string; isCurrent: boolean }[] }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-lg border bg-card p-0.5">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.isCurrent ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:text-foreground",
            item.isCurrent && "bg-accent text-accent-foreground",
          )}
        >
          {item.text}
        </Link>
      ))}
    </nav>
  );
}

export function RangePicker({ search }: { search: UsageSearch }) {
  return (
    <Segmented
      label="Date range"
      items={RANGE_PRESETS.map((preset) => ({ href: usageHref(search, { preset }), text: `${preset} days`, isCurrent: search.preset === preset }))}
    />
  );
}

export function ViewToggle({ search }: { search: UsageSearch }) {
  return (
    <Segmented
      label="Group spend"
      items={[
        { href: usageHref(search, { view: "model" }), text: "By model", isCurrent: search.view === "model" },
        { href: usageHref(search, { view: "key" }), text: "By key", isCurrent: search.view === "key" },
      ]}
    />
  );
}

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function UsageFilters({ search, models, keys }: { search: UsageSearch; models: Option[]; keys: Option[] }) {
  const { filters } = search;
  const isFiltered = Object.values(filters).some(Boolean);
  const selects = [
    { name: "model", label: "Model", all: "All models", value: filters.model, options: models },
    { name: "key", label: "API key", all: "All keys", value: filters.key, options: keys },
    { name: "source", label: "Source", all: "All sources", value: filters.source, options: taskSources.map((s) => ({ value: s, label: sourceLabels[s] })) },
    {
      name: "mode",
      label: "Mode",
      all: "Live and test",
      value: filters.mode,
      options: [
        { value: "live", label: "Live" },
        { value: "test", label: "Test" },
      ],
    },
  ];
  return (
    <form action="/dashboard/usage" method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter usage">
      {search.preset === null ? (
        <>
          <input type="hidden" name="from" value={search.range.from} />
          <input type="hidden" name="to" value={search.range.to} />
        </>
      ) : (
        <input type="hidden" name="range" value={search.preset} />
      )}
      {search.view === "key" && <input type="hidden" name="view" value="key" />}
      {selects.map((s) => (
        <div key={s.name} className="grid gap-1.5">
          <Label htmlFor={`usage-${s.name}`}>{s.label}</Label>
          <Select id={`usage-${s.name}`} name={s.name} defaultValue={s.value ?? ""} className="w-48">
            <option value="">{s.all}</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
      ))}
      <Button type="submit" variant="outline">
        Apply
      </Button>
      {isFiltered && (
        <Link href={usageHref({ ...search, filters: {} })} className={buttonVariants({ variant: "ghost" })}>
          Clear filters
        </Link>
      )}
    </form>
  );
}

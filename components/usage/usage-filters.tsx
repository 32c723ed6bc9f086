import Link from "next/link";
import { FilterForm, sourceLabels } from "@/components/dashboard/filter-form";
import type { Option } from "@/lib/usage/figures";
import { RANGE_PRESETS } from "@/lib/usage/range";
import { keyModes, taskSources, usageHref, type UsageSearch } from "@/lib/usage/schemas";
import { cn } from "@/lib/utils/cn";

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

export function UsageFilters({ search, models, keys }: { search: UsageSearch; models: Option[]; keys: Option[] }) {
  const { filters } = search;
  const isFiltered = Object.values(filters).some(Boolean);
  return (
    <FilterForm
      label="Filter usage"
      action="/dashboard/usage"
      selects={[
        { name: "model", label: "Model", all: "All models", value: filters.model, options: models },
        { name: "key", label: "API key", all: "All keys", value: filters.key, options: keys },
        { name: "source", label: "Source", all: "All sources", value: filters.source, options: taskSources.map((s) => ({ value: s, label: sourceLabels[s] })) },
        { name: "mode", label: "Mode", all: "Live and test", value: filters.mode, options: keyModes.map((m) => ({ value: m, label: m === "live" ? "Live" : "Test" })) },
      ]}
      clearHref={isFiltered ? usageHref({ ...search, filters: {} }) : null}
    >
      {search.preset === null ? (
        <>
          <input type="hidden" name="from" value={search.range.from} />
          <input type="hidden" name="to" value={search.range.to} />
        </>
      ) : (
        <input type="hidden" name="range" value={search.preset} />
      )}
      {search.view === "key" && <input type="hidden" name="view" value="key" />}
    </FilterForm>
  );
}

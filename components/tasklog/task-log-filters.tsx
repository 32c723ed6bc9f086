import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { keyModes, taskLogStates, taskSources, type TaskLogFilters } from "@/lib/tasklog/schemas";
import { sourceLabels } from "./format";
import { taskStateLabels } from "./task-state-badge";

type Option = { value: string; label: string };

/** A plain GET form: the filters live in the URL, so a filtered log can be bookmarked, shared and exported. */
export function TaskLogFiltersForm({
  action,
  filters,
  models,
  keys,
  clearHref,
}: {
  action: string;
  filters: TaskLogFilters;
  models: Option[];
  keys: Option[];
  clearHref: string | null;
}) {
  const selects: { name: keyof TaskLogFilters; label: string; all: string; options: Option[] }[] = [
    { name: "model", label: "Model", all: "All models", options: models },
    { name: "state", label: "State", all: "All states", options: taskLogStates.map((s) => ({ value: s, label: taskStateLabels[s] })) },
    { name: "key", label: "API key", all: "All keys", options: keys },
    { name: "source", label: "Source", all: "All sources", options: taskSources.map((s) => ({ value: s, label: sourceLabels[s] })) },
    { name: "mode", label: "Mode", all: "Live and test", options: keyModes.map((m) => ({ value: m, label: m === "live" ? "Live" : "Test" })) },
  ];
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter tasks">
      {selects.map(({ name, label, all, options }) => (
        <div key={name} className="grid gap-1.5">
          <Label htmlFor={`filter-${name}`}>{label}</Label>
          <Select id={`filter-${name}`} name={name} defaultValue={filters[name] ?? ""} className="w-44">
            <option value="">{all}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
      ))}
      <div className="grid gap-1.5">
        <Label htmlFor="filter-from">From (UTC)</Label>
        <Input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className="w-44" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-to">To (UTC)</Label>
        <Input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className="w-44" />
      </div>
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

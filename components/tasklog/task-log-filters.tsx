import { FilterForm, type FilterOption, sourceLabels } from "@/components/dashboard/filter-form";
import { keyModes, taskLogStates, taskSources, type TaskLogFilters } from "@/lib/tasklog/schemas";
import { taskStateLabels } from "./task-state-badge";

export function TaskLogFiltersForm({
  action,
  filters,
  models,
  keys,
  clearHref,
}: {
  action: string;
  filters: TaskLogFilters;
  models: FilterOption[];
  keys: FilterOption[];
  clearHref: string | null;
}) {
  return (
    <FilterForm
      label="Filter tasks"
      action={action}
      selects={[
        { name: "model", label: "Model", all: "All models", value: filters.model, options: models },
        { name: "state", label: "State", all: "All states", value: filters.state, options: taskLogStates.map((s) => ({ value: s, label: taskStateLabels[s] })) },
        { name: "key", label: "API key", all: "All keys", value: filters.key, options: keys },
        { name: "source", label: "Source", all: "All sources", value: filters.source, options: taskSources.map((s) => ({ value: s, label: sourceLabels[s] })) },
        { name: "mode", label: "Mode", all: "Live and test", value: filters.mode, options: keyModes.map((m) => ({ value: m, label: m === "live" ? "Live" : "Test" })) },
      ]}
      dates={{ from: filters.from, to: filters.to }}
      clearHref={clearHref}
    />
  );
}

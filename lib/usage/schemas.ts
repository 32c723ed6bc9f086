import { z } from "zod";
import { TaskState, TaskSurface } from "@/lib/db/generated/enums";
import { type DayRange, isUtcDay, lastDays, MAX_RANGE_DAYS, RANGE_PRESETS, type RangePreset, spanDays } from "./range";

export const taskSources = Object.values(TaskSurface);
export type TaskSource = (typeof taskSources)[number];
export const taskStates = Object.values(TaskState);
export type TaskStateName = (typeof taskStates)[number];
export const keyModes = ["live", "test"] as const;

export type UsageFilters = { model?: string; key?: string; source?: TaskSource; mode?: (typeof keyModes)[number] };

const DEFAULT_API_DAYS = 30;

const utcDaySchema = z.string().refine(isUtcDay, "Expected a UTC day as YYYY-MM-DD.");

/** GET /api/v1/usage: a range of UTC days (default the last 30, at most 90) and filters. */
export const usageQuery = z
  .object({
    from: utcDaySchema.optional().meta({ description: "First UTC day, included. Default: 29 days before `to`.", example: "2026-11-01" }),
    to: utcDaySchema.optional().meta({ description: "Last UTC day, included. Default: today.", example: "2026-11-30" }),
    model: z.string().min(1).max(200).optional().meta({ description: "Only this model (a variant slug)." }),
    source: z.enum(taskSources).optional().meta({ description: "Only tasks created through this surface." }),
    mode: z.enum(keyModes).optional().meta({ description: "Only live or only test-mode tasks." }),
  })
  .superRefine((query, ctx) => {
    const range = queryRange(query);
    if (spanDays(range) === 0) ctx.addIssue({ code: "custom", path: ["from"], message: "`from` must not come after `to`." });
    else if (spanDays(range) > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `A usage query covers at most ${MAX_RANGE_DAYS} days.` });
    }
  });

/** The days a usage query covers, its defaults filled in. */
export function queryRange({ from, to }: { from?: string; to?: string }, now = new Date()): DayRange {
  const end = to ?? lastDays(1, now).to;
  return { from: from ?? lastDays(DEFAULT_API_DAYS, new Date(`${end}T00:00:00Z`)).from, to: end };
}

export type UsageQuery = z.output<typeof usageQuery>;

export const usageData = z.object({
  days: z
    .array(
      z.object({
        day: z.string().meta({ example: "2026-11-21" }),
        model: z.string().meta({ example: "flux-2-pro-text-to-image-1k" }),
        spendMicros: z.number().int().meta({ description: "Charged that UTC day for this model (captures), micro-USD." }),
        tasks: z.number().int().meta({ description: "Tasks of this model created that UTC day." }),
        successes: z.number().int(),
        failures: z.number().int(),
      }),
    )
    .meta({ description: "One row per UTC day and model that has a task or a charge, oldest first; days without either are left out." }),
  totals: z.object({
    spendMicros: z.number().int().meta({ description: "Sum of the days' spend: equals the account's capture entries in the range." }),
    tasks: z.number().int(),
  }),
});

export type UsageData = z.infer<typeof usageData>;

export type UsageView = "model" | "key";

export type UsageSearch = { range: DayRange; preset: RangePreset | null; filters: UsageFilters; view: UsageView };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The usage page's URL, read leniently: a value that is not valid (an unknown model or key, a range
 * past 90 days) is dropped rather than refused, so an edited or stale link still shows a page.
 */
export function parseUsageSearch(params: SearchParams, known: { models: ReadonlySet<string>; keys: ReadonlySet<string> }, now = new Date()): UsageSearch {
  const from = first(params.from);
  const to = first(params.to);
  const custom = from && to && isUtcDay(from) && isUtcDay(to) ? { from, to } : null;
  const isCustom = custom !== null && spanDays(custom) > 0 && spanDays(custom) <= MAX_RANGE_DAYS;
  const presetValue = Number(first(params.range));
  const preset = RANGE_PRESETS.find((p) => p === presetValue) ?? 30;
  const model = first(params.model);
  const key = first(params.key);
  const source = first(params.source);
  const mode = first(params.mode);
  return {
    range: isCustom ? custom : lastDays(preset, now),
    preset: isCustom ? null : preset,
    filters: {
      ...(model && known.models.has(model) ? { model } : {}),
      ...(key && known.keys.has(key) ? { key } : {}),
      ...(source && (taskSources as string[]).includes(source) ? { source: source as TaskSource } : {}),
      ...(mode === "live" || mode === "test" ? { mode } : {}),
    },
    view: first(params.view) === "key" ? "key" : "model",
  };
}

/** The page's URL for a search, keeping only what differs from the defaults. */
export function usageHref(search: UsageSearch, change: Partial<Pick<UsageSearch, "preset" | "view">> = {}): string {
  const next = { ...search, ...change };
  const params = new URLSearchParams();
  if (change.preset === undefined && next.preset === null) {
    params.set("from", search.range.from);
    params.set("to", search.range.to);
  } else if (next.preset !== null && next.preset !== 30) {
    params.set("range", String(next.preset));
  }
  for (const [name, value] of Object.entries(next.filters)) if (value) params.set(name, value);
  if (next.view === "key") params.set("view", "key");
  const query = params.toString();
  return `/dashboard/usage${query ? `?${query}` : ""}`;
}

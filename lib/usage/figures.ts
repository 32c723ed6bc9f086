import "server-only";
import { db } from "@/lib/db";
import { accountSpendPerDay, modelStatsRows, spendRows, taskCountRows } from "./queries";
import { cumulative, daysOf, monthToDate } from "./range";
import { parseUsageSearch, type TaskStateName, taskStates, type UsageSearch } from "./schemas";

export type Option = { value: string; label: string };
export type Series = { id: string; label: string };
/** One chart row per day: `day` and one amount per series id. */
export type DayPoint = { day: string } & Record<string, number | string>;

export type ModelFigures = {
  model: string;
  label: string;
  tasks: number;
  successes: number;
  failures: number;
  /** Successes over finished tasks; null while none has finished. */
  successRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  spendMicros: number;
};

export type UsageFigures = {
  totals: { spendMicros: number; tasks: number; successRate: number | null };
  spend: { series: Series[]; points: DayPoint[] };
  states: { series: Series[]; points: DayPoint[] };
  models: ModelFigures[];
  month: { capMicros: number | null; points: { day: string; total: number }[] };
  /** False until the account has created any task at all: the page then shows how to start. */
  hasTasks: boolean;
};

export type UsagePage = { search: UsageSearch; options: { models: Option[]; keys: Option[] }; figures: UsageFigures };

type SearchParams = Record<string, string | string[] | undefined>;

const NO_KEY = "none";

export const successRate = (successes: number, failures: number) => (successes + failures ? successes / (successes + failures) : null);

/** Rows of [day, seriesId, amount] as one point per day of the range, zeros filled in. */
function pointsOf(days: string[], series: Series[], amounts: { day: string; id: string; amount: number }[]): DayPoint[] {
  const byDay = new Map(days.map((day): [string, DayPoint] => [day, Object.fromEntries([["day", day], ...series.map((s) => [s.id, 0])]) as DayPoint]));
  for (const { day, id, amount } of amounts) {
    const point = byDay.get(day);
    if (point) point[id] = (point[id] as number) + amount;
  }
  return [...byDay.values()];
}

/** Series ids are positional ("s0"...): model slugs and key ids would be read as paths by the chart. */
function seriesOf(values: string[], label: (value: string) => string): { series: Series[]; idOf: Map<string, string> } {
  const distinct = [...new Set(values)];
  return {
    series: distinct.map((value, i) => ({ id: `s${i}`, label: label(value) })),
    idOf: new Map(distinct.map((value, i) => [value, `s${i}`])),
  };
}

/** The usage page of an account: its URL read against the account's own keys and the catalog, and every figure it shows. */
export async function getUsagePage(accountId: string, params: SearchParams, now = new Date()): Promise<UsagePage> {
  const [variants, keys, account] = await Promise.all([
    db.variant.findMany({ select: { slug: true, displayName: true }, orderBy: [{ sortOrder: "asc" }, { slug: "asc" }] }),
    db.apiKey.findMany({ where: { accountId }, select: { id: true, name: true, start: true, mode: true }, orderBy: { createdAt: "asc" } }),
    db.account.findUniqueOrThrow({ where: { id: accountId }, select: { monthlyCapMicros: true } }),
  ]);
  const options = {
    models: variants.map((v) => ({ value: v.slug, label: v.displayName })),
    keys: keys.map((k) => ({ value: k.id, label: `${k.name} (${k.start}…, ${k.mode})` })),
  };
  const search = parseUsageSearch(params, { models: new Set(variants.map((v) => v.slug)), keys: new Set(keys.map((k) => k.id)) }, now);
  const { range, filters } = search;
  const month = monthToDate(now);
  const [spend, counts, stats, monthSpend, anyTask] = await Promise.all([
    spendRows(accountId, range, filters),
    taskCountRows(accountId, range, filters),
    modelStatsRows(accountId, range, filters),
    accountSpendPerDay(accountId, month),
    db.task.findFirst({ where: { accountId }, select: { id: true } }),
  ]);

  const modelLabel = new Map(options.models.map((m) => [m.value, m.label]));
  const keyLabel = new Map(options.keys.map((k) => [k.value, k.label]));
  const days = daysOf(range);
  const seriesKey = (row: (typeof spend)[number]) => (search.view === "key" ? (row.keyId ?? NO_KEY) : row.model);
  const { series, idOf } = seriesOf(spend.map(seriesKey), (value) =>
    search.view === "key" ? (value === NO_KEY ? "No key (playground)" : (keyLabel.get(value) ?? value)) : (modelLabel.get(value) ?? value),
  );
  const spendByModel = new Map<string, number>();
  for (const row of spend) spendByModel.set(row.model, (spendByModel.get(row.model) ?? 0) + row.spendMicros);

  const stateSeries = taskStates.map((state) => ({ id: state, label: state }));
  // A task created just before the range may be charged inside it: its model still gets a row, so
  // the table's spend adds up to the total.
  const charged = [...spendByModel.keys()].filter((model) => !stats.some((s) => s.model === model));
  const models = [...stats, ...charged.map((model) => ({ model, tasks: 0, successes: 0, failures: 0, p50Ms: null, p95Ms: null }))].map(
    (s): ModelFigures => ({
      ...s,
      label: modelLabel.get(s.model) ?? s.model,
      successRate: successRate(s.successes, s.failures),
      spendMicros: spendByModel.get(s.model) ?? 0,
    }),
  );
  const successes = models.reduce((sum, m) => sum + m.successes, 0);
  const failures = models.reduce((sum, m) => sum + m.failures, 0);

  return {
    search,
    options,
    figures: {
      totals: {
        spendMicros: spend.reduce((sum, r) => sum + r.spendMicros, 0),
        tasks: models.reduce((sum, m) => sum + m.tasks, 0),
        successRate: successRate(successes, failures),
      },
      spend: { series, points: pointsOf(days, series, spend.map((r) => ({ day: r.day, id: idOf.get(seriesKey(r))!, amount: r.spendMicros }))) },
      states: {
        series: stateSeries,
        points: pointsOf(days, stateSeries, counts.map((r) => ({ day: r.day, id: r.state satisfies TaskStateName, amount: r.tasks }))),
      },
      models,
      month: { capMicros: account.monthlyCapMicros === null ? null : Number(account.monthlyCapMicros), points: cumulative(month, monthSpend) },
      hasTasks: anyTask !== null,
    },
  };
}

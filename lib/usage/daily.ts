import "server-only";
import { spendRows, taskCountRows } from "./queries";
import { queryRange, type UsageData, type UsageFilters } from "./schemas";

type Day = UsageData["days"][number];

/**
 * GET /api/v1/usage's answer: per UTC day and model, what was charged (by the day of the capture)
 * and the tasks created (by the day of their creation), for the key's account only.
 */
export async function getDailyUsage(accountId: string, query: { from?: string; to?: string } & UsageFilters, now = new Date()): Promise<UsageData> {
  const range = queryRange(query, now);
  const filters: UsageFilters = { model: query.model, source: query.source, mode: query.mode };
  const [spend, counts] = await Promise.all([spendRows(accountId, range, filters), taskCountRows(accountId, range, filters)]);
  const days = new Map<string, Day>();
  const dayOf = (day: string, model: string) => {
    const id = `${day} ${model}`;
    let row = days.get(id);
    if (!row) days.set(id, (row = { day, model, spendMicros: 0, tasks: 0, successes: 0, failures: 0 }));
    return row;
  };
  for (const r of spend) dayOf(r.day, r.model).spendMicros += r.spendMicros;
  for (const r of counts) {
    const row = dayOf(r.day, r.model);
    row.tasks += r.tasks;
    if (r.state === "success") row.successes += r.tasks;
    if (r.state === "fail") row.failures += r.tasks;
  }
  const rows = [...days.values()].sort((a, b) => a.day.localeCompare(b.day) || a.model.localeCompare(b.model));
  return {
    days: rows,
    totals: { spendMicros: rows.reduce((sum, r) => sum + r.spendMicros, 0), tasks: rows.reduce((sum, r) => sum + r.tasks, 0) },
  };
}

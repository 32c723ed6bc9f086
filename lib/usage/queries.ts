import "server-only";
import { db, Prisma } from "@/lib/db";
import type { DayRange } from "./range";
import type { TaskStateName, UsageFilters } from "./schemas";

// Every figure is a SQL aggregate over one account and a range of UTC days (the database session
// is UTC, and timestamps are stored without a zone, so date_trunc('day', ...) is the UTC day).
// Spend comes from the ledger's capture entries, never from task prices: a refund or release is
// another entry, and the totals then match the ledger to the micro-USD.

export type SpendRow = { day: string; model: string; keyId: string | null; spendMicros: number };
export type TaskCountRow = { day: string; model: string; state: TaskStateName; tasks: number };
export type ModelStatsRow = { model: string; tasks: number; successes: number; failures: number; p50Ms: number | null; p95Ms: number | null };

function taskConditions(filters: UsageFilters): Prisma.Sql[] {
  return [
    ...(filters.model ? [Prisma.sql`t."variantSlug" = ${filters.model}`] : []),
    ...(filters.key ? [Prisma.sql`t."apiKeyId" = ${filters.key}`] : []),
    ...(filters.source ? [Prisma.sql`t."surface" = ${filters.source}::"TaskSurface"`] : []),
    ...(filters.mode ? [Prisma.sql`t."mode" = ${filters.mode}::"KeyMode"`] : []),
  ];
}

const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

/** `column` within the range's days; half-open on the day after `to`, so the account's createdAt indexes apply. */
const within = (column: Prisma.Sql, range: DayRange) =>
  Prisma.sql`${column} >= ${range.from}::date AND ${column} < ${range.to}::date + 1`;

/** What was charged per UTC day of the capture, model and key. */
export async function spendRows(accountId: string, range: DayRange, filters: UsageFilters): Promise<SpendRow[]> {
  const rows = await db.$queryRaw<{ day: string; model: string; keyId: string | null; spend: bigint }[]>`
    SELECT to_char(date_trunc('day', l."createdAt"), 'YYYY-MM-DD') AS "day", t."variantSlug" AS "model",
           t."apiKeyId" AS "keyId", -SUM(l."amountMicros")::bigint AS "spend"
    FROM "LedgerEntry" l JOIN "Task" t ON t."id" = l."taskId"
    WHERE l."accountId" = ${accountId} AND l."kind" = 'capture' AND ${within(Prisma.sql`l."createdAt"`, range)}${and(taskConditions(filters))}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2`;
  return rows.map((r) => ({ day: r.day, model: r.model, keyId: r.keyId, spendMicros: Number(r.spend) }));
}

/** Tasks per UTC day of their creation, model and state. */
export async function taskCountRows(accountId: string, range: DayRange, filters: UsageFilters): Promise<TaskCountRow[]> {
  return db.$queryRaw<TaskCountRow[]>`
    SELECT to_char(date_trunc('day', t."createdAt"), 'YYYY-MM-DD') AS "day", t."variantSlug" AS "model",
           t."state"::text AS "state", COUNT(*)::int AS "tasks"
    FROM "Task" t
    WHERE t."accountId" = ${accountId} AND ${within(Prisma.sql`t."createdAt"`, range)}${and(taskConditions(filters))}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3`;
}

/** Per model: tasks, outcomes and the latency (submitted -> finished) of the successful ones. */
export async function modelStatsRows(accountId: string, range: DayRange, filters: UsageFilters): Promise<ModelStatsRow[]> {
  return db.$queryRaw<ModelStatsRow[]>`
    WITH tasks AS (
      SELECT t."variantSlug" AS "model", t."state",
             CASE WHEN t."state" = 'success' AND t."submittedAt" IS NOT NULL AND t."finishedAt" IS NOT NULL
                  THEN EXTRACT(EPOCH FROM (t."finishedAt" - t."submittedAt")) * 1000 END AS "latencyMs"
      FROM "Task" t
      WHERE t."accountId" = ${accountId} AND ${within(Prisma.sql`t."createdAt"`, range)}${and(taskConditions(filters))}
    )
    SELECT "model", COUNT(*)::int AS "tasks",
           COUNT(*) FILTER (WHERE "state" = 'success')::int AS "successes",
           COUNT(*) FILTER (WHERE "state" = 'fail')::int AS "failures",
           ROUND(percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs"))::int AS "p50Ms",
           ROUND(percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs"))::int AS "p95Ms"
    FROM tasks
    GROUP BY 1
    ORDER BY 1`;
}

/** The account's charges per UTC day of the range, whatever model, key or surface. */
export async function accountSpendPerDay(accountId: string, range: DayRange): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ day: string; spend: bigint }[]>`
    SELECT to_char(date_trunc('day', l."createdAt"), 'YYYY-MM-DD') AS "day", -SUM(l."amountMicros")::bigint AS "spend"
    FROM "LedgerEntry" l
    WHERE l."accountId" = ${accountId} AND l."kind" = 'capture' AND ${within(Prisma.sql`l."createdAt"`, range)}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.day, Number(r.spend)]));
}

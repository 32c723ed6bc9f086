import "server-only";
import { z } from "zod";
import { chargedMicros } from "@/lib/byok";
import { db, Prisma } from "@/lib/db";
import type { KeyMode, TaskSurface } from "@/lib/db/generated/enums";
import { thumbnailUrl } from "@/lib/tasks";
import { taskLogCursor, taskLogFilterFields, type TaskLogCursor, type TaskLogFilters, type TaskLogState } from "./schemas";

export type TaskLogRow = {
  id: string;
  createdAt: Date;
  finishedAt: Date | null;
  model: string;
  state: TaskLogState;
  failCode: string | null;
  failMsg: string | null;
  /** From creation to the end: what the client waited. Null while in flight. */
  latencyMs: number | null;
  /** What the account paid: only a success is charged. */
  costMicros: number;
  keyId: string | null;
  keyName: string | null;
  source: TaskSurface;
  mode: KeyMode;
  /** The first result image's thumbnail (a path on this origin), for a success. */
  thumbnailUrl: string | null;
};

export type TaskLogQuery = { filters: TaskLogFilters; cursor: TaskLogCursor | null };
export type TaskLogPage = { rows: TaskLogRow[]; nextCursor: string | null };

// The dashboard's URL is edited by hand: a bad value is dropped, never an error page.

type SearchParams = Record<string, string | string[] | undefined>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

function lenient<T extends z.ZodType>(schema: T) {
  return z.preprocess(firstValue, schema.optional()).catch(undefined);
}

const taskLogSearchParams = z.object({
  model: lenient(taskLogFilterFields.model),
  state: lenient(taskLogFilterFields.state),
  key: lenient(taskLogFilterFields.key),
  source: lenient(taskLogFilterFields.source),
  mode: lenient(taskLogFilterFields.mode),
  from: lenient(taskLogFilterFields.from),
  to: lenient(taskLogFilterFields.to),
  cursor: lenient(taskLogCursor),
});

export function parseTaskLogQuery(params: SearchParams): TaskLogQuery {
  const { cursor, ...rest } = taskLogSearchParams.parse(params);
  const filters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as TaskLogFilters;
  return { filters, cursor: cursor ?? null };
}

function encodeTaskLogCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.getTime()}.${row.id}`;
}

const filterOrder = ["model", "state", "key", "source", "mode", "from", "to"] as const;

/** The query string of these filters (and a page cursor): what the page's links and the CSV export share. */
export function taskLogSearch(filters: TaskLogFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const name of filterOrder) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (cursor) params.set("cursor", cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function hasFilters(filters: TaskLogFilters): boolean {
  return filterOrder.some((name) => Boolean(filters[name]));
}

/**
 * The WHERE clause of the account's tasks that the filters select. Each filter compares a column to
 * a parameter cast to the column's own type, so the composite indexes on (accountId, variantSlug |
 * apiKeyId | state, createdAt DESC) serve model, key and state, and (accountId, createdAt DESC) the
 * rest. Days are UTC: `to` is inclusive, so the bound is the next midnight.
 */
function taskLogWhere(accountId: string, filters: TaskLogFilters, cursor: TaskLogCursor | null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`t."accountId" = ${accountId}`];
  if (filters.model) conditions.push(Prisma.sql`t."variantSlug" = ${filters.model}`);
  if (filters.state === "cancelled") conditions.push(Prisma.sql`t."state" = 'fail'::"TaskState" AND t."failCode" = 'canceled'`);
  else if (filters.state) conditions.push(Prisma.sql`t."state" = CAST(${filters.state} AS "TaskState")`);
  if (filters.key) conditions.push(Prisma.sql`t."apiKeyId" = ${filters.key}`);
  if (filters.source) conditions.push(Prisma.sql`t."surface" = CAST(${filters.source} AS "TaskSurface")`);
  if (filters.mode) conditions.push(Prisma.sql`t."mode" = CAST(${filters.mode} AS "KeyMode")`);
  if (filters.from) conditions.push(Prisma.sql`t."createdAt" >= CAST(${filters.from} AS date)::timestamp`);
  if (filters.to) conditions.push(Prisma.sql`t."createdAt" < (CAST(${filters.to} AS date) + 1)::timestamp`);
  if (cursor) {
    const at = cursor.createdAt.toISOString();
    // The plain bound is what an index on createdAt can seek to; the row comparison breaks ties.
    conditions.push(
      Prisma.sql`t."createdAt" <= CAST(${at} AS timestamp) AND (t."createdAt", t."id") < (CAST(${at} AS timestamp), ${cursor.id})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/** The page query itself, exported so the index test can EXPLAIN exactly what runs. */
export function taskLogSql(accountId: string, filters: TaskLogFilters, cursor: TaskLogCursor | null, take: number): Prisma.Sql {
  return Prisma.sql`
    SELECT p.*, k."name" AS "keyName", m."id" AS "thumbnailMediaId"
    FROM (
      SELECT t."id", t."createdAt", t."finishedAt", t."variantSlug", t."state"::text AS "state", t."failCode", t."failMsg",
             t."priceMicros", t."byokFeeMicros", t."byokUsed", t."apiKeyId", t."surface"::text AS "surface", t."mode"::text AS "mode"
      FROM "Task" t
      WHERE ${taskLogWhere(accountId, filters, cursor)}
      ORDER BY t."createdAt" DESC, t."id" DESC
      LIMIT ${take}
    ) p
    LEFT JOIN "ApiKey" k ON k."id" = p."apiKeyId"
    LEFT JOIN "Media" m ON m."taskId" = p."id" AND m."position" = 0 AND p."state" = 'success'
    ORDER BY p."createdAt" DESC, p."id" DESC`;
}

type RawRow = {
  id: string;
  createdAt: Date;
  finishedAt: Date | null;
  variantSlug: string;
  state: "waiting" | "queuing" | "generating" | "success" | "fail";
  failCode: string | null;
  failMsg: string | null;
  priceMicros: bigint;
  byokFeeMicros: bigint | null;
  byokUsed: boolean;
  apiKeyId: string | null;
  surface: TaskSurface;
  mode: KeyMode;
  keyName: string | null;
  thumbnailMediaId: string | null;
};

function toRow(r: RawRow): TaskLogRow {
  return {
    id: r.id,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    model: r.variantSlug,
    state: r.state === "fail" && r.failCode === "canceled" ? "cancelled" : r.state,
    failCode: r.failCode,
    failMsg: r.failMsg,
    latencyMs: r.finishedAt ? r.finishedAt.getTime() - r.createdAt.getTime() : null,
    costMicros: r.state === "success" ? Number(chargedMicros(r)) : 0,
    keyId: r.apiKeyId,
    keyName: r.keyName,
    source: r.surface,
    mode: r.mode,
    thumbnailUrl: r.thumbnailMediaId ? thumbnailUrl("", { id: r.thumbnailMediaId }) : null,
  };
}

const TASK_LOG_PAGE = 50;
const MAX_PAGE = 1000;

/** One page of the account's tasks that the filters select, newest first. */
export async function listTaskLog(
  accountId: string,
  { filters, cursor, limit = TASK_LOG_PAGE }: TaskLogQuery & { limit?: number },
): Promise<TaskLogPage> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE);
  const raw = await db.$queryRaw<RawRow[]>(taskLogSql(accountId, filters, cursor, take + 1));
  const rows = raw.slice(0, take).map(toRow);
  const last = rows.at(-1);
  return { rows, nextCursor: raw.length > take && last ? encodeTaskLogCursor(last) : null };
}

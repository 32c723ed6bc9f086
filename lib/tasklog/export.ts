import "server-only";
import { byteStream, csvText, microsToDecimalUsd, pagedCsv } from "@/lib/utils/csv";
import { listTaskLog, type TaskLogRow } from "./query";
import type { TaskLogFilters } from "./schemas";

export const taskLogCsvHeader = [
  "created_at",
  "task_id",
  "model",
  "state",
  "fail_code",
  "latency_ms",
  "cost_usd",
  "cost_micros",
  "key_id",
  "key_name",
  "source",
  "mode",
  "finished_at",
] as const;

function taskLogCsvRow(row: TaskLogRow): string {
  return [
    row.createdAt.toISOString(),
    csvText(row.id),
    csvText(row.model),
    csvText(row.state),
    csvText(row.failCode),
    row.latencyMs === null ? "" : String(row.latencyMs),
    microsToDecimalUsd(row.costMicros),
    String(row.costMicros),
    csvText(row.keyId),
    csvText(row.keyName),
    csvText(row.source),
    csvText(row.mode),
    row.finishedAt?.toISOString() ?? "",
  ].join(",");
}

/** The CSV of every task the filters select, newest first, a page at a time (lib/utils/csv.ts). */
export function taskLogCsv(accountId: string, filters: TaskLogFilters): AsyncGenerator<string> {
  return pagedCsv(taskLogCsvHeader, (cursor, limit) => listTaskLog(accountId, { filters, cursor, limit }), taskLogCsvRow);
}

export function taskLogCsvStream(accountId: string, filters: TaskLogFilters): ReadableStream<Uint8Array> {
  return byteStream(taskLogCsv(accountId, filters));
}

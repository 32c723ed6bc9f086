import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { LedgerKind } from "@/lib/db/generated/enums";
import { byteStream, csvText, microsToDecimalUsd, pagedCsv } from "@/lib/utils/csv";
import { ledgerKindLabel, stripeLinkFor } from "./ledger-display";
import type { LedgerRow } from "./balance";

export type TransactionRow = LedgerRow & {
  reservedDeltaMicros: number;
  /** The available balance right after this entry, summed over the account's ledger in order. */
  availableAfterMicros: number;
  externalRef: string | null;
  /** The catalog variant of the entry's task, when it has one. */
  modelSlug: string | null;
};

export type TransactionFilters = {
  kind?: LedgerKind;
  /** UTC days, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
};

type Cursor = { createdAt: Date; id: string };

export type TransactionQuery = { filters: TransactionFilters; cursor: Cursor | null };

export type TransactionPage = { rows: TransactionRow[]; nextCursor: string | null };

// Search params come from URLs people edit by hand: a bad value is dropped, never an error page.

type SearchParams = Record<string, string | string[] | undefined>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

function lenient<T extends z.ZodType>(schema: T) {
  return z.preprocess(firstValue, schema.optional()).catch(undefined);
}

// PostgreSQL has no year 0 and the ledger starts long after 1970: earlier days select nothing anyway.
const utcDay = z.iso.date().regex(/^(19[7-9]\d|[2-9]\d{3})-/);

const LATEST_TIMESTAMP_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const cursorParam = z
  .string()
  .regex(/^\d{1,15}\.[A-Za-z0-9_]{1,64}$/)
  .transform((text) => {
    const dot = text.indexOf(".");
    return { createdAt: new Date(Number(text.slice(0, dot))), id: text.slice(dot + 1) };
  })
  .refine((c) => c.createdAt.getTime() <= LATEST_TIMESTAMP_MS);

const transactionSearchParams = z.object({
  kind: lenient(z.enum(LedgerKind)),
  from: lenient(utcDay),
  to: lenient(utcDay),
  cursor: lenient(cursorParam),
});

export function parseTransactionQuery(params: SearchParams): TransactionQuery {
  const { cursor, ...filters } = transactionSearchParams.parse(params);
  return { filters, cursor: cursor ?? null };
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.getTime()}.${row.id}`;
}

/** The query string for these filters (and a page cursor): what the page links and the CSV export share. */
export function transactionSearch(filters: TransactionFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (cursor) params.set("cursor", cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}

type RawRow = {
  id: string;
  kind: string;
  amountMicros: bigint;
  reservedDeltaMicros: bigint;
  availableAfterMicros: bigint;
  taskId: string | null;
  externalRef: string | null;
  memo: string | null;
  createdAt: Date;
  modelSlug: string | null;
};

const MAX_PAGE = 2000;

/**
 * One page of an account's ledger, newest first, each entry with the available balance after it.
 * The running SUM covers every entry of the account up to the page (whatever the filters), so a
 * filtered row still shows the true balance; entries newer than the page or after `to` cannot
 * change it and are left out of the window. Available moves by the amount less what the entry
 * set aside (reservedDeltaMicros), the same identity reconcile checks.
 */
export async function listTransactions(
  accountId: string,
  { filters, cursor, limit }: TransactionQuery & { limit: number },
): Promise<TransactionPage> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE);
  const beforeAt = cursor ? cursor.createdAt.toISOString() : null;
  const beforeId = cursor?.id ?? null;
  const rows = await db.$queryRaw<RawRow[]>`
    WITH entries AS (
      SELECT l."id", l."kind"::text AS "kind", l."amountMicros", l."reservedDeltaMicros", l."taskId",
             l."externalRef", l."memo", l."createdAt",
             SUM(l."amountMicros" - l."reservedDeltaMicros")
               OVER (ORDER BY l."createdAt", l."id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::bigint
               AS "availableAfterMicros"
      FROM "LedgerEntry" l
      WHERE l."accountId" = ${accountId}
        AND (${beforeAt}::timestamp IS NULL OR (l."createdAt", l."id") < (${beforeAt}::timestamp, ${beforeId}::text))
        AND (${filters.to ?? null}::date IS NULL OR l."createdAt" < ${filters.to ?? null}::date + 1)
    )
    SELECT e.*, t."variantSlug" AS "modelSlug"
    FROM entries e
    LEFT JOIN "Task" t ON t."id" = e."taskId" AND t."accountId" = ${accountId}
    WHERE (${filters.kind ?? null}::text IS NULL OR e."kind" = ${filters.kind ?? null}::text)
      AND (${filters.from ?? null}::date IS NULL OR e."createdAt" >= ${filters.from ?? null}::date)
    ORDER BY e."createdAt" DESC, e."id" DESC
    LIMIT ${take + 1}`;
  const page = rows.slice(0, take).map(
    (r): TransactionRow => ({
      id: r.id,
      kind: r.kind,
      amountMicros: Number(r.amountMicros),
      reservedDeltaMicros: Number(r.reservedDeltaMicros),
      availableAfterMicros: Number(r.availableAfterMicros),
      taskId: r.taskId,
      externalRef: r.externalRef,
      memo: r.memo,
      createdAt: r.createdAt,
      modelSlug: r.modelSlug,
    }),
  );
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > take && last ? encodeCursor(last) : null };
}

export const transactionCsvHeader = [
  "date",
  "id",
  "kind",
  "type",
  "amount_usd",
  "amount_micros",
  "reserved_change_micros",
  "available_after_usd",
  "available_after_micros",
  "task_id",
  "model",
  "external_ref",
  "stripe_link",
  "memo",
] as const;

function transactionCsvRow(row: TransactionRow): string {
  return [
    row.createdAt.toISOString(),
    csvText(row.id),
    csvText(row.kind),
    csvText(ledgerKindLabel(row.kind)),
    microsToDecimalUsd(row.amountMicros),
    String(row.amountMicros),
    String(row.reservedDeltaMicros),
    microsToDecimalUsd(row.availableAfterMicros),
    String(row.availableAfterMicros),
    csvText(row.taskId),
    csvText(row.modelSlug),
    csvText(row.externalRef),
    csvText(stripeLinkFor(row)),
    csvText(row.memo),
  ].join(",");
}

/** The CSV of everything the filters select, newest first, a page at a time (lib/utils/csv.ts). */
export function transactionCsv(accountId: string, filters: TransactionFilters): AsyncGenerator<string> {
  return pagedCsv(transactionCsvHeader, (cursor, limit) => listTransactions(accountId, { filters, cursor, limit }), transactionCsvRow);
}

export function transactionCsvStream(accountId: string, filters: TransactionFilters): ReadableStream<Uint8Array> {
  return byteStream(transactionCsv(accountId, filters));
}

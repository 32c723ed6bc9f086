import Link from "next/link";
import type { ReactNode } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatUsd } from "@/lib/catalog/pricing";
import type { TaskLogRow } from "@/lib/tasklog/query";
import { formatLatency } from "@/lib/utils/duration";
import { sourceLabels } from "@/components/dashboard/filter-form";
import { dateTimeFormat } from "./format";
import { TaskStateBadge } from "./task-state-badge";

/** The task log, newest first. On a phone the table scrolls inside its own region, never the page. */
export function TaskLogTable({ rows, empty }: { rows: TaskLogRow[]; empty: ReactNode }) {
  if (rows.length === 0) {
    return <div className="rounded-xl border border-dashed p-6 text-sm text-muted-foreground">{empty}</div>;
  }
  return (
    <Table label="Tasks">
      <TableHead>
        <TableRow>
          <TableHeaderCell>Time (UTC)</TableHeaderCell>
          <TableHeaderCell>Model</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell className="text-right">Latency</TableHeaderCell>
          <TableHeaderCell className="text-right">Cost</TableHeaderCell>
          <TableHeaderCell>Key</TableHeaderCell>
          <TableHeaderCell>Source</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">Image</span>
          </TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-task-id={row.id}>
            <TableCell className="whitespace-nowrap">
              <Link href={`/dashboard/tasks/${row.id}`} className="font-medium underline-offset-4 hover:underline">
                <time dateTime={row.createdAt.toISOString()}>{dateTimeFormat.format(row.createdAt)}</time>
                <span className="sr-only">, task {row.id}</span>
              </Link>
            </TableCell>
            <TableCell className="font-mono text-xs whitespace-nowrap">{row.model}</TableCell>
            <TableCell>
              <TaskStateBadge state={row.state} />
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">{formatLatency(row.latencyMs)}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {formatUsd(row.costMicros)}
              {row.mode === "test" && <span className="block text-xs text-muted-foreground">test mode</span>}
            </TableCell>
            <TableCell className="whitespace-nowrap">{row.keyName ?? <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell className="whitespace-nowrap">{sourceLabels[row.source]}</TableCell>
            <TableCell className="py-2">
              {row.thumbnailUrl && (
                // Our own thumbnails, already small: next/image would only add a second resize.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={row.thumbnailUrl} alt={`Result of task ${row.id}`} width={40} height={40} loading="lazy" className="size-10 rounded object-cover" />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

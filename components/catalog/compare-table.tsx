import { X } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import {
  compareParamRows,
  compareSpecRows,
  paramDefault,
  paramRange,
  type CompareColumn,
  type CompareGroup,
  type SpecRow,
} from "@/lib/catalog/compare";
import { compareHref } from "@/lib/catalog/compare-selection";
import { formatUsd } from "@/lib/catalog/pricing";
import { cn } from "@/lib/utils/cn";
import { formatDuration } from "@/lib/utils/duration";
import { creditsLabel } from "./credits-label";
import { formatRuns, formatSuccessRate } from "./figures-labels";
import { StatusBadge } from "./status-badge";
import { formatReleaseDate, taskLabels } from "./variant-labels";

const labelCell =
  "sticky left-0 z-10 w-36 min-w-36 bg-card text-left align-top text-sm font-medium whitespace-normal text-foreground sm:w-48 sm:min-w-48";
const valueCell = "min-w-48 align-top";


function Missing({ what }: { what: string }) {
  return (
    <span className="text-muted-foreground">
      <span aria-hidden>—</span>
      <span className="sr-only">{what}</span>
    </span>
  );
}

function Best({ children }: { children: string }) {
  return (
    <Badge tone="success" className="ml-2 text-foreground">
      {children}
    </Badge>
  );
}

function specCell(row: SpecRow, column: CompareColumn, index: number): ReactNode {
  const { variant, figures } = column;
  const value = row.values[index];
  switch (row.key) {
    case "task":
      return taskLabels[variant.task];
    case "status":
      return <StatusBadge status={column.status} />;
    case "released":
      return formatReleaseDate(variant.releaseDate);
    case "price":
      return (
        <>
          <span className="font-semibold tabular-nums">{formatUsd(variant.priceMicros)}</span>
          {row.best[index] && <Best>Cheapest</Best>}
          <span className="block text-xs text-muted-foreground tabular-nums">{creditsLabel(variant.priceMicros)}</span>
        </>
      );
    case "successRate":
      return figures && value !== null ? formatSuccessRate(figures.successes, figures.requests) : <Missing what="no runs" />;
    case "p50":
      return typeof value === "number" ? (
        <>
          <span className="tabular-nums">{formatDuration(value)}</span>
          {row.best[index] && <Best>Fastest</Best>}
        </>
      ) : (
        <Missing what="not measured" />
      );
    case "runs":
      return (
        <>
          {formatRuns(figures?.requests ?? 0)}
          {figures?.isSimulated && figures.requests > 0 && <span className="block text-xs text-muted-foreground">on the simulator</span>}
        </>
      );
    default:
      return value === null ? <Missing what="none" /> : String(value);
  }
}

/**
 * The variants side by side: one column each, one row per spec and per parameter any of them
 * takes. Rows where every column agrees are dimmed so the differences stand out. On a narrow
 * screen the table scrolls inside its own region with the row labels pinned.
 */
export function CompareTable({ columns }: { columns: CompareColumn[] }) {
  const slugs = columns.map((c) => c.variant.slug);
  const specRows = compareSpecRows(columns);
  const paramRows = compareParamRows(columns);
  const groups: CompareGroup[] = ["Model", "Price", "Last 7 days"];

  const groupRow = (title: string) => (
    <TableRow key={`group-${title}`} className="bg-muted/60">
      <TableHeaderCell scope="colgroup" colSpan={columns.length + 1} className="text-xs text-muted-foreground">
        <span className="sticky left-4">{title}</span>
      </TableHeaderCell>
    </TableRow>
  );

  return (
    <Table label="Model comparison" data-testid="compare-table">
      <TableHead>
        <TableRow>
          <TableHeaderCell className={cn(labelCell, "bg-muted")}>
            <span className="sr-only">Specification</span>
          </TableHeaderCell>
          {columns.map(({ variant }) => (
            <TableHeaderCell key={variant.slug} data-testid="compare-column" className={cn(valueCell, "py-3 whitespace-normal")}>
              <div className="flex min-w-40 items-start justify-between gap-2">
                <Link
                  href={`/models/${variant.slug}`}
                  className="rounded-sm text-sm font-semibold text-foreground underline-offset-2 hover:underline"
                >
                  {variant.displayName}
                </Link>
                <Link
                  href={compareHref(slugs.filter((s) => s !== variant.slug))}
                  scroll={false}
                  aria-label={`Remove ${variant.displayName} from the comparison`}
                  className="-mt-1 -mr-2 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-card hover:text-foreground"
                >
                  <X aria-hidden className="size-4" />
                </Link>
              </div>
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.flatMap((group) => [
          groupRow(group),
          ...specRows
            .filter((row) => row.group === group)
            .map((row) => (
              <TableRow key={row.key} data-same={row.same || undefined}>
                <TableHeaderCell scope="row" className={labelCell}>
                  {row.label}
                </TableHeaderCell>
                {columns.map((column, i) => (
                  <TableCell
                    key={column.variant.slug}
                    className={cn(valueCell, row.same && "text-muted-foreground", row.best[i] && "bg-success/10")}
                  >
                    {specCell(row, column, i)}
                  </TableCell>
                ))}
              </TableRow>
            )),
        ])}
        {groupRow("Parameters")}
        {paramRows.map((row) => (
          <TableRow key={`param-${row.name}`} data-same={row.same || undefined}>
            <TableHeaderCell scope="row" className={labelCell}>
              <code className="font-mono text-[13px]">{row.name}</code>
              <span className="block text-xs font-normal text-muted-foreground">{row.label}</span>
            </TableHeaderCell>
            {row.cells.map((p, i) => {
              const fallback = p && paramDefault(p);
              return (
                <TableCell key={slugs[i]} className={cn(valueCell, row.same && "text-muted-foreground")}>
                  {p ? (
                    <>
                      <span className="block">{paramRange(p)}</span>
                      {fallback !== null && (
                        <span className="block text-xs text-muted-foreground">
                          Default <code className="font-mono">{fallback}</code>
                        </span>
                      )}
                      {p.required && <span className="block text-xs text-muted-foreground">Required</span>}
                    </>
                  ) : (
                    <Missing what="not taken" />
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

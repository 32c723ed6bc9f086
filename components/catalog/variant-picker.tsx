import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { variantPickerGrid } from "@/lib/catalog/families";
import { formatUsd } from "@/lib/catalog/pricing";
import type { VariantView } from "@/lib/catalog/types";
import { taskLabels } from "./variant-labels";

/**
 * Task (rows) by resolution tier (columns): each offered variant is a link with its price, so the
 * grid is a list of links in reading order for keyboards and screen readers; on a phone each task
 * becomes a block of its tiers.
 */
export function VariantPicker({ variants, familyName }: { variants: VariantView[]; familyName: string }) {
  const { columns, rows } = variantPickerGrid(variants);
  return (
    <Table label={`${familyName} variants by task and resolution`} stacked>
      <caption className="sr-only">Each {familyName} variant by task and resolution tier, with its price per image</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Task</TableHeaderCell>
          {columns.map((c) => (
            <TableHeaderCell key={c.label}>{c.label}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.task}>
            <TableHeaderCell scope="row" className="py-3 text-foreground">
              {taskLabels[row.task]}
            </TableHeaderCell>
            {row.cells.map((variant, i) => {
              const column = columns[i]!;
              return (
                <TableCell key={column.label} label={column.label}>
                  {variant ? (
                    <Link
                      href={`/models/${variant.slug}`}
                      aria-label={`${taskLabels[row.task]}, ${column.label}: ${formatUsd(variant.priceMicros)} per image`}
                      className="inline-flex min-h-8 items-center gap-1.5 rounded-md border bg-background px-3 py-1 font-medium tabular-nums hover:border-primary/60 hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                    >
                      {formatUsd(variant.priceMicros)}
                      <span className="text-xs font-normal text-muted-foreground">per image</span>
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">Not offered</span>
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

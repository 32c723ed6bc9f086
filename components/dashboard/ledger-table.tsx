import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { LedgerRow } from "@/lib/billing";
import { formatUsd } from "@/lib/catalog/pricing";
import { cn } from "@/lib/utils/cn";

const kindLabels: Record<string, string> = {
  grant: "Credit grant",
  topup: "Top-up",
  hold: "Reserved",
  capture: "Charge",
  release: "Released",
  refund: "Refund",
  adjustment: "Adjustment",
  dispute: "Dispute",
};

const dateFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function signedUsd(micros: number): string {
  if (micros === 0) return formatUsd(0);
  return `${micros > 0 ? "+" : "−"}${formatUsd(Math.abs(micros))}`;
}

export function LedgerTable({ rows }: { rows: LedgerRow[] }) {
  if (rows.length === 0) {
    return <p className="rounded-xl border border-dashed p-6 text-sm text-muted-foreground">No transactions yet.</p>;
  }
  return (
    <Table label="Transactions">
      <TableHead>
        <TableRow>
          <TableHeaderCell>Date (UTC)</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell className="text-right">Amount</TableHeaderCell>
          <TableHeaderCell>Details</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="whitespace-nowrap">
              <time dateTime={row.createdAt.toISOString()}>{dateFormat.format(row.createdAt)}</time>
            </TableCell>
            <TableCell className="whitespace-nowrap">{kindLabels[row.kind] ?? row.kind}</TableCell>
            <TableCell
              className={cn("text-right whitespace-nowrap tabular-nums", row.amountMicros > 0 && "text-success")}
            >
              {signedUsd(row.amountMicros)}
            </TableCell>
            <TableCell className="min-w-48 text-muted-foreground">
              {row.memo}
              {row.taskId && <span className="block font-mono text-xs">{row.taskId}</span>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

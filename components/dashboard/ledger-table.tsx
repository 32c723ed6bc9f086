import { ExternalLink } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { LedgerRow } from "@/lib/billing";
import { ledgerKindLabel, stripeLinkFor } from "@/lib/billing/ledger-display";
import type { TransactionRow } from "@/lib/billing/transactions";
import { formatCredits, formatUsd } from "@/lib/catalog/pricing";
import { cn } from "@/lib/utils/cn";

const dateFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A change gets its sign either way; a balance only when it is below zero. */
const sign = (micros: number, isChange: boolean) => (micros < 0 ? "−" : micros > 0 && isChange ? "+" : "");

function signedUsd(micros: number): string {
  return `${sign(micros, true)}${formatUsd(Math.abs(micros))}`;
}

function creditsOf(micros: number, { isChange }: { isChange: boolean }): string {
  const credits = formatCredits(Math.abs(micros));
  return `${sign(micros, isChange)}${credits} ${credits === "1" ? "credit" : "credits"}`;
}

/** What the entry did to the money set aside for running jobs, which the available balance excludes. */
function reservedNote(deltaMicros: number): string | null {
  if (deltaMicros > 0) return `Sets aside ${formatUsd(deltaMicros)}`;
  if (deltaMicros < 0) return `Ends ${formatUsd(-deltaMicros)} set aside`;
  return null;
}

const isTransaction = (row: LedgerRow | TransactionRow): row is TransactionRow => "availableAfterMicros" in row;

/**
 * The ledger, newest first. Rows from listTransactions add the available balance after each
 * entry, what it set aside, the task's model and the Stripe side of payments.
 */
export function LedgerTable({
  rows,
  empty = "No transactions yet.",
}: {
  rows: LedgerRow[] | TransactionRow[];
  empty?: ReactNode;
}) {
  if (rows.length === 0) {
    return <div className="rounded-xl border border-dashed p-6 text-sm text-muted-foreground">{empty}</div>;
  }
  const withBalance = rows.every(isTransaction);
  return (
    <Table label="Transactions" stacked>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Date (UTC)</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell className="text-right">Amount</TableHeaderCell>
          {withBalance && <TableHeaderCell className="text-right">Available after</TableHeaderCell>}
          <TableHeaderCell>Details</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const detailed = isTransaction(row) ? row : null;
          const reserved = detailed ? reservedNote(detailed.reservedDeltaMicros) : null;
          const stripeLink = detailed ? stripeLinkFor(detailed) : null;
          return (
            <TableRow key={row.id} data-entry-id={row.id}>
              <TableCell label="Date (UTC)" className="whitespace-nowrap">
                <time dateTime={row.createdAt.toISOString()}>{dateFormat.format(row.createdAt)}</time>
              </TableCell>
              <TableCell label="Type" className="whitespace-nowrap">{ledgerKindLabel(row.kind)}</TableCell>
              <TableCell label="Amount" className="text-right whitespace-nowrap tabular-nums">
                <span className={cn(row.amountMicros > 0 && "text-success")}>{signedUsd(row.amountMicros)}</span>
                <span className="block text-xs text-muted-foreground">{creditsOf(row.amountMicros, { isChange: true })}</span>
                {reserved && <span className="block text-xs text-muted-foreground">{reserved}</span>}
              </TableCell>
              {withBalance && detailed && (
                <TableCell label="Available after" className="text-right whitespace-nowrap tabular-nums">
                  {sign(detailed.availableAfterMicros, false)}
                  {formatUsd(Math.abs(detailed.availableAfterMicros))}
                  <span className="block text-xs text-muted-foreground">
                    {creditsOf(detailed.availableAfterMicros, { isChange: false })}
                  </span>
                </TableCell>
              )}
              <TableCell label="Details" className="min-w-48 space-y-1.5 text-muted-foreground">
                {row.memo && <p>{row.memo}</p>}
                {row.taskId && (
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="font-mono text-xs">{row.taskId}</code>
                    <CopyButton text={row.taskId} label="task ID" className="h-7 min-w-0 px-2 text-xs" />
                    {detailed?.modelSlug && (
                      <Link href={`/models/${detailed.modelSlug}`} className="text-xs text-primary underline-offset-4 hover:underline">
                        {detailed.modelSlug}
                      </Link>
                    )}
                  </div>
                )}
                {stripeLink && (
                  <a
                    href={stripeLink}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="inline-flex items-center gap-1 text-xs text-primary underline-offset-4 hover:underline"
                  >
                    View in Stripe
                    <ExternalLink aria-hidden className="size-3" />
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

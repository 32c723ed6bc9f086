import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ledgerKindLabels, ledgerKinds } from "@/lib/billing/ledger-display";
import type { TransactionFilters } from "@/lib/billing/transactions";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and exported. */
export function TransactionFiltersForm({
  action,
  filters,
  clearHref,
}: {
  action: string;
  filters: TransactionFilters;
  clearHref: string | null;
}) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter transactions">
      <div className="grid gap-1.5">
        <Label htmlFor="filter-kind">Type</Label>
        <Select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className="w-44">
          <option value="">All types</option>
          {ledgerKinds.map((kind) => (
            <option key={kind} value={kind}>
              {ledgerKindLabels[kind]}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-from">From (UTC)</Label>
        <Input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className="w-44" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-to">To (UTC)</Label>
        <Input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className="w-44" />
      </div>
      <Button type="submit" variant="outline">
        Apply
      </Button>
      {clearHref && (
        <Link href={clearHref} className={buttonVariants({ variant: "ghost" })}>
          Clear filters
        </Link>
      )}
    </form>
  );
}

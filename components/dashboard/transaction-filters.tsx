import { ledgerKindLabels, ledgerKinds } from "@/lib/billing/ledger-display";
import type { TransactionFilters } from "@/lib/billing/transactions";
import { FilterForm } from "./filter-form";

export function TransactionFiltersForm({
  action,
  filters,
  clearHref,
}: {
  action: string;
  filters: TransactionFilters;
  clearHref: string | null;
}) {
  const kinds = ledgerKinds.map((kind) => ({ value: kind, label: ledgerKindLabels[kind] }));
  return (
    <FilterForm
      label="Filter transactions"
      action={action}
      selects={[{ name: "kind", label: "Type", all: "All types", value: filters.kind, options: kinds }]}
      dates={{ from: filters.from, to: filters.to }}
      clearHref={clearHref}
    />
  );
}

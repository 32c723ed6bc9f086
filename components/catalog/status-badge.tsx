import { Badge } from "@/components/ui/badge";
import type { VariantStatus } from "@/lib/catalog/types";
import { statusLabels, statusTones } from "./variant-labels";

export function StatusBadge({ status }: { status: VariantStatus }) {
  return (
    <Badge tone={statusTones[status]}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {statusLabels[status]}
    </Badge>
  );
}

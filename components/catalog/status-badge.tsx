import { Badge } from "@/components/ui/badge";
import type { ServingStatus } from "@/lib/catalog/serving";
import { cn } from "@/lib/utils/cn";
import { statusDescriptions, statusLabels, statusTones } from "./variant-labels";

/** The tone colours the dot and the tint; the label stays in the text colour, which keeps AA contrast on every tint. */
const dotClasses: Record<ServingStatus, string> = {
  operational: "bg-success",
  simulated: "bg-primary",
  degraded: "bg-warning",
  maintenance: "bg-muted-foreground",
  disabled: "bg-danger",
};

export function StatusBadge({ status }: { status: ServingStatus }) {
  const tone = statusTones[status];
  return (
    <Badge
      tone={tone}
      title={statusDescriptions[status]}
      data-testid="serving-status"
      data-status={status}
      className={cn(tone !== "neutral" && "text-foreground")}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full", dotClasses[status])} />
      {statusLabels[status]}
      <span className="sr-only">. {statusDescriptions[status]}</span>
    </Badge>
  );
}

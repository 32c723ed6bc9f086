import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { FamilySummary } from "@/lib/catalog/families";
import { taskLabels } from "./variant-labels";

export const variantCount = (n: number) => (n === 1 ? "1 variant" : `${n} variants`);

/** A family's tasks and resolution tiers as chips, on its card and its page; `extra` ends the list. */
export function FamilyCapabilities({ family, extra, className }: { family: Pick<FamilySummary, "tasks" | "resolutionTiers">; extra?: ReactNode; className?: string }) {
  return (
    <ul className={className ?? "flex flex-wrap gap-1.5"} aria-label="Capabilities">
      {family.tasks.map((task) => (
        <li key={task}>
          <Badge tone="accent">{taskLabels[task]}</Badge>
        </li>
      ))}
      {family.resolutionTiers.map((tier) => (
        <li key={tier}>
          <Badge>{tier}</Badge>
        </li>
      ))}
      {extra && <li>{extra}</li>}
    </ul>
  );
}

import { Badge } from "@/components/ui/badge";
import type { VariantView } from "@/lib/catalog/types";
import { modalityLabels, taskLabels } from "./variant-labels";

/** Modality, task and resolution tier, in that order; the tier only when the variant has one. */
export function VariantBadges({
  variant,
  showModality = false,
}: {
  variant: Pick<VariantView, "modality" | "task" | "resolutionTier">;
  showModality?: boolean;
}) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {showModality && (
        <li>
          <Badge>{modalityLabels[variant.modality]}</Badge>
        </li>
      )}
      <li>
        <Badge tone="accent">{taskLabels[variant.task]}</Badge>
      </li>
      {variant.resolutionTier && (
        <li>
          <Badge>{variant.resolutionTier}</Badge>
        </li>
      )}
    </ul>
  );
}

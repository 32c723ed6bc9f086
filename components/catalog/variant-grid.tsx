import type { ServingStatus } from "@/lib/catalog/serving";
import type { VariantView } from "@/lib/catalog/types";
import type { VariantFigures } from "@/lib/stats/types";
import { VariantCard } from "./variant-card";

/** `statuses` and `figures` come from one call each for the whole page, never one per card. */
export function VariantGrid({
  variants,
  statuses,
  figures,
  headingLevel,
}: {
  variants: VariantView[];
  statuses: ReadonlyMap<string, ServingStatus>;
  figures?: ReadonlyMap<string, VariantFigures>;
  headingLevel?: "h2" | "h3";
}) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {variants.map((variant) => (
        <li key={variant.slug}>
          <VariantCard
            variant={variant}
            status={statuses.get(variant.slug)}
            figures={figures && (figures.get(variant.slug) ?? null)}
            headingLevel={headingLevel}
          />
        </li>
      ))}
    </ul>
  );
}

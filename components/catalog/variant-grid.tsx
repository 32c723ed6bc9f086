import type { ServingStatus } from "@/lib/catalog/serving";
import type { VariantView } from "@/lib/catalog/types";
import { VariantCard } from "./variant-card";

/** `statuses` comes from one servingStatus call for the whole page, never one per card. */
export function VariantGrid({
  variants,
  statuses,
  headingLevel,
}: {
  variants: VariantView[];
  statuses: ReadonlyMap<string, ServingStatus>;
  headingLevel?: "h2" | "h3";
}) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {variants.map((variant) => (
        <li key={variant.slug}>
          <VariantCard variant={variant} status={statuses.get(variant.slug)} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

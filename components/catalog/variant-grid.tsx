import type { VariantView } from "@/lib/catalog/types";
import { VariantCard } from "./variant-card";

export function VariantGrid({ variants, headingLevel }: { variants: VariantView[]; headingLevel?: "h2" | "h3" }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {variants.map((variant) => (
        <li key={variant.slug}>
          <VariantCard variant={variant} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

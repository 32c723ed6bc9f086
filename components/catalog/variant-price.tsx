import { formatUsd } from "@/lib/catalog";
import { cn } from "@/lib/utils/cn";
import { creditsLabel } from "./credits-label";

/**
 * A per-image price in dollars with its credit equivalent: stacked and large for a model's header,
 * on one row for a card.
 */
export function VariantPrice({ priceMicros, layout = "row" }: { priceMicros: number; layout?: "row" | "stacked" }) {
  const isStacked = layout === "stacked";
  return (
    <div className={cn(isStacked ? "space-y-1" : "flex flex-wrap items-baseline justify-between gap-x-3")}>
      <p>
        <span className={cn("font-semibold tabular-nums", isStacked ? "text-3xl" : "text-lg")}>
          {formatUsd(priceMicros)}
        </span>{" "}
        <span className="text-sm text-muted-foreground">per image</span>
      </p>
      <p className={cn("text-muted-foreground tabular-nums", isStacked ? "text-sm" : "text-xs")}>
        {creditsLabel(priceMicros)}
      </p>
    </div>
  );
}

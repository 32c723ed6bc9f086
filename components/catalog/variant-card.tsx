import Link from "next/link";
import type { ServingStatus } from "@/lib/catalog/serving";
import type { VariantView } from "@/lib/catalog/types";
import type { VariantFigures } from "@/lib/stats/types";
import { CompareToggle } from "./compare-toggle";
import { StatusBadge } from "./status-badge";
import { VariantBadges } from "./variant-badges";
import { VariantFiguresLine } from "./variant-figures";
import { VariantPrice } from "./variant-price";

/**
 * A variant as a card. The name is the only link; its ::after stretches over the card so the
 * whole card is clickable while screen readers hear one link named after the model. Without a
 * `status` the card makes no claim about whether the model is being served, and without `figures`
 * (null: loaded, none in the window) none about its last 7 days. The compare toggle sits above the
 * stretched link, so pressing it does not open the page.
 */
export function VariantCard({
  variant,
  status,
  figures,
  headingLevel = "h3",
}: {
  variant: VariantView;
  status?: ServingStatus;
  figures?: VariantFigures | null;
  headingLevel?: "h2" | "h3";
}) {
  const Heading = headingLevel;
  return (
    <article className="relative flex h-full flex-col gap-3 rounded-xl border bg-card p-4 shadow-xs transition-colors hover:border-primary/50 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-ring">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs text-muted-foreground">{variant.provider.name}</p>
          <Heading className="mt-0.5 text-base leading-snug font-semibold">
            <Link
              href={`/models/${variant.slug}`}
              data-testid="variant-result"
              className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
            >
              {variant.displayName}
            </Link>
          </Heading>
        </div>
        {status && <StatusBadge status={status} />}
      </div>
      <VariantBadges variant={variant} />
      <div className="mt-auto space-y-1.5 border-t pt-3">
        <VariantPrice priceMicros={variant.priceMicros} />
        {figures !== undefined && <VariantFiguresLine figures={figures} />}
        <CompareToggle slug={variant.slug} name={variant.displayName} />
      </div>
    </article>
  );
}

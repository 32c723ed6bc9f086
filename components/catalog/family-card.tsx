import Link from "next/link";
import type { ExampleImage } from "@/lib/catalog/examples";
import type { FamilySummary } from "@/lib/catalog/families";
import { formatUsd } from "@/lib/catalog/pricing";
import type { ServingStatus } from "@/lib/catalog/serving";
import { ExampleImageFrame } from "./example-image";
import { FamilyCapabilities, variantCount } from "./family-capabilities";
import { StatusBadge } from "./status-badge";

/**
 * A model family as a card. As on a variant card, the name is the one link and its ::after
 * stretches over the card. `example` is the first pinned example among its variants; without one
 * the card shows a placeholder. Without a `status` the card makes no claim about serving.
 */
export function FamilyCard({
  family,
  status,
  example,
  headingLevel = "h3",
}: {
  family: FamilySummary;
  status?: ServingStatus;
  example?: ExampleImage | null;
  headingLevel?: "h2" | "h3";
}) {
  const Heading = headingLevel;
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-xl border bg-card shadow-xs transition-colors hover:border-primary/50 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-ring">
      <ExampleImageFrame example={example} name={family.name} />
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="text-xs text-muted-foreground">{family.provider.name}</p>
            <Heading className="mt-0.5 text-base leading-snug font-semibold">
              <Link
                href={`/models/family/${family.slug}`}
                data-testid="family-result"
                className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
              >
                {family.name}
              </Link>
            </Heading>
          </div>
          {status && <StatusBadge status={status} />}
        </div>
        <FamilyCapabilities family={family} />
        <div className="mt-auto flex flex-wrap items-baseline justify-between gap-x-3 border-t pt-3">
          <p>
            <span className="text-sm text-muted-foreground">from</span>{" "}
            <span className="text-lg font-semibold tabular-nums">{formatUsd(family.minPriceMicros)}</span>{" "}
            <span className="text-sm text-muted-foreground">per image</span>
          </p>
          <p className="text-xs text-muted-foreground" data-testid="variant-count">
            {variantCount(family.variants.length)}
          </p>
        </div>
      </div>
    </article>
  );
}

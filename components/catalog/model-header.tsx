import { ChevronRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { ServingStatus } from "@/lib/catalog/serving";
import type { VariantView } from "@/lib/catalog/types";
import type { VariantFigures } from "@/lib/stats/types";
import { StatusBadge } from "./status-badge";
import { VariantBadges } from "./variant-badges";
import { VariantFiguresList } from "./variant-figures";
import { formatReleaseDate } from "./variant-labels";
import { VariantPrice } from "./variant-price";

/**
 * Without a `status` the header makes no claim about whether the model is being served.
 * `priceNote` is a line under the price (what it costs on the account's own upstream key).
 * `figures` are the last 7 days' (null: none in the window); without them the header shows none.
 */
export function ModelHeader({
  variant,
  status,
  priceNote,
  figures,
}: {
  variant: VariantView;
  status?: ServingStatus;
  priceNote?: ReactNode;
  figures?: VariantFigures | null;
}) {
  return (
    <header className="border-b bg-gradient-to-b from-accent/50 to-background">
      <div className="mx-auto max-w-6xl px-4 pt-6 pb-8 sm:px-6">
        <nav aria-label="Breadcrumb">
          <ol className="flex flex-wrap items-center gap-1 text-sm text-muted-foreground">
            <li>
              <Link href="/models" className="rounded-sm hover:text-foreground">
                Models
              </Link>
            </li>
            <li className="flex items-center gap-1">
              <ChevronRight aria-hidden className="size-3.5" />
              <Link
                href={`/models?provider=${encodeURIComponent(variant.provider.slug)}`}
                className="rounded-sm hover:text-foreground"
              >
                {variant.provider.name}
              </Link>
            </li>
            <li className="flex min-w-0 items-center gap-1">
              <ChevronRight aria-hidden className="size-3.5" />
              <span aria-current="page" className="truncate text-foreground">
                {variant.displayName}
              </span>
            </li>
          </ol>
        </nav>

        <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_auto] lg:items-end">
          <div className="min-w-0 space-y-3">
            <p className="text-sm text-muted-foreground">
              {variant.provider.name} · {variant.family.name}
            </p>
            <h1 className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">{variant.displayName}</h1>
            <div className="flex flex-wrap items-center gap-1.5">
              <VariantBadges variant={variant} showModality />
              {status && <StatusBadge status={status} />}
            </div>
            <p className="text-sm text-muted-foreground">
              Released <time dateTime={variant.releaseDate}>{formatReleaseDate(variant.releaseDate)}</time>
            </p>
          </div>

          <Card className="space-y-4 p-5 lg:min-w-80">
            <div className="space-y-2">
              <VariantPrice priceMicros={variant.priceMicros} layout="stacked" />
              {priceNote}
            </div>
            {figures !== undefined && (
              <div className="border-t pt-4">
                <VariantFiguresList figures={figures} />
              </div>
            )}
            <div className="space-y-1.5 border-t pt-4">
              <p className="text-xs font-medium text-muted-foreground">Model ID</p>
              <div className="flex items-center gap-2">
                <code className="min-w-0 flex-1 truncate rounded-md bg-muted px-2 py-1.5 font-mono text-[13px]" title={variant.slug}>
                  {variant.slug}
                </code>
                <CopyButton text={variant.slug} label="model ID" />
              </div>
            </div>
          </Card>
        </div>
      </div>
    </header>
  );
}

import { FlaskConical, KeyRound } from "lucide-react";
import Link from "next/link";
import { Breadcrumb } from "@/components/catalog/breadcrumb";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { ExampleImage } from "@/lib/catalog/examples";
import type { ServingStatus } from "@/lib/catalog/serving";
import type { VariantView } from "@/lib/catalog/types";
import type { VariantFigures } from "@/lib/stats/types";
import { CompareToggle } from "./compare-toggle";
import { ExampleImageFrame } from "./example-image";
import { StatusBadge } from "./status-badge";
import { VariantBadges } from "./variant-badges";
import { FiguresAgeNote } from "./figures-age";
import { VariantFiguresList } from "./variant-figures";
import { formatReleaseDate } from "./variant-labels";
import { VariantPrice } from "./variant-price";

/**
 * Without a `status` the header makes no claim about whether the model is being served.
 * `priceNote` is a line under the price (what it costs on the account's own upstream key).
 * `figures` are the last 7 days' (null: none in the window); without them the header shows none.
 * `example` is the variant's pinned example image, `exampleActions` what an admin may do with it.
 * `isSignedIn` decides whether "Get an API key" goes to the keys page or through sign-up first.
 */
export function ModelHeader({
  variant,
  status,
  priceNote,
  figures,
  figuresAt,
  example,
  exampleActions,
  isSignedIn,
}: {
  variant: VariantView;
  status?: ServingStatus;
  priceNote?: ReactNode;
  figures?: VariantFigures | null;
  /** The time the page was rendered, against which the figures' age is told. */
  figuresAt?: Date;
  example?: ExampleImage | null;
  exampleActions?: ReactNode;
  isSignedIn: boolean;
}) {
  const keysHref = isSignedIn ? "/dashboard/keys" : `/sign-up?${new URLSearchParams({ callbackUrl: "/dashboard/keys" })}`;
  return (
    <header className="border-b bg-gradient-to-b from-accent/50 to-background">
      <div className="mx-auto max-w-6xl px-4 pt-6 pb-8 sm:px-6">
        <Breadcrumb
          trail={[
            { href: "/models", label: "Models" },
            { href: `/models?provider=${encodeURIComponent(variant.provider.slug)}`, label: variant.provider.name },
            { href: `/models/family/${variant.family.slug}`, label: variant.family.name },
          ]}
          current={variant.displayName}
        />

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
            {example && (
              <figure className="max-w-xs space-y-2 pt-2">
                <ExampleImageFrame example={example} name={variant.displayName} size="header" className="rounded-xl border" />
                <figcaption className="flex flex-wrap items-start justify-between gap-2 text-sm text-muted-foreground">
                  <span className="min-w-0 flex-1">{example.prompt ? <>Example output for “{example.prompt}”</> : "Example output"}</span>
                  {exampleActions}
                </figcaption>
              </figure>
            )}
          </div>

          <Card className="space-y-4 p-5 lg:min-w-80">
            <div className="space-y-2">
              <VariantPrice priceMicros={variant.priceMicros} layout="stacked" />
              {priceNote}
            </div>
            <div className="flex flex-wrap gap-2">
              <Link href={keysHref} className={buttonVariants({ size: "sm" })}>
                <KeyRound aria-hidden />
                Get an API key
              </Link>
              <Link href={`/playground?${new URLSearchParams({ models: variant.slug })}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
                <FlaskConical aria-hidden />
                Try in playground
              </Link>
              <CompareToggle slug={variant.slug} name={variant.displayName} />
            </div>
            {figures !== undefined && (
              <div className="space-y-2 border-t pt-4">
                <VariantFiguresList figures={figures} />
                {figures && figuresAt && <FiguresAgeNote computedAt={[figures.computedAt]} now={figuresAt} className="text-xs text-muted-foreground" />}
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

import type { Metadata } from "next";
import { Breadcrumb } from "@/components/catalog/breadcrumb";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ExampleImageFrame } from "@/components/catalog/example-image";
import { FamilyCapabilities, variantCount } from "@/components/catalog/family-capabilities";
import { StatusBadge } from "@/components/catalog/status-badge";
import { VariantGrid } from "@/components/catalog/variant-grid";
import { VariantPicker } from "@/components/catalog/variant-picker";
import { formatUsd, getFamily, variantExamples } from "@/lib/catalog";
import { familyExample, familyStatus, groupFamilies } from "@/lib/catalog/families";
import { servingStatus } from "@/lib/catalog/serving";
import { readVariantStats } from "@/lib/stats";

type Props = { params: Promise<{ family: string }> };

// Metadata and the page both need the family; cache() makes that one query per request.
const loadFamily = cache(async (slug: string) => {
  await connection();
  return getFamily(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const family = await loadFamily((await params).family);
  if (!family) return { title: "Model family not found" };
  const summary = groupFamilies(family.variants)[0]!;
  return {
    title: `${family.name}: variants, prices and API`,
    description: `${family.name} by ${family.provider.name}: ${variantCount(summary.variants.length)} from ${formatUsd(summary.minPriceMicros)} per image, through one Lumigate API key.`,
    alternates: { canonical: `/models/family/${family.slug}` },
  };
}

export default async function FamilyPage({ params }: Props) {
  const slug = (await params).family;
  const family = await loadFamily(slug);
  if (!family) notFound();
  if (slug !== family.slug) permanentRedirect(`/models/family/${family.slug}`);

  const summary = groupFamilies(family.variants)[0]!;
  const slugs = family.variants.map((v) => v.slug);
  const [statuses, figures, examples] = await Promise.all([servingStatus(family.variants), readVariantStats(slugs), variantExamples(slugs)]);
  const status = familyStatus(summary, statuses);
  const description = family.description || family.variants[0]!.description;
  const priceRange =
    summary.minPriceMicros === summary.maxPriceMicros
      ? formatUsd(summary.minPriceMicros)
      : `${formatUsd(summary.minPriceMicros)} to ${formatUsd(summary.maxPriceMicros)}`;

  return (
    <>
      <header className="border-b bg-gradient-to-b from-accent/50 to-background">
        <div className="mx-auto max-w-6xl px-4 pt-6 pb-8 sm:px-6">
          <Breadcrumb
            trail={[
              { href: "/models", label: "Models" },
              { href: `/models?provider=${encodeURIComponent(family.provider.slug)}`, label: family.provider.name },
            ]}
            current={family.name}
          />

          <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[minmax(0,1fr)_18rem] md:items-start">
            <div className="min-w-0 space-y-3">
              <p className="text-sm text-muted-foreground">{family.provider.name}</p>
              <h1 className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">{family.name}</h1>
              <FamilyCapabilities
                family={summary}
                extra={status && <StatusBadge status={status} />}
                className="flex flex-wrap items-center gap-1.5"
              />
              <p className="max-w-2xl leading-relaxed">{description}</p>
              <p>
                <span className="text-2xl font-semibold tabular-nums">{priceRange}</span>{" "}
                <span className="text-sm text-muted-foreground">per image, {variantCount(summary.variants.length)}</span>
              </p>
            </div>
            <ExampleImageFrame example={familyExample(summary, examples)} name={family.name} size="header" className="rounded-xl border max-md:aspect-[16/9] md:max-w-72" />
          </div>
        </div>
      </header>

      <div className="mx-auto max-w-6xl space-y-14 px-4 py-10 sm:px-6">
        <section aria-labelledby="picker-title" className="space-y-4">
          <div className="space-y-1">
            <h2 id="picker-title" className="text-xl font-semibold tracking-tight">
              Pick a variant
            </h2>
            <p className="text-sm text-muted-foreground">
              Each variant is one task at one resolution, with its own model ID and price. Open one for its parameters and API example.
            </p>
          </div>
          <VariantPicker variants={family.variants} familyName={family.name} />
        </section>

        <section aria-labelledby="variants-title" className="space-y-4">
          <h2 id="variants-title" className="text-xl font-semibold tracking-tight">
            All {family.name} variants
          </h2>
          <VariantGrid variants={family.variants} statuses={statuses} figures={figures} headingLevel="h3" />
        </section>
      </div>
    </>
  );
}

import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CollectionLinks } from "@/components/catalog/collection-links";
import { VariantGrid } from "@/components/catalog/variant-grid";
import { listVariants } from "@/lib/catalog";
import { buildCollection, findCollection } from "@/lib/catalog/collections";
import { servingStatus } from "@/lib/catalog/serving";
import { readVariantStats } from "@/lib/stats";

type Props = { params: Promise<{ collection: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collection = findCollection((await params).collection);
  if (!collection) return { title: "Collection not found" };
  return {
    title: `${collection.title} image models`,
    description: collection.why,
    alternates: { canonical: `/models/collections/${collection.slug}` },
  };
}

export default async function CollectionPage({ params }: Props) {
  const collection = findCollection((await params).collection);
  if (!collection) notFound();
  await connection();
  const variants = await listVariants();
  const figures = await readVariantStats(variants.map((v) => v.slug));
  const sections = buildCollection(collection.slug, variants, figures);
  const shown = sections.flatMap((s) => s.variants);
  const statuses = await servingStatus(shown);

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-10 sm:px-6">
      <Link
        href="/models"
        className="inline-flex items-center gap-1 rounded-sm text-sm font-medium text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden className="size-4" />
        All models
      </Link>
      <div className="max-w-2xl space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight">{collection.title}</h1>
        <p className="text-muted-foreground">{collection.why}</p>
      </div>
      <CollectionLinks current={collection.slug} />
      {shown.length === 0 ? (
        <div className="rounded-xl border border-dashed px-6 py-14 text-center">
          <h2 className="text-lg font-semibold">No models in this collection yet</h2>
          <p className="mt-2 text-sm text-muted-foreground">
            None of the models listed on this gateway fit it. <Link href="/models" className="font-medium text-primary underline-offset-2 hover:underline">Browse every model</Link>.
          </p>
        </div>
      ) : (
        sections.map((section, i) => (
          <section key={section.heading ?? i} aria-labelledby={section.heading ? `section-${i}` : undefined} className="space-y-3">
            {section.heading && (
              <div className="space-y-1">
                <h2 id={`section-${i}`} className="text-lg font-semibold">
                  {section.heading}
                </h2>
                {section.note && <p className="text-sm text-muted-foreground">{section.note}</p>}
              </div>
            )}
            <VariantGrid
              variants={section.variants}
              statuses={statuses}
              figures={figures}
              headingLevel={section.heading ? "h3" : "h2"}
            />
          </section>
        ))
      )}
    </div>
  );
}

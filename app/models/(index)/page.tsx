import { SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { VariantGrid } from "@/components/catalog/variant-grid";
import { buttonVariants } from "@/components/ui/button";
import { listVariants, parseCatalogFilters } from "@/lib/catalog";
import { servingStatus } from "@/lib/catalog/serving";
import { readVariantStats } from "@/lib/stats";

export const metadata: Metadata = {
  title: "Models and prices",
  description: "Image-generation models available through Lumigate, with per-image prices in dollars and credits.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModelsPage({ searchParams }: Props) {
  await connection();
  const filters = parseCatalogFilters(await searchParams);
  const variants = await listVariants(filters);
  const [statuses, figures] = await Promise.all([servingStatus(variants), readVariantStats(variants.map((v) => v.slug))]);
  const isFiltered = Object.entries(filters).some(([key, value]) => key !== "sort" && value !== undefined);

  return (
    <div className="space-y-4">
      <p role="status" data-testid="result-count" className="text-sm text-muted-foreground">
        {variants.length === 1 ? "1 model" : `${variants.length} models`}
      </p>
      {variants.length > 0 ? (
        <VariantGrid variants={variants} statuses={statuses} figures={figures} headingLevel="h2" />
      ) : (
        <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-14 text-center">
          <SearchX aria-hidden className="size-8 text-muted-foreground" />
          <h2 className="text-lg font-semibold">
            {isFiltered ? "No models match these filters" : "The catalog is empty"}
          </h2>
          <p className="max-w-md text-sm text-muted-foreground">
            {isFiltered
              ? "Try a wider price range, another provider or a shorter search."
              : "Models appear here once the catalog has been seeded."}
          </p>
          {isFiltered && (
            <Link href="/models" scroll={false} className={buttonVariants({ variant: "outline" })}>
              Clear filters
            </Link>
          )}
        </div>
      )}
    </div>
  );
}

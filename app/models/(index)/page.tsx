import { SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { FamilyGrid } from "@/components/catalog/family-grid";
import { VariantGrid } from "@/components/catalog/variant-grid";
import { buttonVariants } from "@/components/ui/button";
import { parseCatalogFilters, variantExamples } from "@/lib/catalog";
import { groupFamilies } from "@/lib/catalog/families";
import { catalogFiltersQuery } from "@/lib/catalog/filters";
import { servingStatus } from "@/lib/catalog/serving";
import { readVariantStats } from "@/lib/stats";
import { loadFacets, loadVariants } from "./catalog";

export const metadata: Metadata = {
  title: "Models and prices",
  description: "Image-generation models available through Lumigate, with per-image prices in dollars and credits.",
};

type Query = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Query> };

/** Whether a URL's query already says what `canonical` does, leaving out `q`, which the search box holds as typed. */
function isCanonical(query: Query, canonical: string): boolean {
  const entries = (pairs: [string, unknown][]) =>
    pairs.filter(([key, value]) => key !== "q" && value !== undefined).map(([key, value]) => `${key}=${String(value)}`).sort().join("&");
  return entries(Object.entries(query)) === entries([...new URLSearchParams(canonical).entries()]);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// Browsing (no filter, no search) shows one card per model family; any filter or search lists the
// variants that match, since a filter such as a price range or a task applies to single variants.
export default async function ModelsPage({ searchParams }: Props) {
  await connection();
  const query = await searchParams;
  const filters = parseCatalogFilters(query, await loadFacets());
  // A value the catalog offers no model for, or one that is not valid, leaves the URL: the form
  // and the results then agree, also without JavaScript.
  const canonical = catalogFiltersQuery(filters);
  if (!isCanonical(query, canonical)) redirect(canonical ? `/models?${canonical}` : "/models");
  const variants = await loadVariants(filters);
  const isFiltered = Object.entries(filters).some(([key, value]) => key !== "sort" && value !== undefined);
  const families = isFiltered ? [] : groupFamilies(variants);
  const [statuses, figures, examples] = await Promise.all([
    servingStatus(variants),
    isFiltered ? readVariantStats(variants.map((v) => v.slug)) : undefined,
    isFiltered ? new Map() : variantExamples(variants.map((v) => v.slug)),
  ]);

  return (
    <div className="space-y-4">
      <p role="status" data-testid="result-count" className="text-sm text-muted-foreground">
        {isFiltered ? plural(variants.length, "variant", "variants") : plural(families.length, "model family", "model families")}
      </p>
      {variants.length === 0 ? (
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
      ) : isFiltered ? (
        <>
          <p className="text-sm">
            These are the single variants (one task at one resolution each) that match the filters.{" "}
            <Link href="/models" scroll={false} className="font-medium underline underline-offset-2">
              Browse all model families
            </Link>
          </p>
          <VariantGrid variants={variants} statuses={statuses} figures={figures} headingLevel="h2" />
        </>
      ) : (
        <FamilyGrid families={families} statuses={statuses} examples={examples} headingLevel="h2" />
      )}
    </div>
  );
}

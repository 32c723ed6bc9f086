import { connection } from "next/server";
import type { ReactNode } from "react";
import { CatalogFilters } from "@/components/catalog/catalog-filters";
import { CollectionLinks } from "@/components/catalog/collection-links";
import { loadFacets } from "./catalog";

// The filters live here, above the page's loading boundary, so they stay mounted (and keep focus)
// while the results below re-render for each new URL.
export default async function ModelsIndexLayout({ children }: { children: ReactNode }) {
  await connection();
  const facets = await loadFacets();
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-10 sm:px-6">
      <div className="max-w-2xl space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight">Models</h1>
        <p className="text-muted-foreground">
          Every model here takes the same API key and the same request shape. Prices are per image, in dollars and
          credits, charged only when an image is delivered.
        </p>
      </div>
      <CollectionLinks />
      <CatalogFilters facets={facets} />
      {children}
    </div>
  );
}

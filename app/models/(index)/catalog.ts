import "server-only";
import { cache } from "react";
import { listVariants } from "@/lib/catalog";
import { catalogFacets } from "@/lib/catalog/filters";
import type { CatalogFilters } from "@/lib/catalog/types";

/** The whole listed catalog in its default order, read once per request by the layout and the page. */
const loadCatalog = cache(() => listVariants());

/** The values the filters offer, from the whole catalog. */
export const loadFacets = async () => catalogFacets(await loadCatalog());

/** The variants the filters select: the whole catalog, already read for the facets, when they select nothing. */
export function loadVariants(filters: CatalogFilters) {
  const { sort, ...rest } = filters;
  const selects = (sort !== undefined && sort !== "featured") || Object.values(rest).some((value) => value !== undefined);
  return selects ? listVariants(filters) : loadCatalog();
}

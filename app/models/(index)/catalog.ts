import "server-only";
import { cache } from "react";
import { listVariants } from "@/lib/catalog";
import { catalogFacets } from "@/lib/catalog/filters";

/** The values the filters offer, from the whole catalog: read once per request by the layout and the page. */
export const loadFacets = cache(async () => catalogFacets(await listVariants()));

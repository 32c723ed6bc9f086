import type { Modality, ModelTask, VariantStatus } from "@/lib/db/generated/enums";
import type { ParamDescriptor } from "./params";

export type { Modality, ModelTask, VariantStatus };

/** A variant as pages and the API see it: plain JSON, money as integer micro-USD numbers. */
export type VariantView = {
  slug: string;
  displayName: string;
  aliases: string[];
  provider: { slug: string; name: string };
  family: { slug: string; name: string };
  modality: Modality;
  task: ModelTask;
  resolutionTier: string | null;
  /** What one image is held for before volume tiers: the list price, or under pass-through pricing the upstream's. */
  priceMicros: number;
  priceCredits: number;
  referencePriceMicros: number | null;
  referenceSource: string | null;
  /** What the first route's upstream charges: the base of the volume tiers (lib/billing/tiers.ts). */
  upstreamCostMicros: number | null;
  parameters: ParamDescriptor[];
  status: VariantStatus;
  /** ISO date, YYYY-MM-DD. */
  releaseDate: string;
  description: string;
  useCases: string[];
  relatedSlugs: string[];
  featured: boolean;
};

export const catalogSorts = ["featured", "price-asc", "price-desc", "name", "newest"] as const;
export type CatalogSort = (typeof catalogSorts)[number];

export type CatalogFilters = {
  q?: string;
  provider?: string;
  modality?: Modality;
  task?: ModelTask;
  minPriceMicros?: number;
  maxPriceMicros?: number;
  sort?: CatalogSort;
};

/** A brand with at least one listed variant, for filter menus. */
export type CatalogProviderSummary = { slug: string; name: string; variantCount: number };

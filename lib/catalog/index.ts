import "server-only";

// What the rest of the app may use. This entry point reaches the database, so client components
// import `@/lib/catalog/params`, `@/lib/catalog/pricing` and `@/lib/catalog/types` directly.

export { normalizeSlug } from "./aliases";
export { parseCatalogFilters } from "./filters";
export { paramDescriptorSchema, paramDescriptorsSchema, paramsToZod, type ParamDescriptor } from "./params";
export {
  creditsToMicros,
  formatCredits,
  formatUsd,
  MICROS_PER_CREDIT,
  MICROS_PER_USD,
  microsToCredits,
  parseUsdToMicros,
} from "./pricing";
export { pinExample, unpinExample, variantExamples, type ExampleImage } from "./examples";
export { featuredVariants, getFamily, getVariants, listCatalogProviders, listVariants, resolveVariant } from "./queries";
export { seedCatalog, type SeedResult } from "./seed";
export {
  catalogSorts,
  type CatalogFilters,
  type CatalogProviderSummary,
  type CatalogSort,
  type Modality,
  type ModelTask,
  type VariantStatus,
  type VariantView,
} from "./types";

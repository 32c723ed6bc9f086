import "server-only";

export { DEGRADED_FAILURE_RATE, MIN_RUNS_FOR_RATE, STALE_AFTER_MS } from "./overall";
export { loadSiteStatus, type FamilyHealth, type ProviderHealth, type SiteStatus, type VariantHealth } from "./site-status";

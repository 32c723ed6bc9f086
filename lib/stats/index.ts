import "server-only";

export { readVariantStats } from "./read";
export { recomputeVariantStats, recomputeVariantStatsIfEmpty } from "./recompute";
export type { DayFigures, VariantFigures } from "./types";

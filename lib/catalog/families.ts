import type { ServingStatus } from "./serving";
import type { ModelTask, VariantView } from "./types";

// Pure: grouping, price ranges and the picker's grid come from variants already loaded (listVariants),
// so the catalog, the family page and their tests all derive a family the same way.

/** A model family as the catalog shows it: its listed variants in listing order. */
export type FamilySummary = {
  slug: string;
  name: string;
  provider: { slug: string; name: string };
  variants: VariantView[];
  minPriceMicros: number;
  maxPriceMicros: number;
  /** The tasks its variants offer, in the order of `taskOrder`. */
  tasks: ModelTask[];
  /** Pixel tiers (1K, 2K, 4K) its variants come in, smallest first; quality tiers are not resolutions. */
  resolutionTiers: string[];
};

export const taskOrder: readonly ModelTask[] = ["text_to_image", "image_to_image", "edit"];

const pixelTier = /^(\d+)K$/i;

function tierRank(tier: string): number {
  const match = pixelTier.exec(tier);
  // Finite, so two non-pixel tiers compare equal (0) rather than NaN.
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * Groups variants by family, keeping the order they came in: families appear where their first
 * variant does, so the caller's sort (featured, price, name, newest) orders the families too.
 */
export function groupFamilies(variants: readonly VariantView[]): FamilySummary[] {
  const bySlug = new Map<string, VariantView[]>();
  for (const v of variants) {
    const group = bySlug.get(v.family.slug);
    if (group) group.push(v);
    else bySlug.set(v.family.slug, [v]);
  }
  return [...bySlug.values()].map(summarize);
}

function summarize(variants: VariantView[]): FamilySummary {
  const [first] = variants;
  if (!first) throw new Error("a family summary needs at least one variant");
  const prices = variants.map((v) => v.priceMicros);
  const offered = new Set(variants.map((v) => v.task));
  const tiers = new Set(variants.flatMap((v) => (v.resolutionTier && pixelTier.test(v.resolutionTier) ? [v.resolutionTier.toUpperCase()] : [])));
  return {
    slug: first.family.slug,
    name: first.family.name,
    provider: first.provider,
    variants,
    minPriceMicros: Math.min(...prices),
    maxPriceMicros: Math.max(...prices),
    tasks: taskOrder.filter((t) => offered.has(t)),
    resolutionTiers: [...tiers].sort((a, b) => tierRank(a) - tierRank(b)),
  };
}

// Worst first: a family is only as available as its least available variant.
const statusSeverity: Record<ServingStatus, number> = {
  disabled: 4,
  maintenance: 3,
  degraded: 2,
  simulated: 1,
  operational: 0,
};

/** The worst serving status among the family's variants; undefined when none of them has one. */
export function familyStatus(
  family: Pick<FamilySummary, "variants">,
  statuses: ReadonlyMap<string, ServingStatus>,
): ServingStatus | undefined {
  let worst: ServingStatus | undefined;
  for (const v of family.variants) {
    const status = statuses.get(v.slug);
    if (status && (worst === undefined || statusSeverity[status] > statusSeverity[worst])) worst = status;
  }
  return worst;
}

/** The pinned example of the family's first variant, in listing order, that has one. */
export function familyExample<T>(family: Pick<FamilySummary, "variants">, examples: ReadonlyMap<string, T>): T | null {
  for (const v of family.variants) {
    const example = examples.get(v.slug);
    if (example !== undefined) return example;
  }
  return null;
}

/** A column of the variant picker: `tier` null is the variant offered without a tier. */
export type PickerColumn = { tier: string | null; label: string };

export type VariantPickerGrid = {
  columns: PickerColumn[];
  rows: { task: ModelTask; cells: (VariantView | null)[] }[];
};

/**
 * Tasks as rows, tiers as columns (pixel tiers smallest first, then the others as they appear,
 * "Standard" for an untiered variant); a cell is null where the family offers no such variant.
 */
export function variantPickerGrid(variants: readonly VariantView[]): VariantPickerGrid {
  const tiers: (string | null)[] = [];
  for (const v of variants) if (!tiers.includes(v.resolutionTier)) tiers.push(v.resolutionTier);
  const rank = (tier: string | null) => (tier === null ? -1 : tierRank(tier));
  // Stable: tiers of equal rank (non-pixel tiers) keep the order they first appeared in.
  tiers.sort((a, b) => rank(a) - rank(b));
  const columns = tiers.map((tier) => ({ tier, label: tier ?? "Standard" }));
  const offered = new Set(variants.map((v) => v.task));
  const rows = taskOrder
    .filter((task) => offered.has(task))
    .map((task) => ({
      task,
      cells: tiers.map((tier) => variants.find((v) => v.task === task && v.resolutionTier === tier) ?? null),
    }));
  return { columns, rows };
}

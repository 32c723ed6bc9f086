import "server-only";
import { variantPricing } from "@/lib/billing/pricing-model";
import { db, type Prisma } from "@/lib/db";
import { normalizeSlug } from "./aliases";
import { paramDescriptorsSchema } from "./params";
import { microsToCredits } from "./pricing";
import type { CatalogFilters, CatalogProviderSummary, CatalogSort, VariantView } from "./types";

const variantInclude = {
  family: { select: { slug: true, name: true, provider: { select: { slug: true, name: true } } } },
  aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
  routes: { select: { upstreamCostMicros: true }, orderBy: { priority: "asc" }, take: 1 },
} satisfies Prisma.VariantInclude;

type VariantRow = Prisma.VariantGetPayload<{ include: typeof variantInclude }>;

const listed = { status: { not: "disabled" } } satisfies Prisma.VariantWhereInput;

function toVariantView(row: VariantRow): VariantView {
  const upstreamCostMicros = row.routes[0] ? Number(row.routes[0].upstreamCostMicros) : null;
  // The price under the configured pricing model (pass-through charges the upstream's), so that
  // every page, the models API and MCP state what a task is actually held for.
  const priceMicros = variantPricing({ priceMicros: Number(row.priceMicros), upstreamCostMicros }).baseMicros;
  return {
    slug: row.slug,
    displayName: row.displayName,
    aliases: row.aliases.map((a) => a.alias),
    provider: { slug: row.family.provider.slug, name: row.family.provider.name },
    family: { slug: row.family.slug, name: row.family.name },
    modality: row.modality,
    task: row.task,
    resolutionTier: row.resolutionTier,
    priceMicros,
    priceCredits: microsToCredits(priceMicros),
    referencePriceMicros: row.referencePriceMicros === null ? null : Number(row.referencePriceMicros),
    referenceSource: row.referenceSource,
    upstreamCostMicros,
    // Validated when seeded; parsed again because a JSON column is typed as anything.
    parameters: paramDescriptorsSchema.parse(row.parameters),
    status: row.status,
    releaseDate: row.releaseDate.toISOString().slice(0, 10),
    description: row.description,
    useCases: row.useCases,
    relatedSlugs: row.relatedSlugs,
    featured: row.featured,
  };
}

function matchesWord(word: string): Prisma.VariantWhereInput {
  // Prisma hands `contains` to ILIKE as is, so LIKE's wildcards must be escaped to match literally.
  const literal = word.replace(/[\\%_]/g, (c) => `\\${c}`);
  const contains = { contains: literal, mode: "insensitive" } as const;
  return {
    OR: [
      { displayName: contains },
      { slug: contains },
      { aliases: { some: { alias: contains } } },
      { family: { name: contains } },
      { family: { slug: contains } },
      { family: { provider: { name: contains } } },
      { family: { provider: { slug: contains } } },
    ],
  };
}

type Compare = (a: VariantRow, b: VariantRow) => number;
const bySortOrder: Compare = (a, b) => a.sortOrder - b.sortOrder;
const byPrice: Compare = (a, b) => (a.priceMicros < b.priceMicros ? -1 : a.priceMicros > b.priceMicros ? 1 : 0);
const nameCollator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

// Sorted here rather than in SQL: the catalog is small and unpaginated, and the name order must
// not depend on the database's collation.
const comparators: Record<CatalogSort, Compare> = {
  featured: (a, b) => Number(b.featured) - Number(a.featured) || bySortOrder(a, b),
  "price-asc": (a, b) => byPrice(a, b) || bySortOrder(a, b),
  "price-desc": (a, b) => byPrice(b, a) || bySortOrder(a, b),
  name: (a, b) => nameCollator.compare(a.displayName, b.displayName) || a.slug.localeCompare(b.slug),
  newest: (a, b) => b.releaseDate.getTime() - a.releaseDate.getTime() || bySortOrder(a, b),
};

/** Listed (not disabled) variants matching every filter; each word of `q` must match somewhere. */
export async function listVariants(filters: CatalogFilters = {}): Promise<VariantView[]> {
  const words = (filters.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  const price: Prisma.BigIntFilter = {};
  if (filters.minPriceMicros !== undefined) price.gte = BigInt(filters.minPriceMicros);
  if (filters.maxPriceMicros !== undefined) price.lte = BigInt(filters.maxPriceMicros);

  const rows = await db.variant.findMany({
    where: {
      ...listed,
      modality: filters.modality,
      task: filters.task,
      family: filters.provider ? { providerSlug: filters.provider } : undefined,
      priceMicros: price,
      AND: words.map(matchesWord),
    },
    include: variantInclude,
  });
  return rows.sort(comparators[filters.sort ?? "featured"]).map(toVariantView);
}

/**
 * Finds a variant by canonical slug or any alias, ignoring case, surrounding space and a leading
 * `models/`. Disabled variants resolve too: the caller decides what to do with them.
 */
export async function resolveVariant(
  slugOrAlias: string,
): Promise<{ variant: VariantView; isAlias: boolean } | null> {
  const key = normalizeSlug(slugOrAlias);
  if (!key) return null;
  const row = await db.variant.findFirst({
    where: { OR: [{ slug: key }, { aliases: { some: { alias: key } } }] },
    include: variantInclude,
  });
  return row && { variant: toVariantView(row), isAlias: row.slug !== key };
}

/** The variants with these canonical slugs, in the order asked for; unknown slugs are skipped. */
export async function getVariants(slugs: string[]): Promise<VariantView[]> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const rows = await db.variant.findMany({ where: { slug: { in: unique } }, include: variantInclude });
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return unique.flatMap((slug) => {
    const row = bySlug.get(slug);
    return row ? [toVariantView(row)] : [];
  });
}

/** A family with its listed variants in listing order; null when unknown or nothing of it is listed. */
export async function getFamily(slug: string): Promise<{
  slug: string;
  name: string;
  description: string;
  provider: { slug: string; name: string };
  variants: VariantView[];
} | null> {
  const family = await db.modelFamily.findUnique({
    where: { slug: slug.toLowerCase() },
    select: {
      slug: true,
      name: true,
      description: true,
      provider: { select: { slug: true, name: true } },
      variants: { where: listed, include: variantInclude },
    },
  });
  if (!family || family.variants.length === 0) return null;
  const { variants, ...rest } = family;
  return { ...rest, variants: variants.sort(comparators.featured).map(toVariantView) };
}

export async function featuredVariants(limit = 4): Promise<VariantView[]> {
  const rows = await db.variant.findMany({
    where: { ...listed, featured: true },
    orderBy: { sortOrder: "asc" },
    take: limit,
    include: variantInclude,
  });
  return rows.map(toVariantView);
}

/** Brands (model makers) with at least one listed variant, by name. */
export async function listCatalogProviders(): Promise<CatalogProviderSummary[]> {
  const providers = await db.provider.findMany({
    where: { families: { some: { variants: { some: listed } } } },
    select: {
      slug: true,
      name: true,
      families: { select: { _count: { select: { variants: { where: listed } } } } },
    },
  });
  return providers
    .map((p) => ({
      slug: p.slug,
      name: p.name,
      variantCount: p.families.reduce((sum, f) => sum + f._count.variants, 0),
    }))
    .sort((a, b) => nameCollator.compare(a.name, b.name));
}

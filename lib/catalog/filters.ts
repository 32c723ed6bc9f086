import { z } from "zod";
import { Modality, ModelTask } from "@/lib/db/generated/enums";
import { MICROS_PER_USD, parseUsdToMicros } from "./pricing";
import { catalogSorts, type CatalogFilters, type CatalogProviderSummary, type VariantView } from "./types";

// Search params come from URLs people edit by hand: a bad value is dropped, never an error page.
// Client-safe: the filter form cleans the URL with the same rules the results use.

type SearchParams = Record<string, string | string[] | undefined>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

function lenient<T extends z.ZodType>(schema: T) {
  return z.preprocess(firstValue, schema.optional()).catch(undefined);
}

const usd = z.string().transform((text, ctx) => {
  const micros = parseUsdToMicros(text);
  if (micros === null) {
    ctx.addIssue({ code: "custom", message: "not a dollar amount" });
    return z.NEVER;
  }
  return micros;
});

const catalogSearchParams = z.object({
  q: lenient(z.string().trim().min(1).max(200)),
  provider: lenient(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9.-]*$/).max(100)),
  modality: lenient(z.enum(Modality)),
  // The hyphenated form is what people type and what slugs use.
  task: lenient(
    z
      .string()
      .trim()
      .toLowerCase()
      .transform((t) => t.replaceAll("-", "_"))
      .pipe(z.enum(ModelTask)),
  ),
  min: lenient(usd),
  max: lenient(usd),
  sort: lenient(z.enum(catalogSorts)),
});

/** The values the catalog has listed models for: the only ones the filter form offers. */
export type CatalogFacets = { modalities: Modality[]; tasks: ModelTask[]; providers: CatalogProviderSummary[] };

const nameCollator = new Intl.Collator("en", { sensitivity: "base" });

export function catalogFacets(variants: readonly VariantView[]): CatalogFacets {
  const providers = new Map<string, CatalogProviderSummary>();
  for (const v of variants) {
    const p = providers.get(v.provider.slug) ?? { ...v.provider, variantCount: 0 };
    p.variantCount += 1;
    providers.set(p.slug, p);
  }
  return {
    modalities: Object.values(Modality).filter((m) => variants.some((v) => v.modality === m)),
    tasks: Object.values(ModelTask).filter((t) => variants.some((v) => v.task === t)),
    providers: [...providers.values()].sort((a, b) => nameCollator.compare(a.name, b.name)),
  };
}

/**
 * The filters a URL asks for, each invalid one dropped. A minimum above the maximum drops the
 * maximum: the range would match nothing, and the minimum is the bound people set first. With
 * `facets`, a value the catalog lists no model for is dropped as well.
 */
export function parseCatalogFilters(params: SearchParams, facets?: CatalogFacets): CatalogFilters {
  const { min, max, ...rest } = catalogSearchParams.parse(params);
  const filters: CatalogFilters = { ...rest, minPriceMicros: min, maxPriceMicros: max };
  if (min !== undefined && max !== undefined && min > max) filters.maxPriceMicros = undefined;
  if (facets) {
    if (filters.modality && !facets.modalities.includes(filters.modality)) filters.modality = undefined;
    if (filters.task && !facets.tasks.includes(filters.task)) filters.task = undefined;
    if (filters.provider && !facets.providers.some((p) => p.slug === filters.provider)) filters.provider = undefined;
  }
  return filters;
}

/** Micros as the plain decimal a price field holds: 50_000 -> "0.05", 2_000_000 -> "2". */
export function microsToUsdText(micros: number): string {
  const whole = Math.floor(micros / MICROS_PER_USD);
  const fraction = String(micros % MICROS_PER_USD).padStart(6, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** The form's field values for filters; absent ones are the field's empty or default value. */
export function catalogFilterFields(filters: CatalogFilters) {
  return {
    q: filters.q ?? "",
    provider: filters.provider ?? "",
    modality: filters.modality ?? "",
    task: filters.task ?? "",
    min: filters.minPriceMicros === undefined ? "" : microsToUsdText(filters.minPriceMicros),
    max: filters.maxPriceMicros === undefined ? "" : microsToUsdText(filters.maxPriceMicros),
    sort: filters.sort ?? "featured",
  };
}

export type CatalogFilterFields = ReturnType<typeof catalogFilterFields>;

/** The one URL query for filters, in a fixed order, without defaults: what the form navigates to. */
export function catalogFiltersQuery(filters: CatalogFilters): string {
  const fields = catalogFilterFields(filters);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== "" && !(name === "sort" && value === "featured")) params.set(name, value);
  }
  return params.toString();
}

// The compare page's rows and highlights. Pure and client-safe: the page loads the variants,
// figures and statuses, and the table only formats what this decides.

import type { VariantFigures } from "@/lib/stats/types";
import { buildSlugIndex, normalizeSlug } from "./aliases";
import { maxCompare } from "./compare-selection";
import type { ParamDescriptor } from "./params";
import { compareToReference } from "./reference-price";
import type { ServingStatus } from "./serving";
import type { VariantView } from "./types";

export type CompareColumn = { variant: VariantView; status: ServingStatus; figures: VariantFigures | null };

export type CompareValue = string | number | null;

export type SpecKey = "provider" | "family" | "task" | "tier" | "status" | "released" | "price" | "reference" | "successRate" | "p50" | "runs";

export type CompareGroup = "Model" | "Price" | "Last 7 days";

export type SpecRow = {
  key: SpecKey;
  label: string;
  group: CompareGroup;
  /** One per column; null where the variant has no such value (shown as a dash). */
  values: CompareValue[];
  /** The columns this row singles out (cheapest, fastest); empty when nothing stands out. */
  best: boolean[];
  /** Every column says the same, so the row carries no difference. */
  same: boolean;
};

export type ParamRow = {
  name: string;
  label: string;
  /** The variant's descriptor of this parameter, or null where it does not take it. */
  cells: (ParamDescriptor | null)[];
  same: boolean;
};

const hasRuns = (c: CompareColumn) => c.figures !== null && c.figures.requests > 0;

const specRows: { key: SpecKey; label: string; group: CompareGroup; value: (c: CompareColumn) => CompareValue }[] = [
  { key: "provider", label: "Provider", group: "Model", value: (c) => c.variant.provider.name },
  { key: "family", label: "Family", group: "Model", value: (c) => c.variant.family.name },
  { key: "task", label: "Task", group: "Model", value: (c) => c.variant.task },
  { key: "tier", label: "Resolution tier", group: "Model", value: (c) => c.variant.resolutionTier },
  { key: "status", label: "Status", group: "Model", value: (c) => c.status },
  { key: "released", label: "Released", group: "Model", value: (c) => c.variant.releaseDate },
  { key: "price", label: "Price per image", group: "Price", value: (c) => c.variant.priceMicros },
  {
    key: "reference",
    label: "Against the list price",
    group: "Price",
    value: ({ variant: v }) =>
      v.referencePriceMicros === null || v.referencePriceMicros <= 0
        ? null
        : compareToReference(v.priceMicros, v.referencePriceMicros, v.referenceSource).phrase,
  },
  {
    key: "successRate",
    label: "Success rate",
    group: "Last 7 days",
    value: (c) => (hasRuns(c) && c.figures ? c.figures.successes / c.figures.requests : null),
  },
  { key: "p50", label: "Median latency (p50)", group: "Last 7 days", value: (c) => c.figures?.medianLatencyMs ?? null },
  { key: "runs", label: "Runs", group: "Last 7 days", value: (c) => c.figures?.requests ?? 0 },
];

/**
 * Marks the lowest of the numbers, ties included. Nothing is marked with fewer than two values to
 * set against each other, or when they are all equal: a highlight on every column says nothing.
 */
export function lowest(values: readonly CompareValue[]): boolean[] {
  const numbers = values.filter((v): v is number => typeof v === "number");
  if (numbers.length < 2) return values.map(() => false);
  const min = Math.min(...numbers);
  if (numbers.every((n) => n === min)) return values.map(() => false);
  return values.map((v) => v === min);
}

const highlighted: Partial<Record<SpecKey, (values: readonly CompareValue[]) => boolean[]>> = {
  price: lowest,
  p50: lowest,
};

function allSame<T>(values: readonly T[], key: (v: T) => string = String): boolean {
  return values.every((v) => key(v) === key(values[0] as T));
}

export function compareSpecRows(columns: readonly CompareColumn[]): SpecRow[] {
  return specRows.map(({ key, label, group, value }) => {
    const values = columns.map(value);
    const best = highlighted[key]?.(values) ?? values.map(() => false);
    return { key, label, group, values, best, same: columns.length > 1 && allSame(values) };
  });
}

/** Every parameter any column takes, in the order the columns list them. */
export function compareParamRows(columns: readonly CompareColumn[]): ParamRow[] {
  const names: string[] = [];
  const labels = new Map<string, string>();
  for (const { variant } of columns) {
    for (const p of variant.parameters) {
      if (!labels.has(p.name)) {
        names.push(p.name);
        labels.set(p.name, p.label);
      }
    }
  }
  return names.map((name) => {
    const cells = columns.map(({ variant }) => variant.parameters.find((p) => p.name === name) ?? null);
    // Compared on what the row shows (range and default), not the wording of labels or descriptions.
    const same = columns.length > 1 && allSame(cells, (p) => (p ? `${paramRange(p)}|${paramDefault(p)}` : "none"));
    return { name, label: labels.get(name) ?? name, cells, same };
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A parameter's accepted values as the model page's parameters table and the compare page state them. */
export function paramRange(p: ParamDescriptor): string {
  switch (p.type) {
    case "string":
      return `Text, up to ${plural(p.maxLength, "character", "characters")}`;
    case "integer":
    case "number":
      return `${p.min} to ${p.max}${p.step === undefined ? "" : `, step ${p.step}`}`;
    case "boolean":
      return "true or false";
    case "enum":
      return p.options.join(", ");
    case "image_urls":
      return (p.minItems ?? 0) === p.maxItems
        ? plural(p.maxItems, "image", "images")
        : `${p.minItems ?? 0} to ${plural(p.maxItems, "image", "images")}`;
  }
}

export function paramDefault(p: ParamDescriptor): string | null {
  if (p.type === "string" || p.type === "image_urls" || p.default === undefined) return null;
  return String(p.default);
}

export type ResolvedModels = {
  variants: VariantView[];
  /** What was asked for and matched nothing, as typed. */
  unknown: string[];
  /** Asked for past the limit, dropped. */
  overflow: string[];
};

/**
 * Resolves the `models` list of a compare URL: slugs or aliases, at most `maxCompare` distinct
 * variants, in the order given. Two names for one variant count once.
 */
export async function resolveCompareModels(
  tokens: readonly string[],
  resolve: (slugOrAlias: string) => Promise<{ variant: VariantView } | null>,
): Promise<ResolvedModels> {
  const found = await Promise.all(tokens.map((t) => resolve(t)));
  const result: ResolvedModels = { variants: [], unknown: [], overflow: [] };
  for (const [i, token] of tokens.entries()) {
    const variant = found[i]?.variant;
    if (!variant) result.unknown.push(token);
    else if (result.variants.some((v) => v.slug === variant.slug)) continue;
    else if (result.variants.length >= maxCompare) result.overflow.push(token);
    else result.variants.push(variant);
  }
  return result;
}

/**
 * The listed variants a `models` list names, for the playground's panes: slugs or aliases in any
 * case, each variant once, disabled ones dropped with the unknown. In the order given.
 */
export function matchListedSlugs(
  tokens: readonly string[],
  catalog: readonly Pick<VariantView, "slug" | "aliases" | "status">[],
): { slugs: string[]; dropped: string[] } {
  const index = buildSlugIndex(catalog.filter((v) => v.status !== "disabled"));
  const slugs: string[] = [];
  const dropped: string[] = [];
  for (const token of tokens) {
    const match = index.get(normalizeSlug(token));
    if (!match) dropped.push(token);
    else if (!slugs.includes(match.slug)) slugs.push(match.slug);
  }
  return { slugs, dropped };
}

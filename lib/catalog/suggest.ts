import { normalizeSlug } from "./aliases";
import type { VariantView } from "./types";

// Pure: what an unknown model URL most likely meant, from the listed catalog.

export type SuggestionCandidate = {
  kind: "family" | "variant";
  name: string;
  href: string;
  /** Every name the candidate answers to: slugs, aliases and display names, as written. */
  keys: string[];
};

export type Suggestion = Omit<SuggestionCandidate, "keys">;

/** Long enough for any real slug or alias; longer input is cut so the distance stays cheap. */
const MAX_QUERY_CHARS = 80;

/** Lowercase letters and digits only: "FLUX.2 [flex]", "flux-2-flex" and "flux2flex" are one name. */
function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The key without its leading words, word by word: "flux-kontext-pro" gives "kontextpro" and "pro". */
function wordSuffixes(key: string): string[] {
  const words = key.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return words.slice(1).map((_, i) => words.slice(i + 1).join(""));
}

/**
 * Optimal string alignment distance of `query` to `key` (a swap of neighbours counts once, so
 * "ideogarm" is 1 from "ideogram"), and to the closest prefix of `key`, in one table.
 */
function distances(query: string, key: string): { full: number; prefix: number } {
  const rows = query.length + 1;
  const cols = key.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = query[i - 1] === key[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && query[i - 1] === key[j - 2] && query[i - 2] === key[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  const last = d[rows - 1]!;
  return { full: last[cols - 1]!, prefix: Math.min(...last) };
}

// A whole-name match beats a prefix (a family over its longer variants), which beats a match
// that skips the name's first words.
const PREFIX_PENALTY = 0.5;
const INNER_PENALTY = 1;

function score(query: string, keys: readonly string[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const key of keys) {
    const { full, prefix } = distances(query, compact(key));
    best = Math.min(best, full, prefix + PREFIX_PENALTY);
    for (const suffix of wordSuffixes(key)) best = Math.min(best, distances(query, suffix).prefix + INNER_PENALTY);
  }
  return best;
}

/** How far off a guess may be and still be offered: about a third of what was typed, at least 1.5. */
function threshold(query: string): number {
  return Math.max(1.5, query.length / 3);
}

/**
 * The `limit` candidates closest to `input` (an unknown slug), closest first; families before
 * variants at the same distance, then shorter names. Nothing when no candidate is close.
 */
export function suggestModels(input: string, candidates: readonly SuggestionCandidate[], limit = 3): Suggestion[] {
  const query = compact(normalizeSlug(input)).slice(0, MAX_QUERY_CHARS);
  if (!query) return [];
  const max = threshold(query);
  return candidates
    .map((c) => ({ c, score: score(query, c.keys) }))
    .filter((s) => s.score <= max)
    .sort(
      (a, b) =>
        a.score - b.score ||
        Number(a.c.kind === "variant") - Number(b.c.kind === "variant") ||
        a.c.name.length - b.c.name.length ||
        a.c.name.localeCompare(b.c.name),
    )
    .slice(0, limit)
    .map(({ c }) => ({ kind: c.kind, name: c.name, href: c.href }));
}

/** Each listed family and variant, with what it is called, linking to its page. */
export function suggestionCandidates(
  variants: readonly Pick<VariantView, "slug" | "displayName" | "aliases" | "family">[],
): SuggestionCandidate[] {
  const families = new Map<string, SuggestionCandidate>();
  for (const v of variants) {
    if (!families.has(v.family.slug)) {
      families.set(v.family.slug, {
        kind: "family",
        name: v.family.name,
        href: `/models/family/${v.family.slug}`,
        keys: [v.family.slug, v.family.name],
      });
    }
  }
  const variantCandidates = variants.map((v): SuggestionCandidate => ({
    kind: "variant",
    name: v.displayName,
    href: `/models/${v.slug}`,
    keys: [v.slug, v.displayName, ...v.aliases],
  }));
  return [...families.values(), ...variantCandidates];
}

/** The words of a slug, for a search box: "models/flux-2-flx" -> "flux 2 flx". */
export function slugSearchWords(input: string): string {
  return normalizeSlug(input)
    .split(/[^a-z0-9.]+/)
    .filter(Boolean)
    .join(" ")
    .slice(0, 200);
}

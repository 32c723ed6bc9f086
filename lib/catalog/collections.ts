// Curated and computed lists of variants, each a page at /models/collections/<slug>. Pure: the page
// loads the listed variants and their figures and this decides what is shown and in what order.

import type { VariantFigures } from "@/lib/stats/types";
import type { VariantView } from "./types";

export const collectionSlugs = ["fastest", "cheapest", "text-in-images", "image-editing", "new"] as const;
export type CollectionSlug = (typeof collectionSlugs)[number];

export type Collection = {
  slug: CollectionSlug;
  title: string;
  /** One line: why these models, and in this order. */
  why: string;
};

const NEWEST_COUNT = 8;

export const collections: readonly Collection[] = [
  { slug: "fastest", title: "Fastest", why: "Ranked by median time to a delivered image over the last 7 days, across all accounts." },
  { slug: "cheapest", title: "Cheapest", why: "Every listed model by its price per image, lowest first." },
  {
    slug: "text-in-images",
    title: "Best for text in images",
    why: "Models whose selling point is legible lettering: signs, labels, posters and packaging.",
  },
  { slug: "image-editing", title: "Image editing", why: "Models that take your images in: edits by instruction and image-to-image." },
  { slug: "new", title: "New", why: `The ${NEWEST_COUNT} most recently released models, newest first.` },
];

/*
 * Chosen from the catalog source's own descriptions: GPT Image ("legible text"), Qwen Image ("strong
 * at text in images"), FLUX.2 [flex] (steps for "cleaner text") and FLUX.1 Kontext [max] ("stronger
 * at typography"). The catalog's Ideogram model is Ideogram Character, sold on consistent people, so
 * it is not here. A slug the catalog no longer lists is skipped.
 */
export const textInImagesSlugs = [
  "gpt-image-1.5-text-to-image-high",
  "qwen-image-text-to-image",
  "flux-2-flex-text-to-image-2k",
  "flux-2-flex-text-to-image-1k",
  "flux-kontext-max-text-to-image",
  "gpt-image-1.5-image-to-image-high",
  "qwen-image-image-to-image",
] as const;

export function findCollection(slug: string): Collection | null {
  return collections.find((c) => c.slug === slug) ?? null;
}

export type CollectionSection = {
  /** Null for a collection shown as one list. */
  heading: string | null;
  note: string | null;
  variants: VariantView[];
};

/**
 * The collection's variants, in sections. `variants` are the listed ones in catalog order, which
 * breaks ties; `figures` are the last 7 days' by slug.
 */
export function buildCollection(
  slug: CollectionSlug,
  variants: readonly VariantView[],
  figures: ReadonlyMap<string, VariantFigures>,
): CollectionSection[] {
  const one = (list: VariantView[]): CollectionSection[] => [{ heading: null, note: null, variants: list }];
  switch (slug) {
    case "fastest":
      return fastest(variants, figures);
    case "cheapest":
      return one([...variants].sort((a, b) => a.priceMicros - b.priceMicros));
    case "text-in-images": {
      const bySlug = new Map(variants.map((v) => [v.slug, v]));
      return one(textInImagesSlugs.flatMap((s) => bySlug.get(s) ?? []));
    }
    case "image-editing":
      return one(variants.filter((v) => v.task === "edit" || v.task === "image_to_image"));
    case "new":
      return one([...variants].sort((a, b) => b.releaseDate.localeCompare(a.releaseDate)).slice(0, NEWEST_COUNT));
  }
}

function fastest(variants: readonly VariantView[], figures: ReadonlyMap<string, VariantFigures>): CollectionSection[] {
  const median = (v: VariantView) => figures.get(v.slug)?.medianLatencyMs ?? null;
  const ranked = variants.filter((v) => median(v) !== null).sort((a, b) => (median(a) ?? 0) - (median(b) ?? 0));
  const unranked = variants.filter((v) => median(v) === null);
  const sections: CollectionSection[] = [];
  if (ranked.length > 0) sections.push({ heading: "Ranked by median latency", note: null, variants: ranked });
  if (unranked.length > 0) {
    sections.push({
      heading: "Not ranked yet",
      note: "No delivered image in the last 7 days, so there is no latency to rank them by.",
      variants: unranked,
    });
  }
  return sections;
}

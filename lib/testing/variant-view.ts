import type { VariantView } from "@/lib/catalog/types";

/** A catalog variant for unit tests that need no database: a plain FLUX.2 [pro]-like text-to-image model, changed by `over`. */
export function testVariant(slug: string, over: Partial<VariantView> = {}): VariantView {
  return {
    slug,
    displayName: slug,
    aliases: [],
    provider: { slug: "bfl", name: "Black Forest Labs" },
    family: { slug: "flux-2-pro", name: "FLUX.2 [pro]" },
    modality: "image",
    task: "text_to_image",
    resolutionTier: null,
    priceMicros: 35_000,
    priceCredits: 5,
    referencePriceMicros: null,
    referenceSource: null,
    upstreamCostMicros: null,
    parameters: [],
    status: "operational",
    releaseDate: "2025-11-25",
    description: "",
    useCases: [],
    relatedSlugs: [],
    featured: false,
    ...over,
  };
}

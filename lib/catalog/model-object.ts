import { z } from "zod";
import { Modality, ModelTask } from "@/lib/db/generated/enums";
import { microsToCredits } from "./pricing";
import type { VariantView } from "./types";

export const listModelsQuery = z.strictObject({
  modality: z.enum(Modality).optional(),
  provider: z.string().trim().toLowerCase().max(100).optional(),
  task: z.enum(ModelTask).optional(),
});

/** A variant in the OpenAI `model` shape, plus what image users need: price, task, parameters. */
export function toModelObject(variant: VariantView) {
  return {
    id: variant.slug,
    object: "model" as const,
    created: Math.floor(Date.parse(`${variant.releaseDate}T00:00:00Z`) / 1000),
    owned_by: variant.provider.slug,
    name: variant.displayName,
    family: variant.family.slug,
    aliases: variant.aliases,
    modality: variant.modality,
    task: variant.task,
    resolution_tier: variant.resolutionTier,
    status: variant.status,
    release_date: variant.releaseDate,
    description: variant.description,
    pricing: {
      unit: "image" as const,
      price_micros: variant.priceMicros,
      price_usd: variant.priceMicros / 1_000_000,
      credits: microsToCredits(variant.priceMicros),
      reference: variant.referencePriceMicros === null
        ? null
        : { price_micros: variant.referencePriceMicros, price_usd: variant.referencePriceMicros / 1_000_000, source: variant.referenceSource },
    },
    parameters: variant.parameters,
  };
}

import { z } from "zod";
import { type PricingModel, tierPricesMicros, volumeTiers } from "@/lib/billing/tiers";
import { Modality, ModelTask, VariantStatus } from "@/lib/db/generated/enums";
import { paramDescriptorSchema } from "./params";
import { microsToCredits } from "./pricing";
import type { VariantView } from "./types";

export const listModelsQuery = z.strictObject({
  modality: z.enum(Modality).optional(),
  provider: z.string().trim().toLowerCase().max(100).optional(),
  task: z.enum(ModelTask).optional(),
});

const price = { price_micros: z.number().int(), price_usd: z.number() };

const volumeTierSchema = z.object({
  name: z.string(),
  min_month_spend_micros: z.number().int().meta({ description: "The account's month-to-date spend (UTC) from which this price applies" }),
  ...price,
});

// The answer of GET /v1/models/{id}, for the OpenAPI document; toModelObject is typed by it.
export const modelObjectSchema = z
  .object({
    id: z.string().meta({ description: "The canonical slug; every alias works in its place" }),
    object: z.literal("model"),
    created: z.number().int().meta({ description: "Release date, Unix seconds" }),
    owned_by: z.string(),
    name: z.string(),
    family: z.string(),
    aliases: z.array(z.string()),
    modality: z.enum(Modality),
    task: z.enum(ModelTask),
    resolution_tier: z.string().nullable(),
    status: z.enum(VariantStatus),
    release_date: z.string().meta({ description: "YYYY-MM-DD" }),
    description: z.string(),
    pricing: z.object({
      unit: z.literal("image"),
      ...price,
      credits: z.number(),
      model: z.enum(["tiers", "passthrough"]).meta({
        description: "tiers: price_micros is the list price, lowered by the account's month spend (see tiers); passthrough: price_micros is the upstream's price and a platform fee is taken at top-up",
      }),
      tiers: z.array(volumeTierSchema).nullable().meta({ description: "The price per image at each volume tier, the first being price_micros; null under passthrough" }),
      reference: z
        .object({ ...price, source: z.string().nullable() })
        .nullable()
        .meta({ description: "What the upstream itself charges, where known" }),
    }),
    parameters: z.array(paramDescriptorSchema).meta({ description: "The fields `input` takes, with ranges and defaults" }),
  })
  .meta({ id: "Model" });

export const modelListSchema = z.object({ object: z.literal("list"), data: z.array(modelObjectSchema) });

/** A variant in the OpenAI `model` shape, plus what image users need: price, task, parameters. */
export function toModelObject(variant: VariantView, pricingModel: PricingModel): z.input<typeof modelObjectSchema> {
  const tierPrices = tierPricesMicros(variant.priceMicros, variant.upstreamCostMicros);
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
      model: pricingModel,
      tiers: pricingModel === "tiers"
        ? volumeTiers.map((t, i) => ({
            name: t.name,
            min_month_spend_micros: t.fromMicros,
            price_micros: tierPrices[i]!,
            price_usd: tierPrices[i]! / 1_000_000,
          }))
        : null,
      reference: variant.referencePriceMicros === null
        ? null
        : { price_micros: variant.referencePriceMicros, price_usd: variant.referencePriceMicros / 1_000_000, source: variant.referenceSource },
    },
    parameters: variant.parameters,
  };
}

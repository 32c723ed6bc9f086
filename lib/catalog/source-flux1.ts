import { legacyCatalogSlug } from "./aliases";
import {
  aspectRatioParam,
  flexibleRatios,
  inputImagesParam,
  matchInput,
  outputFormatParam,
  promptParam,
  promptUpsamplingParam,
  safetyToleranceParam,
  seedParam,
} from "./param-presets";
import type { ParamDescriptor } from "./params";
import type { SourceVariant } from "./source-schema";

// FLUX.1 Kontext and FLUX1.1 [pro]: upstreams charge a flat price per image.

const bfl = "black-forest-labs";
const legacy = (displayName: string) => legacyCatalogSlug(bfl, displayName);


function kontextParams(task: "text_to_image" | "edit"): ParamDescriptor[] {
  return [
    promptParam(5000),
    ...(task === "edit"
      ? [inputImagesParam(4), aspectRatioParam([matchInput, ...flexibleRatios], matchInput)]
      : [aspectRatioParam(flexibleRatios, "1:1")]),
    promptUpsamplingParam(false),
    seedParam(),
    safetyToleranceParam(6),
    outputFormatParam(["jpeg", "png"], "png"),
  ];
}

function flux11Params(ultra: boolean): ParamDescriptor[] {
  return [
    promptParam(5000),
    aspectRatioParam(flexibleRatios, ultra ? "16:9" : "4:3"),
    ...(ultra
      ? [
          {
            type: "boolean",
            name: "raw",
            label: "Raw mode",
            description: "Less processed, more natural-looking photos with candid lighting and texture.",
            default: false,
          } satisfies ParamDescriptor,
        ]
      : []),
    promptUpsamplingParam(false),
    seedParam(),
    safetyToleranceParam(6),
    outputFormatParam(["jpeg", "png"], "jpeg"),
  ];
}

const kontextRelease = "2025-05-29";

export const flux1Variants: SourceVariant[] = [
  {
    slug: "flux-kontext-pro-text-to-image",
    familySlug: "flux-kontext-pro",
    displayName: "FLUX.1 Kontext [pro] · text-to-image",
    modality: "image",
    task: "text_to_image",
    resolutionTier: null,
    priceMicros: 35_000,
    referencePriceMicros: 40_000,
    referenceSource: "Black Forest Labs API",
    releaseDate: kontextRelease,
    description:
      "FLUX.1 Kontext [pro] generating from a prompt alone: quick, dependable, and good at short lines of text inside the image.",
    useCases: ["Social media graphics", "Illustration", "Fast iteration"],
    relatedSlugs: ["flux-kontext-max-text-to-image", "flux-kontext-pro-edit", "flux-2-pro-text-to-image-1k"],
    featured: true,
    parameters: kontextParams("text_to_image"),
    aliases: [
      legacy("Black Forest Labs flux1-kontext, text-to-image, Pro"),
      "flux-kontext-pro",
      "black-forest-labs/flux-kontext-pro",
      "fal-ai/flux-pro/kontext/text-to-image",
    ],
    routes: [
      { providerSlug: bfl, upstreamModel: "flux-kontext-pro", priority: 1, upstreamCostMicros: 40_000 },
      { providerSlug: "fal", upstreamModel: "fal-ai/flux-pro/kontext/text-to-image", priority: 2, upstreamCostMicros: 40_000 },
      { providerSlug: "replicate", upstreamModel: "black-forest-labs/flux-kontext-pro", priority: 3, upstreamCostMicros: 40_000 },
    ],
  },
  {
    slug: "flux-kontext-max-text-to-image",
    familySlug: "flux-kontext-max",
    displayName: "FLUX.1 Kontext [max] · text-to-image",
    modality: "image",
    task: "text_to_image",
    resolutionTier: null,
    priceMicros: 70_000,
    referencePriceMicros: 80_000,
    referenceSource: "Black Forest Labs API",
    releaseDate: kontextRelease,
    description:
      "The larger Kontext model, with noticeably better typography and prompt adherence than Kontext [pro].",
    useCases: ["Text in images", "Logos and signage", "Detailed scenes"],
    relatedSlugs: ["flux-kontext-pro-text-to-image", "flux-kontext-max-edit", "flux-2-max-text-to-image-1k"],
    featured: false,
    parameters: kontextParams("text_to_image"),
    aliases: [
      legacy("Black Forest Labs flux1-kontext, text-to-image, Max"),
      "flux-kontext-max",
      "black-forest-labs/flux-kontext-max",
      "fal-ai/flux-pro/kontext/max/text-to-image",
    ],
    routes: [
      { providerSlug: bfl, upstreamModel: "flux-kontext-max", priority: 1, upstreamCostMicros: 80_000 },
      { providerSlug: "fal", upstreamModel: "fal-ai/flux-pro/kontext/max/text-to-image", priority: 2, upstreamCostMicros: 80_000 },
      { providerSlug: "replicate", upstreamModel: "black-forest-labs/flux-kontext-max", priority: 3, upstreamCostMicros: 80_000 },
    ],
  },
  {
    slug: "flux-kontext-pro-edit",
    familySlug: "flux-kontext-pro",
    displayName: "FLUX.1 Kontext [pro] · edit",
    modality: "image",
    task: "edit",
    resolutionTier: null,
    priceMicros: 49_000,
    referencePriceMicros: 40_000,
    referenceSource: "Black Forest Labs API",
    releaseDate: kontextRelease,
    description:
      "Describe a change (\"make the jacket red\", \"remove the car\") and Kontext [pro] applies it to up to four input images, leaving everything else as it was.",
    useCases: ["Object removal", "Recolouring", "Background changes"],
    relatedSlugs: ["flux-kontext-max-edit", "flux-kontext-pro-text-to-image", "flux-2-pro-image-to-image-1k"],
    featured: false,
    parameters: kontextParams("edit"),
    aliases: ["fal-ai/flux-pro/kontext", "fal-ai/flux-pro/kontext/multi"],
    routes: [
      { providerSlug: bfl, upstreamModel: "flux-kontext-pro", priority: 1, upstreamCostMicros: 40_000 },
      { providerSlug: "fal", upstreamModel: "fal-ai/flux-pro/kontext/multi", priority: 2, upstreamCostMicros: 40_000 },
    ],
  },
  {
    slug: "flux-kontext-max-edit",
    familySlug: "flux-kontext-max",
    displayName: "FLUX.1 Kontext [max] · edit",
    modality: "image",
    task: "edit",
    resolutionTier: null,
    priceMicros: 105_000,
    referencePriceMicros: 80_000,
    referenceSource: "Black Forest Labs API",
    releaseDate: kontextRelease,
    description:
      "Kontext [max] for demanding instruction edits, such as rewriting text on a sign or keeping a character consistent over a series of changes.",
    useCases: ["Text replacement", "Character continuity", "Precise retouching"],
    relatedSlugs: ["flux-kontext-pro-edit", "flux-kontext-max-text-to-image", "flux-2-max-image-to-image-1k"],
    featured: false,
    parameters: kontextParams("edit"),
    aliases: ["fal-ai/flux-pro/kontext/max", "fal-ai/flux-pro/kontext/max/multi"],
    routes: [
      { providerSlug: bfl, upstreamModel: "flux-kontext-max", priority: 1, upstreamCostMicros: 80_000 },
      { providerSlug: "fal", upstreamModel: "fal-ai/flux-pro/kontext/max/multi", priority: 2, upstreamCostMicros: 80_000 },
    ],
  },
  {
    slug: "flux-1.1-pro-text-to-image",
    familySlug: "flux-1.1-pro",
    displayName: "FLUX1.1 [pro] · text-to-image",
    modality: "image",
    task: "text_to_image",
    resolutionTier: null,
    priceMicros: 49_000,
    referencePriceMicros: 40_000,
    referenceSource: "Black Forest Labs API",
    releaseDate: "2024-10-02",
    description:
      "The established FLUX1.1 [pro] model: fast, predictable text-to-image at about one megapixel that many existing pipelines are already tuned for.",
    useCases: ["Existing FLUX1.1 pipelines", "Blog illustrations", "Batch generation"],
    relatedSlugs: ["flux-1.1-pro-text-to-image-ultra", "flux-2-pro-text-to-image-1k", "flux-kontext-pro-text-to-image"],
    featured: false,
    parameters: flux11Params(false),
    aliases: ["flux-1.1-pro", "flux-pro-1.1", "black-forest-labs/flux-1.1-pro", "fal-ai/flux-pro/v1.1"],
    routes: [
      { providerSlug: bfl, upstreamModel: "flux-pro-1.1", priority: 1, upstreamCostMicros: 40_000 },
      { providerSlug: "fal", upstreamModel: "fal-ai/flux-pro/v1.1", priority: 2, upstreamCostMicros: 40_000 },
      { providerSlug: "replicate", upstreamModel: "black-forest-labs/flux-1.1-pro", priority: 3, upstreamCostMicros: 40_000 },
    ],
  },
  {
    slug: "flux-1.1-pro-text-to-image-ultra",
    familySlug: "flux-1.1-pro",
    displayName: "FLUX1.1 [pro] · text-to-image · Ultra",
    modality: "image",
    task: "text_to_image",
    resolutionTier: "Ultra",
    priceMicros: 77_000,
    referencePriceMicros: 60_000,
    referenceSource: "Black Forest Labs API",
    releaseDate: "2024-11-06",
    description:
      "FLUX1.1 [pro] in ultra mode renders up to four megapixels at a flat price, with an optional raw mode for a less polished, more candid photographic look.",
    useCases: ["Wallpapers", "Candid-style photography", "Large prints"],
    relatedSlugs: ["flux-1.1-pro-text-to-image", "flux-2-pro-text-to-image-2k", "flux-2-max-text-to-image-2k"],
    featured: false,
    parameters: flux11Params(true),
    aliases: [
      "flux-1.1-pro-ultra",
      "flux-pro-1.1-ultra",
      "black-forest-labs/flux-1.1-pro-ultra",
      "fal-ai/flux-pro/v1.1-ultra",
    ],
    routes: [
      { providerSlug: bfl, upstreamModel: "flux-pro-1.1-ultra", priority: 1, upstreamCostMicros: 60_000 },
      { providerSlug: "fal", upstreamModel: "fal-ai/flux-pro/v1.1-ultra", priority: 2, upstreamCostMicros: 60_000 },
      { providerSlug: "replicate", upstreamModel: "black-forest-labs/flux-1.1-pro-ultra", priority: 3, upstreamCostMicros: 60_000 },
    ],
  },
];

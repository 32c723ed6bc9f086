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

const bfl = "black-forest-labs";
const legacy = (displayName: string) => legacyCatalogSlug(bfl, displayName);

// FLUX.2 [flex], [pro] and [max]: upstreams price them per megapixel.

type Flux2Family = "flux-2-flex" | "flux-2-pro" | "flux-2-max";
type Flux2Task = "text_to_image" | "image_to_image";
type Flux2Tier = "1K" | "2K";

/**
 * Megapixels an upstream bills for one image: the output at the tier's default 4:3 shape (1K:
 * 1024x768, billed as 1 MP; 2K: 2048x1536, about 3 MP, which is how fal reaches its $0.18 list
 * price for a flex 2K image) plus, for image-to-image, one reference image of about 1 MP.
 */
const outputMegapixels: Record<Flux2Tier, number> = { "1K": 1, "2K": 3 };
const referenceMegapixels = 1;

const flux2Families: Record<
  Flux2Family,
  {
    name: string;
    releaseDate: string;
    /** Micro-USD list rates (PROTOCOLS.md §1): first output MP, each further output MP, each input MP. */
    rates: { firstMp: number; extraMp: number; inputMp: number };
    referenceSource: "fal.ai" | "Black Forest Labs API";
    parameters: (task: Flux2Task) => ParamDescriptor[];
  }
> = {
  "flux-2-flex": {
    name: "FLUX.2 [flex]",
    releaseDate: "2025-11-25",
    rates: { firstMp: 60_000, extraMp: 60_000, inputMp: 60_000 },
    referenceSource: "fal.ai",
    parameters: (task) => [
      ...flux2Common(task),
      {
        type: "integer",
        name: "steps",
        label: "Steps",
        description: "Sampling steps: fewer is faster, more gives finer detail and cleaner text.",
        min: 1,
        max: 50,
        step: 1,
        default: 50,
      },
      {
        type: "number",
        name: "guidance",
        label: "Guidance",
        description: "How literally to follow the prompt; higher values trade variety for adherence.",
        min: 1.5,
        max: 10,
        step: 0.1,
        default: 5,
      },
      promptUpsamplingParam(true),
      ...flux2Tail(),
    ],
  },
  "flux-2-pro": {
    name: "FLUX.2 [pro]",
    releaseDate: "2025-11-25",
    rates: { firstMp: 30_000, extraMp: 15_000, inputMp: 15_000 },
    referenceSource: "Black Forest Labs API",
    parameters: (task) => [...flux2Common(task), disablePupParam(), ...flux2Tail()],
  },
  "flux-2-max": {
    name: "FLUX.2 [max]",
    releaseDate: "2025-12-16",
    rates: { firstMp: 70_000, extraMp: 30_000, inputMp: 30_000 },
    referenceSource: "Black Forest Labs API",
    parameters: (task) => [...flux2Common(task), disablePupParam(), ...flux2Tail()],
  },
};

function flux2Common(task: Flux2Task): ParamDescriptor[] {
  return task === "text_to_image"
    ? [promptParam(5000), aspectRatioParam(flexibleRatios, "4:3")]
    : [promptParam(5000), inputImagesParam(8), aspectRatioParam([matchInput, ...flexibleRatios], matchInput)];
}

function flux2Tail(): ParamDescriptor[] {
  return [seedParam(), safetyToleranceParam(5), outputFormatParam(["jpeg", "png", "webp"], "jpeg")];
}

function disablePupParam(): ParamDescriptor {
  return {
    type: "boolean",
    name: "disable_pup",
    label: "Skip prompt upsampling",
    description: "Use the prompt exactly as written instead of letting the model expand it first.",
    default: false,
  };
}

function flux2CostMicros(family: Flux2Family, task: Flux2Task, tier: Flux2Tier): number {
  const { firstMp, extraMp, inputMp } = flux2Families[family].rates;
  const input = task === "image_to_image" ? referenceMegapixels * inputMp : 0;
  return firstMp + (outputMegapixels[tier] - 1) * extraMp + input;
}

type Flux2Spec = Pick<SourceVariant, "priceMicros" | "description" | "useCases" | "relatedSlugs" | "aliases"> & {
  featured?: boolean;
};

function flux2Variant(family: Flux2Family, task: Flux2Task, tier: Flux2Tier, spec: Flux2Spec): SourceVariant {
  const f = flux2Families[family];
  const cost = flux2CostMicros(family, task, tier);
  const isEdit = task === "image_to_image";
  return {
    slug: `${family}-${isEdit ? "image-to-image" : "text-to-image"}-${tier.toLowerCase()}`,
    familySlug: family,
    displayName: `${f.name} · ${isEdit ? "image-to-image" : "text-to-image"} · ${tier}`,
    modality: "image",
    task,
    resolutionTier: tier,
    priceMicros: spec.priceMicros,
    referencePriceMicros: cost,
    referenceSource: f.referenceSource,
    releaseDate: f.releaseDate,
    description: spec.description,
    useCases: spec.useCases,
    relatedSlugs: spec.relatedSlugs,
    featured: spec.featured ?? false,
    parameters: f.parameters(task),
    aliases: spec.aliases,
    routes: [
      { providerSlug: bfl, upstreamModel: family, priority: 1, upstreamCostMicros: cost },
      { providerSlug: "fal", upstreamModel: `fal-ai/${family}${isEdit ? "/edit" : ""}`, priority: 2, upstreamCostMicros: cost },
      { providerSlug: "replicate", upstreamModel: `${bfl}/${family}`, priority: 3, upstreamCostMicros: cost },
    ],
  };
}

export const flux2Variants: SourceVariant[] = [
  flux2Variant("flux-2-flex", "text_to_image", "2K", {
    priceMicros: 168_000,
    featured: true,
    description:
      "FLUX.2 [flex] at 2K with the sampling controls left in your hands: set the number of steps and the guidance strength yourself. The extra control pays off most on text-heavy layouts and fine detail.",
    useCases: ["Posters and typography", "Marketing assets", "Product mockups"],
    relatedSlugs: [
      "flux-2-flex-text-to-image-1k",
      "flux-2-flex-image-to-image-2k",
      "flux-2-pro-text-to-image-2k",
      "flux-kontext-max-text-to-image",
      "gpt-image-1.5-text-to-image-high",
      "qwen-image-text-to-image",
    ],
    aliases: [
      legacy("Black Forest Labs Flux 2 Flex, text-to-image, 1.0s-2K"),
      "flux-2-flex",
      "black-forest-labs/flux-2-flex",
      "flux-2-flex-text-to-image",
      "fal-ai/flux-2-flex",
    ],
  }),
  flux2Variant("flux-2-flex", "text_to_image", "1K", {
    priceMicros: 98_000,
    description:
      "The tunable FLUX.2 model at about one megapixel. Drop the step count for quick drafts, or keep all 50 for its sharpest lettering.",
    useCases: ["Typography drafts", "Concept art", "Social media graphics"],
    relatedSlugs: ["flux-2-flex-text-to-image-2k", "flux-2-flex-image-to-image-1k", "flux-2-pro-text-to-image-1k"],
    aliases: [legacy("Black Forest Labs Flux 2 Flex, text-to-image, 1.0s-1K")],
  }),
  flux2Variant("flux-2-flex", "image_to_image", "2K", {
    priceMicros: 168_000,
    description:
      "Edits or combines up to eight reference images with FLUX.2 [flex] and returns a 2K result. Steps and guidance stay adjustable, so you decide how closely the output sticks to the prompt.",
    useCases: ["Product photo edits", "Brand-consistent variations", "Multi-reference composites"],
    relatedSlugs: [
      "flux-2-flex-image-to-image-1k",
      "flux-2-flex-text-to-image-2k",
      "flux-2-pro-image-to-image-2k",
      "flux-kontext-pro-edit",
    ],
    aliases: [
      legacy("Black Forest Labs Flux 2 Flex, image to image, 1.0s-2K"),
      "flux-2-flex-image-to-image",
      "fal-ai/flux-2-flex/edit",
    ],
  }),
  flux2Variant("flux-2-flex", "image_to_image", "1K", {
    priceMicros: 98_000,
    description:
      "Reference-guided FLUX.2 [flex] generation at about one megapixel from up to eight input images. A sensible place to tune steps and guidance before rendering at 2K.",
    useCases: ["Edit previews", "Style transfer", "Product variations"],
    relatedSlugs: ["flux-2-flex-image-to-image-2k", "flux-2-flex-text-to-image-1k", "flux-2-pro-image-to-image-1k"],
    aliases: [legacy("Black Forest Labs Flux 2 Flex, image to image, 1.0s-1K")],
  }),
  flux2Variant("flux-2-pro", "text_to_image", "1K", {
    priceMicros: 35_000,
    featured: true,
    description:
      "The everyday FLUX.2 model: strong photorealism and prompt following with nothing to tune, at about one megapixel. The least expensive way into the FLUX.2 family.",
    useCases: ["Product photography", "Marketing assets", "Concept art"],
    relatedSlugs: [
      "flux-2-pro-text-to-image-2k",
      "flux-2-pro-image-to-image-1k",
      "flux-2-flex-text-to-image-1k",
      "flux-2-max-text-to-image-1k",
      "flux-kontext-pro-text-to-image",
    ],
    aliases: [
      legacy("Black Forest Labs flux-2 pro, text-to-image, 1.0s-1K"),
      "flux-2-pro",
      "black-forest-labs/flux-2-pro",
      "fal-ai/flux-2-pro",
      "flux-2-pro-text-to-image",
    ],
  }),
  flux2Variant("flux-2-pro", "text_to_image", "2K", {
    priceMicros: 49_000,
    description:
      "FLUX.2 [pro] rendered at 2K for detail that holds up in print and on large screens. The prompt is expanded automatically unless you switch that off.",
    useCases: ["Print and large-format", "Hero images", "Editorial illustration"],
    relatedSlugs: ["flux-2-pro-text-to-image-1k", "flux-2-pro-image-to-image-2k", "flux-2-flex-text-to-image-2k"],
    aliases: [legacy("Black Forest Labs flux-2 pro, text-to-image, 1.0s-2K")],
  }),
  flux2Variant("flux-2-pro", "image_to_image", "1K", {
    priceMicros: 35_000,
    description:
      "FLUX.2 [pro] working from up to eight reference images, for edits, product swaps and characters that stay the same across shots. About one megapixel.",
    useCases: ["Product swaps", "Consistent characters", "Quick edits"],
    relatedSlugs: ["flux-2-pro-image-to-image-2k", "flux-2-pro-text-to-image-1k", "flux-kontext-pro-edit"],
    aliases: [
      legacy("Black Forest Labs flux-2 pro, image to image, 1.0s-1K"),
      "flux-2-pro-image-to-image",
      "fal-ai/flux-2-pro/edit",
    ],
  }),
  flux2Variant("flux-2-pro", "image_to_image", "2K", {
    priceMicros: 49_000,
    description:
      "Multi-reference editing with FLUX.2 [pro] at 2K. Keeps people, products and styles consistent across up to eight input images.",
    useCases: ["Catalog imagery", "Brand campaigns", "High-resolution edits"],
    relatedSlugs: ["flux-2-pro-image-to-image-1k", "flux-2-flex-image-to-image-2k", "flux-2-max-image-to-image-2k"],
    aliases: [legacy("Black Forest Labs flux-2 pro, image to image, 1.0s-2K")],
  }),
  flux2Variant("flux-2-max", "text_to_image", "1K", {
    priceMicros: 91_000,
    description:
      "The highest-quality FLUX.2 model, for work where prompt adherence and fine detail matter more than price. About one megapixel.",
    useCases: ["Key visuals", "Complex scenes", "Detailed illustration"],
    relatedSlugs: ["flux-2-max-text-to-image-2k", "flux-2-max-image-to-image-1k", "flux-2-pro-text-to-image-1k"],
    aliases: ["flux-2-max", "black-forest-labs/flux-2-max", "fal-ai/flux-2-max", "flux-2-max-text-to-image"],
  }),
  flux2Variant("flux-2-max", "text_to_image", "2K", {
    priceMicros: 168_000,
    description: "FLUX.2 [max] at 2K: the family's best quality at its largest standard size, for final assets.",
    useCases: ["Final campaign assets", "Print", "Cover art"],
    relatedSlugs: ["flux-2-max-text-to-image-1k", "flux-2-flex-text-to-image-2k", "flux-2-pro-text-to-image-2k"],
    aliases: [],
  }),
  flux2Variant("flux-2-max", "image_to_image", "1K", {
    priceMicros: 133_000,
    description:
      "Top-tier FLUX.2 editing from up to eight references, at its best keeping faces, objects and small details intact. About one megapixel.",
    useCases: ["Identity-preserving edits", "Product placement", "Complex composites"],
    relatedSlugs: ["flux-2-max-image-to-image-2k", "flux-2-max-text-to-image-1k", "flux-2-pro-image-to-image-1k"],
    aliases: ["flux-2-max-image-to-image", "fal-ai/flux-2-max/edit"],
  }),
  flux2Variant("flux-2-max", "image_to_image", "2K", {
    priceMicros: 210_000,
    description: "FLUX.2 [max] editing at 2K for finished deliverables, working from up to eight reference images.",
    useCases: ["Final retouching", "High-end product imagery", "Print composites"],
    relatedSlugs: ["flux-2-max-image-to-image-1k", "flux-2-pro-image-to-image-2k", "flux-2-flex-image-to-image-2k"],
    aliases: [],
  }),
];

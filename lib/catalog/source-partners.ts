import { legacyCatalogSlug } from "./aliases";
import {
  aspectRatioParam,
  inputImagesParam,
  matchInput,
  negativePromptParam,
  outputFormatParam,
  promptParam,
  promptUpsamplingParam,
  seedParam,
} from "./param-presets";
import type { ParamDescriptor } from "./params";
import type { SourceVariant } from "./source-schema";

// ---- GPT Image 1.5 (OpenAI). Upstream prices a high-quality image at $0.133 square and $0.20
// landscape or portrait; one catalog price covers all three shapes, so it is set from the $0.20 case.

const gptRatios = ["1:1", "3:2", "2:3"];

function gptImageParams(task: "text_to_image" | "image_to_image"): ParamDescriptor[] {
  const edit = task === "image_to_image";
  return [
    promptParam(32_000),
    ...(edit
      ? [inputImagesParam(16), aspectRatioParam([matchInput, ...gptRatios], matchInput)]
      : [aspectRatioParam(gptRatios, "1:1")]),
    {
      type: "enum",
      name: "background",
      label: "Background",
      description: "Transparent backgrounds need png or webp output.",
      options: ["auto", "transparent", "opaque"],
      default: "auto",
    },
    ...(edit
      ? [
          {
            type: "enum",
            name: "input_fidelity",
            label: "Input fidelity",
            description: "High keeps faces, logos and fine detail from the input images closer to the original.",
            options: ["low", "high"],
            default: "low",
            advanced: true,
          } satisfies ParamDescriptor,
        ]
      : []),
    outputFormatParam(["png", "jpeg", "webp"], "png"),
  ];
}

// ---- Qwen Image (Alibaba): open weights, served by fal and Replicate.

const qwenRatios = ["1:1", "4:3", "3:4", "16:9", "9:16"];

function qwenParams(task: "text_to_image" | "image_to_image"): ParamDescriptor[] {
  const edit = task === "image_to_image";
  return [
    promptParam(5000),
    ...(edit
      ? [inputImagesParam(1), aspectRatioParam([matchInput, ...qwenRatios], matchInput)]
      : [aspectRatioParam(qwenRatios, "4:3")]),
    {
      type: "integer",
      name: "steps",
      label: "Steps",
      description: "Sampling steps: fewer is faster, more gives cleaner detail.",
      min: 2,
      max: 50,
      step: 1,
      default: 30,
      advanced: true,
    },
    {
      type: "number",
      name: "guidance",
      label: "Guidance",
      description: "How literally to follow the prompt.",
      min: 0,
      max: 20,
      step: 0.1,
      default: edit ? 4 : 2.5,
      advanced: true,
    },
    negativePromptParam(),
    seedParam(),
    outputFormatParam(["png", "jpeg"], "png"),
  ];
}

export const partnerVariants: SourceVariant[] = [
  {
    slug: "gpt-image-1.5-text-to-image-high",
    familySlug: "gpt-image-1.5",
    displayName: "GPT Image 1.5 · text-to-image · high",
    modality: "image",
    task: "text_to_image",
    resolutionTier: "high",
    priceMicros: 245_000,
    referencePriceMicros: 133_000,
    referenceSource: "OpenAI API",
    releaseDate: "2025-12-16",
    description:
      "OpenAI's GPT Image 1.5 at high quality. It follows long, detailed instructions closely and renders legible text; one price covers square, landscape and portrait output.",
    useCases: ["Infographics", "Text-heavy designs", "Detailed instructions"],
    relatedSlugs: ["gpt-image-1.5-image-to-image-high", "flux-2-flex-text-to-image-2k", "flux-2-max-text-to-image-1k"],
    featured: true,
    parameters: gptImageParams("text_to_image"),
    aliases: [
      legacyCatalogSlug("openai", "gpt image 1.5, text-to-image, high"),
      "gpt-image-1.5",
      "openai/gpt-image-1.5",
      "fal-ai/gpt-image-1.5",
    ],
    routes: [
      { providerSlug: "openai", upstreamModel: "gpt-image-1.5", priority: 1, upstreamCostMicros: 200_000 },
      { providerSlug: "fal", upstreamModel: "fal-ai/gpt-image-1.5", priority: 2, upstreamCostMicros: 200_000 },
    ],
  },
  {
    slug: "gpt-image-1.5-image-to-image-high",
    familySlug: "gpt-image-1.5",
    displayName: "GPT Image 1.5 · image-to-image · high",
    modality: "image",
    task: "image_to_image",
    resolutionTier: "high",
    priceMicros: 301_000,
    referencePriceMicros: 133_000,
    referenceSource: "OpenAI API",
    releaseDate: "2025-12-16",
    description:
      "GPT Image 1.5 editing at high quality: change or combine up to 16 input images by describing what you want. The price includes the input images, which OpenAI bills as tokens.",
    useCases: ["Photo edits by instruction", "Logo-preserving mockups", "Combining references"],
    relatedSlugs: ["gpt-image-1.5-text-to-image-high", "flux-kontext-max-edit", "flux-2-pro-image-to-image-1k"],
    featured: false,
    parameters: gptImageParams("image_to_image"),
    aliases: [
      legacyCatalogSlug("openai", "gpt image 1.5, image-to-image, high"),
      "gpt-image-1.5-image-to-image",
      "fal-ai/gpt-image-1.5/edit",
    ],
    routes: [
      // Output at $0.20 plus input images at high fidelity, about $0.04 of input tokens.
      { providerSlug: "openai", upstreamModel: "gpt-image-1.5", priority: 1, upstreamCostMicros: 240_000 },
      { providerSlug: "fal", upstreamModel: "fal-ai/gpt-image-1.5/edit", priority: 2, upstreamCostMicros: 240_000 },
    ],
  },
  {
    slug: "ideogram-character-image-to-image-balanced",
    familySlug: "ideogram-character",
    displayName: "Ideogram Character · image-to-image · Balanced",
    modality: "image",
    task: "image_to_image",
    resolutionTier: "Balanced",
    priceMicros: 189_000,
    referencePriceMicros: 150_000,
    referenceSource: "fal.ai",
    releaseDate: "2025-07-29",
    description:
      "Puts the person from a single reference photo into new scenes, outfits and styles while keeping their face recognisable. Balanced mode sits between the fast and the highest-quality settings.",
    useCases: ["Consistent characters", "Storyboards", "Personalised avatars"],
    relatedSlugs: ["flux-2-pro-image-to-image-1k", "flux-kontext-pro-edit", "gpt-image-1.5-image-to-image-high"],
    featured: false,
    parameters: [
      promptParam(5000),
      inputImagesParam(1),
      aspectRatioParam(["1:1", "4:3", "3:4", "3:2", "2:3", "16:9", "9:16", "16:10", "10:16", "3:1", "1:3"], "1:1"),
      {
        type: "enum",
        name: "style",
        label: "Style",
        description: "Push the result towards a photographic or an illustrated look.",
        options: ["AUTO", "REALISTIC", "FICTION"],
        default: "AUTO",
      },
      promptUpsamplingParam(true),
      negativePromptParam(),
      seedParam(),
    ],
    aliases: [
      legacyCatalogSlug("ideogram", "ideogram character, image-to-image, BALANCED"),
      "ideogram-character",
      "ideogram-ai/ideogram-character",
      "fal-ai/ideogram/character",
    ],
    routes: [
      { providerSlug: "fal", upstreamModel: "fal-ai/ideogram/character", priority: 1, upstreamCostMicros: 150_000 },
      { providerSlug: "replicate", upstreamModel: "ideogram-ai/ideogram-character", priority: 2, upstreamCostMicros: 150_000 },
    ],
  },
  {
    slug: "qwen-image-text-to-image",
    familySlug: "qwen-image",
    displayName: "Qwen Image · text-to-image",
    modality: "image",
    task: "text_to_image",
    resolutionTier: null,
    priceMicros: 28_000,
    referencePriceMicros: 20_000,
    referenceSource: "fal.ai",
    releaseDate: "2025-08-04",
    description:
      "Alibaba's open-weight image model, unusually good at rendering text in images, Chinese characters included. An inexpensive choice for posters and graphics.",
    useCases: ["Bilingual posters", "Graphic design", "Budget generation"],
    relatedSlugs: ["qwen-image-image-to-image", "flux-2-pro-text-to-image-1k", "flux-2-flex-text-to-image-1k"],
    featured: false,
    parameters: qwenParams("text_to_image"),
    aliases: ["qwen-image", "qwen/qwen-image", "fal-ai/qwen-image"],
    routes: [
      { providerSlug: "fal", upstreamModel: "fal-ai/qwen-image", priority: 1, upstreamCostMicros: 20_000 },
      { providerSlug: "replicate", upstreamModel: "qwen/qwen-image", priority: 2, upstreamCostMicros: 25_000 },
    ],
  },
  {
    slug: "qwen-image-image-to-image",
    familySlug: "qwen-image",
    displayName: "Qwen Image · image-to-image",
    modality: "image",
    task: "image_to_image",
    resolutionTier: null,
    priceMicros: 42_000,
    referencePriceMicros: 30_000,
    referenceSource: "fal.ai",
    releaseDate: "2025-08-18",
    description:
      "Qwen Image Edit changes an existing picture from a written instruction, from restyling to swapping out words on a sign, at a low price.",
    useCases: ["Text replacement", "Restyling", "Quick fixes"],
    relatedSlugs: ["qwen-image-text-to-image", "flux-kontext-pro-edit", "ideogram-character-image-to-image-balanced"],
    featured: false,
    parameters: qwenParams("image_to_image"),
    aliases: [
      legacyCatalogSlug("qwen", "Qwen Image, image-to-image"),
      "qwen-image-edit",
      "qwen/qwen-image-edit",
      "fal-ai/qwen-image-edit",
    ],
    routes: [
      { providerSlug: "fal", upstreamModel: "fal-ai/qwen-image-edit", priority: 1, upstreamCostMicros: 30_000 },
      { providerSlug: "replicate", upstreamModel: "qwen/qwen-image-edit", priority: 2, upstreamCostMicros: 30_000 },
    ],
  },
];

import { buildSlugIndex, normalizeSlug, type SlugMatch } from "./aliases";
import { flux1Variants } from "./source-flux1";
import { flux2Variants } from "./source-flux2";
import { partnerVariants } from "./source-partners";
import type { CatalogSource, SourceFamily, SourceProvider } from "./source-schema";

// The catalog as data. The seed validates it (source-schema.ts) and writes it to the database;
// nothing here touches the database, so unit tests can check it directly.

const providers: SourceProvider[] = [
  {
    slug: "black-forest-labs",
    name: "Black Forest Labs",
    website: "https://bfl.ai",
    description: "The German lab that makes the FLUX image models and also sells API access to them directly.",
    isUpstream: true,
  },
  {
    slug: "openai",
    name: "OpenAI",
    website: "https://openai.com",
    description: "Maker of the GPT Image models, served through its own API.",
    isUpstream: true,
  },
  {
    slug: "ideogram",
    name: "Ideogram",
    website: "https://ideogram.ai",
    description: "Image model maker known for typography and character consistency.",
    isUpstream: false,
  },
  {
    slug: "qwen",
    name: "Qwen (Alibaba)",
    website: "https://qwen.ai",
    description: "Alibaba's model team, publishing open-weight models including Qwen Image.",
    isUpstream: false,
  },
  {
    slug: "fal",
    name: "fal.ai",
    website: "https://fal.ai",
    description: "Inference platform hosting many image models behind one queue API.",
    isUpstream: true,
  },
  {
    slug: "replicate",
    name: "Replicate",
    website: "https://replicate.com",
    description: "Inference platform that runs models through a predictions API.",
    isUpstream: true,
  },
];

const families: SourceFamily[] = [
  {
    slug: "flux-2-flex",
    name: "FLUX.2 [flex]",
    providerSlug: "black-forest-labs",
    description: "The FLUX.2 model that exposes sampling steps and guidance, for fine control over text and detail.",
  },
  {
    slug: "flux-2-pro",
    name: "FLUX.2 [pro]",
    providerSlug: "black-forest-labs",
    description: "The production FLUX.2 model: high quality with no settings to tune, at a low price.",
  },
  {
    slug: "flux-2-max",
    name: "FLUX.2 [max]",
    providerSlug: "black-forest-labs",
    description: "The top FLUX.2 model, for maximum prompt adherence and consistency in edits.",
  },
  {
    slug: "flux-kontext-pro",
    name: "FLUX.1 Kontext [pro]",
    providerSlug: "black-forest-labs",
    description: "FLUX.1 model for generation and edits by written instruction.",
  },
  {
    slug: "flux-kontext-max",
    name: "FLUX.1 Kontext [max]",
    providerSlug: "black-forest-labs",
    description: "The larger Kontext model, stronger at typography and demanding edits.",
  },
  {
    slug: "flux-1.1-pro",
    name: "FLUX1.1 [pro]",
    providerSlug: "black-forest-labs",
    description: "The previous-generation FLUX flagship, fast and dependable, with an ultra mode up to 4 MP.",
  },
  {
    slug: "gpt-image-1.5",
    name: "GPT Image 1.5",
    providerSlug: "openai",
    description: "OpenAI's image model with close instruction following and legible text.",
  },
  {
    slug: "ideogram-character",
    name: "Ideogram Character",
    providerSlug: "ideogram",
    description: "Keeps one person consistent across new images from a single reference photo.",
  },
  {
    slug: "qwen-image",
    name: "Qwen Image",
    providerSlug: "qwen",
    description: "Alibaba's open-weight model for generation and editing, strong at text in images.",
  },
];

/** Listing order within a sort is source order: FLUX.2 first, as the product leads with it. */
export const catalogSource: CatalogSource = {
  providers,
  families,
  variants: [...flux2Variants, ...flux1Variants, ...partnerVariants],
};

let sourceIndex: Map<string, SlugMatch> | undefined;

/** The same resolution as the database's `resolveVariant`, over the source data. */
export function resolveInSource(slugOrAlias: string): SlugMatch | null {
  sourceIndex ??= buildSlugIndex(catalogSource.variants);
  return sourceIndex.get(normalizeSlug(slugOrAlias)) ?? null;
}
